import { createRoute, type RouteComponent } from "@tanstack/react-router";
import { requireAbility, requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

const AgreementsPage = lazyPage(() => import("./agreements-page.tsx"), "AgreementsPage");
const AgreementPage = lazyPage(() => import("./agreement-page.tsx"), "AgreementPage");
const SharedCoursesPage = lazyPage(() => import("./shared-courses-page.tsx"), "SharedCoursesPage");

const page = (path: string, component: RouteComponent, beforeLoad = requireLogin) =>
  createRoute({ getParentRoute: () => rootRoute, path, beforeLoad, component });

const listRoute = page("/avtal", AgreementsPage);
const sharedRoute = page("/avtal/gemensamma-kurser", SharedCoursesPage, requireAbility("coordinate"));
const detailRoute = page(
  "/avtal/$id",
  withPage(AgreementPage, function AgreementRoute() {
    return <AgreementPage id={detailRoute.useParams().id} />;
  }),
);

/** SKO agreements: every logged-in user sees the list the server scopes; coordinators the shared courses. */
export const agreementsFeature: Feature = {
  name: "agreements",
  routes: [listRoute, sharedRoute, detailRoute],
  nav: [{ to: "/avtal", labelKey: "nav.agreements", order: 55, requires: "login" }],
};
