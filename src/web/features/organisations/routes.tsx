import { createRoute, type RouteComponent } from "@tanstack/react-router";
import { requireAbility, requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const OrganisationFormPage = lazyPage(() => import("./organisation-form-page.tsx"), "OrganisationFormPage");
const OrganisationPage = lazyPage(() => import("./organisation-page.tsx"), "OrganisationPage");
const OrganisationsPage = lazyPage(() => import("./organisations-page.tsx"), "OrganisationsPage");
const RegistersPage = lazyPage(() => import("./registers-page.tsx"), "RegistersPage");

const page = (path: string, component: RouteComponent, beforeLoad = requireLogin) =>
  createRoute({ getParentRoute: () => rootRoute, path, beforeLoad, component });

const registersRoute = page("/register", RegistersPage);
const listRoute = page("/register/organisationer", OrganisationsPage);
const newRoute = page("/register/organisationer/ny", OrganisationFormPage, requireAbility("coordinate"));
const detailRoute = page(
  "/register/organisationer/$id",
  withPage(OrganisationPage, function OrganisationRoute() {
    return <OrganisationPage id={detailRoute.useParams().id} />;
  }),
);
// A partner may edit their own organisation, so the server (abilities, 403) decides, not the route.
const editRoute = page(
  "/register/organisationer/$id/redigera",
  withPage(OrganisationFormPage, function EditOrganisationRoute() {
    return <OrganisationFormPage id={editRoute.useParams().id} />;
  }),
);

/** The Register place (/register, already in the main navigation) and the organisation register under it. */
export const organisationsFeature: Feature = {
  name: "organisations",
  routes: [registersRoute, listRoute, newRoute, detailRoute, editRoute],
};
