import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import "./plans.css";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const FrameworkPage = lazyPage(() => import("./framework-page.tsx"), "FrameworkPage");
const GoalsInUsePage = lazyPage(() => import("./goals-in-use-page.tsx"), "GoalsInUsePage");
const PlanCoveragePage = lazyPage(() => import("./plan-coverage-page.tsx"), "PlanCoveragePage");
const PlanItemPage = lazyPage(() => import("./plan-item-page.tsx"), "PlanItemPage");
const PlanPage = lazyPage(() => import("./plan-page.tsx"), "PlanPage");
const PlanTimelinePage = lazyPage(() => import("./plan-timeline-page.tsx"), "PlanTimelinePage");
const PlansHomePage = lazyPage(() => import("./plans-home-page.tsx"), "PlansHomePage");

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer",
  beforeLoad: requireLogin,
  component: PlansHomePage,
});

const frameworkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/ramverk/$frameworkId",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>): { version?: number } => {
    const version = Number(search.version);
    return Number.isInteger(version) && version > 0 ? { version } : {};
  },
  component: withPage(FrameworkPage, function FrameworkRoute() {
    const { frameworkId } = frameworkRoute.useParams();
    return <FrameworkPage frameworkId={frameworkId} version={frameworkRoute.useSearch().version} />;
  }),
});

const goalsInUseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/ramverk/$frameworkId/i-bruk",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>): { ar?: number } => {
    const year = Number(search.ar);
    return Number.isInteger(year) && year >= 1990 && year <= 2100 ? { ar: year } : {};
  },
  component: withPage(GoalsInUsePage, function GoalsInUseRoute() {
    const { frameworkId } = goalsInUseRoute.useParams();
    const year = goalsInUseRoute.useSearch().ar ?? new Date().getFullYear();
    return <GoalsInUsePage frameworkId={frameworkId} year={year} />;
  }),
});

const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/$planId",
  beforeLoad: requireLogin,
  component: withPage(PlanPage, function PlanRoute() {
    return <PlanPage planId={planRoute.useParams().planId} />;
  }),
});

const timelineRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/$planId/tidplan",
  beforeLoad: requireLogin,
  component: withPage(PlanTimelinePage, function TimelineRoute() {
    return <PlanTimelinePage planId={timelineRoute.useParams().planId} />;
  }),
});

const coverageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/$planId/mal",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>): { avsnitt?: string } =>
    typeof search.avsnitt === "string" && search.avsnitt.length <= 40 ? { avsnitt: search.avsnitt } : {},
  component: withPage(PlanCoveragePage, function CoverageRoute() {
    const { planId } = coverageRoute.useParams();
    return <PlanCoveragePage planId={planId} section={coverageRoute.useSearch().avsnitt} />;
  }),
});

const itemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/planer/$planId/insats/$itemId",
  beforeLoad: requireLogin,
  component: withPage(PlanItemPage, function ItemRoute() {
    const { planId, itemId } = itemRoute.useParams();
    return <PlanItemPage planId={planId} itemId={itemId} />;
  }),
});

/** Plans and goal frameworks under "Planer och projekt" (/planer); the portfolio is the projects feature. */
export const plansFeature: Feature = {
  name: "plans",
  routes: [homeRoute, frameworkRoute, goalsInUseRoute, planRoute, timelineRoute, coverageRoute, itemRoute],
  nav: [{ to: "/planer", labelKey: "nav.plans", order: 50, requires: "login" }],
};
