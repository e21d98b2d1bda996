import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import type { PortfolioFilters } from "./projects-api.ts";
import "../plans/plans.css";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const DashboardPage = lazyPage(() => import("./dashboard-page.tsx"), "DashboardPage");
const PortfolioPage = lazyPage(() => import("./portfolio-page.tsx"), "PortfolioPage");
const ProjectPage = lazyPage(() => import("./project-page.tsx"), "ProjectPage");
const ProjectTimelinePage = lazyPage(() => import("./project-timeline-page.tsx"), "ProjectTimelinePage");
const ReviewRoundsPage = lazyPage(() => import("./review-rounds-page.tsx"), "ReviewRoundsPage");
const ReviewRoundPage = lazyPage(() => import("./review-rounds-page.tsx"), "ReviewRoundPage");

const text = (value: unknown) => (typeof value === "string" && value.length <= 200 ? value : undefined);

const portfolioRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/projekt",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>): Partial<PortfolioFilters> => ({
    colour: text(search.colour),
    sector: text(search.sector),
    owner: text(search.owner),
  }),
  component: withPage(PortfolioPage, function PortfolioRoute() {
    const search = portfolioRoute.useSearch();
    const initial = Object.fromEntries(
      Object.entries(search).filter(([, v]) => v),
    ) as Partial<PortfolioFilters>;
    return <PortfolioPage key={JSON.stringify(initial)} initial={initial} />;
  }),
});

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/projekt/oversikt",
  beforeLoad: requireLogin,
  component: DashboardPage,
});

const timelineRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/projekt/tidslinje",
  beforeLoad: requireLogin,
  component: ProjectTimelinePage,
});

const reviewRoundsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/projekt/avrapporteringar",
  beforeLoad: requireLogin,
  component: ReviewRoundsPage,
});

const reviewRoundRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/projekt/avrapporteringar/$roundId",
  beforeLoad: requireLogin,
  component: withPage(ReviewRoundPage, function ReviewRoundRoute() {
    return <ReviewRoundPage roundId={reviewRoundRoute.useParams().roundId} />;
  }),
});

const projectRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/projekt/$projectId",
  beforeLoad: requireLogin,
  component: withPage(ProjectPage, function ProjectRoute() {
    return <ProjectPage projectId={projectRoute.useParams().projectId} />;
  }),
});

/** The project portfolio under "Planer och projekt": table, overview, timeline, review rounds, one project. */
export const projectsFeature: Feature = {
  name: "projects",
  routes: [portfolioRoute, dashboardRoute, timelineRoute, reviewRoundsRoute, reviewRoundRoute, projectRoute],
};
