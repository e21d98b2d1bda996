import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import type { ReportSearch } from "./reports-page.tsx";
import "../plans/plans.css";
import "./follow-up.css";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const DashboardPage = lazyPage(() => import("./dashboard-page.tsx"), "DashboardPage");
const IndicatorPage = lazyPage(() => import("./indicator-page.tsx"), "IndicatorPage");
const MoneyPage = lazyPage(() => import("./money-page.tsx"), "MoneyPage");
const GoalMatrixPage = lazyPage(() => import("./goal-matrix-page.tsx"), "GoalMatrixPage");
const ReportsPage = lazyPage(() => import("./reports-page.tsx"), "ReportsPage");

/** Search parameters are ids, years and dates: anything else is dropped rather than sent on. */
const id = (value: unknown) =>
  typeof value === "string" && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined;
const year = (value: unknown) =>
  (typeof value === "string" || typeof value === "number") && /^\d{4}$/.test(String(value))
    ? String(value)
    : undefined;
const date = (value: unknown) =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/uppfoljning",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>) => ({
    ramverk: id(search.ramverk),
    projekt: id(search.projekt),
    organisation: id(search.organisation),
  }),
  component: withPage(DashboardPage, function DashboardRoute() {
    const s = dashboardRoute.useSearch();
    return (
      <DashboardPage
        subject={{ frameworkId: s.ramverk, projectId: s.projekt, organisationId: s.organisation }}
      />
    );
  }),
});

const indicatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/uppfoljning/indikatorer/$id",
  beforeLoad: requireLogin,
  component: withPage(IndicatorPage, function IndicatorRoute() {
    return <IndicatorPage id={indicatorRoute.useParams().id} />;
  }),
});

const moneyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/uppfoljning/ekonomi",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>) => ({
    organisation: id(search.organisation),
    ar: year(search.ar),
  }),
  component: withPage(MoneyPage, function MoneyRoute() {
    const s = moneyRoute.useSearch();
    return (
      <MoneyPage organisationId={s.organisation ?? ""} year={Number(s.ar ?? new Date().getFullYear() - 1)} />
    );
  }),
});

const goalMatrixRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/uppfoljning/organisationer",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>) => ({ projekt: id(search.projekt) }),
  component: withPage(GoalMatrixPage, function GoalMatrixRoute() {
    return <GoalMatrixPage projectId={goalMatrixRoute.useSearch().projekt} />;
  }),
});

const kinds = ["annual", "progress", "follow-up"] as const;
const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/uppfoljning/rapporter",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>): ReportSearch => ({
    typ: kinds.find((k) => k === search.typ),
    organisation: id(search.organisation),
    ar: year(search.ar),
    projekt: id(search.projekt),
    fran: date(search.fran),
    till: date(search.till),
  }),
  component: withPage(ReportsPage, function ReportsRoute() {
    return <ReportsPage search={reportsRoute.useSearch()} />;
  }),
});

/** Uppföljning: goal dashboards with indicators, money per unit and year, reports generated from data. */
export const followUpFeature: Feature = {
  name: "follow-up",
  routes: [dashboardRoute, indicatorRoute, goalMatrixRoute, moneyRoute, reportsRoute],
  nav: [{ to: "/uppfoljning", labelKey: "nav.followUp", order: 70, requires: "login" }],
};
