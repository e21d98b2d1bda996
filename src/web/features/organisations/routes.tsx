import { createRoute } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { requireAbility, requireLogin } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { OrganisationFormPage } from "./organisation-form-page.tsx";
import { OrganisationPage } from "./organisation-page.tsx";
import { OrganisationsPage } from "./organisations-page.tsx";
import { RegistersPage } from "./registers-page.tsx";

const page = (path: string, component: () => ReactNode, beforeLoad = requireLogin) =>
  createRoute({ getParentRoute: () => rootRoute, path, beforeLoad, component });

const registersRoute = page("/register", RegistersPage);
const listRoute = page("/register/organisationer", OrganisationsPage);
const newRoute = page(
  "/register/organisationer/ny",
  () => <OrganisationFormPage />,
  requireAbility("coordinate"),
);
const detailRoute = page("/register/organisationer/$id", function OrganisationRoute() {
  return <OrganisationPage id={detailRoute.useParams().id} />;
});
// A partner may edit their own organisation, so the server (abilities, 403) decides, not the route.
const editRoute = page("/register/organisationer/$id/redigera", function EditOrganisationRoute() {
  return <OrganisationFormPage id={editRoute.useParams().id} />;
});

/** The Register place (/register, already in the main navigation) and the organisation register under it. */
export const organisationsFeature: Feature = {
  name: "organisations",
  routes: [registersRoute, listRoute, newRoute, detailRoute, editRoute],
};
