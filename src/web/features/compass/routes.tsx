import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import "./compass.css";
import { ComparePage } from "./compare-page.tsx";
import { CompassHomePage } from "./compass-home-page.tsx";
import { ModelPage } from "./model-page.tsx";
import { OffersPage } from "./offers-page.tsx";
import { ProgrammeCompassPage } from "./programme-compass-page.tsx";
import { UnitCompassPage } from "./unit-compass-page.tsx";

/** `?year=2024` → 2024; anything else → undefined (the page picks the latest year with data). */
const yearSearch = (search: Record<string, unknown>): { year?: number } => {
  const year = Number(search.year);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {};
};

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kompassen",
  beforeLoad: requireLogin,
  component: CompassHomePage,
});

const programmeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kompassen/program/$programmeId",
  beforeLoad: requireLogin,
  validateSearch: yearSearch,
  component: function ProgrammeCompassRoute() {
    const { programmeId } = programmeRoute.useParams();
    const { year } = programmeRoute.useSearch();
    return <ProgrammeCompassPage key={`${programmeId}-${year}`} programmeId={programmeId} year={year} />;
  },
});

const unitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kompassen/enhet/$organisationId",
  beforeLoad: requireLogin,
  validateSearch: yearSearch,
  component: function UnitCompassRoute() {
    const { organisationId } = unitRoute.useParams();
    const { year } = unitRoute.useSearch();
    return <UnitCompassPage key={`${organisationId}-${year}`} organisationId={organisationId} year={year} />;
  },
});

const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kompassen/jamfor",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>): { ids?: string; year?: number } => ({
    ...yearSearch(search),
    ids: typeof search.ids === "string" && search.ids.length <= 400 ? search.ids : undefined,
  }),
  component: function CompareRoute() {
    const { ids, year } = compareRoute.useSearch();
    const list = (ids ?? "").split(",").filter(Boolean);
    return <ComparePage ids={list} year={year} />;
  },
});

const offersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kompassen/erbjudanden",
  beforeLoad: requireLogin,
  component: OffersPage,
});

const modelRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kompassen/modell",
  beforeLoad: requireLogin,
  component: ModelPage,
});

/** ALA-kompassen: programme compasses, unit views, comparison, offers and the model. */
export const compassFeature: Feature = {
  name: "compass",
  routes: [homeRoute, programmeRoute, unitRoute, compareRoute, offersRoute, modelRoute],
  nav: [{ to: "/kompassen", labelKey: "nav.compass", order: 40, requires: "login" }],
};
