import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import "./compass.css";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const ComparePage = lazyPage(() => import("./compare-page.tsx"), "ComparePage");
const CompassHomePage = lazyPage(() => import("./compass-home-page.tsx"), "CompassHomePage");
const ModelPage = lazyPage(() => import("./model-page.tsx"), "ModelPage");
const OffersPage = lazyPage(() => import("./offers-page.tsx"), "OffersPage");
const ProgrammeCompassPage = lazyPage(() => import("./programme-compass-page.tsx"), "ProgrammeCompassPage");
const UnitCompassPage = lazyPage(() => import("./unit-compass-page.tsx"), "UnitCompassPage");

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
  component: withPage(ProgrammeCompassPage, function ProgrammeCompassRoute() {
    const { programmeId } = programmeRoute.useParams();
    const { year } = programmeRoute.useSearch();
    return <ProgrammeCompassPage key={`${programmeId}-${year}`} programmeId={programmeId} year={year} />;
  }),
});

const unitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kompassen/enhet/$organisationId",
  beforeLoad: requireLogin,
  validateSearch: yearSearch,
  component: withPage(UnitCompassPage, function UnitCompassRoute() {
    const { organisationId } = unitRoute.useParams();
    const { year } = unitRoute.useSearch();
    return <UnitCompassPage key={`${organisationId}-${year}`} organisationId={organisationId} year={year} />;
  }),
});

const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kompassen/jamfor",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>): { ids?: string; year?: number } => ({
    ...yearSearch(search),
    ids: typeof search.ids === "string" && search.ids.length <= 400 ? search.ids : undefined,
  }),
  component: withPage(ComparePage, function CompareRoute() {
    const { ids, year } = compareRoute.useSearch();
    const list = (ids ?? "").split(",").filter(Boolean);
    return <ComparePage ids={list} year={year} />;
  }),
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
