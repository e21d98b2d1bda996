import { createRoute } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { requireAbility, requireLogin } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { PeoplePage } from "./people-page.tsx";
import { PersonFormPage } from "./person-form-page.tsx";
import { PersonPage } from "./person-page.tsx";

const page = (path: string, component: () => ReactNode, beforeLoad = requireLogin) =>
  createRoute({ getParentRoute: () => rootRoute, path, beforeLoad, component });

const listRoute = page("/register/personer", PeoplePage);
const newRoute = page("/register/personer/ny", () => <PersonFormPage />, requireAbility("coordinate"));
const detailRoute = page("/register/personer/$id", function PersonRoute() {
  return <PersonPage id={detailRoute.useParams().id} />;
});
// A partner may edit members of their own organisation: the server's abilities and 403 decide.
const editRoute = page("/register/personer/$id/redigera", function EditPersonRoute() {
  return <PersonFormPage id={editRoute.useParams().id} />;
});

/** The people register under /register. */
export const peopleFeature: Feature = {
  name: "people",
  routes: [listRoute, newRoute, detailRoute, editRoute],
};
