import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { DashboardPage } from "./dashboard-page.tsx";
import { PortfolioPage } from "./portfolio-page.tsx";
import { ProjectPage } from "./project-page.tsx";
import { ProjectTimelinePage } from "./project-timeline-page.tsx";
import type { PortfolioFilters } from "./projects-api.ts";
import "../plans/plans.css";

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
  component: function PortfolioRoute() {
    const search = portfolioRoute.useSearch();
    const initial = Object.fromEntries(
      Object.entries(search).filter(([, v]) => v),
    ) as Partial<PortfolioFilters>;
    return <PortfolioPage key={JSON.stringify(initial)} initial={initial} />;
  },
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

const projectRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/projekt/$projectId",
  beforeLoad: requireLogin,
  component: function ProjectRoute() {
    return <ProjectPage projectId={projectRoute.useParams().projectId} />;
  },
});

/** The project portfolio under "Planer och projekt": table, overview, timeline, one project. */
export const projectsFeature: Feature = {
  name: "projects",
  routes: [portfolioRoute, dashboardRoute, timelineRoute, projectRoute],
};
