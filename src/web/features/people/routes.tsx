import { createRoute, type RouteComponent } from "@tanstack/react-router";
import { requireAbility, requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const PeoplePage = lazyPage(() => import("./people-page.tsx"), "PeoplePage");
const PersonFormPage = lazyPage(() => import("./person-form-page.tsx"), "PersonFormPage");
const PersonPage = lazyPage(() => import("./person-page.tsx"), "PersonPage");

const page = (path: string, component: RouteComponent, beforeLoad = requireLogin) =>
  createRoute({ getParentRoute: () => rootRoute, path, beforeLoad, component });

const listRoute = page("/register/personer", PeoplePage);
const newRoute = page("/register/personer/ny", PersonFormPage, requireAbility("coordinate"));
const detailRoute = page(
  "/register/personer/$id",
  withPage(PersonPage, function PersonRoute() {
    return <PersonPage id={detailRoute.useParams().id} />;
  }),
);
// A partner may edit members of their own organisation: the server's abilities and 403 decide.
const editRoute = page(
  "/register/personer/$id/redigera",
  withPage(PersonFormPage, function EditPersonRoute() {
    return <PersonFormPage id={editRoute.useParams().id} />;
  }),
);

/** The people register under /register. */
export const peopleFeature: Feature = {
  name: "people",
  routes: [listRoute, newRoute, detailRoute, editRoute],
};
