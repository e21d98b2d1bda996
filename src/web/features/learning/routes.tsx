import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const SpacePage = lazyPage(() => import("./learning-pages.tsx"), "SpacePage");
const SpacesPage = lazyPage(() => import("./learning-pages.tsx"), "SpacesPage");

const listRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/larplattform",
  beforeLoad: requireLogin,
  component: SpacesPage,
});
const spaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/larplattform/$id",
  beforeLoad: requireLogin,
  component: withPage(SpacePage, function SpaceRoute() {
    return <SpacePage id={spaceRoute.useParams().id} />;
  }),
});

/** The learning spaces of projects and networks: documents, links, forum and feedback, for members. */
export const learningFeature: Feature = {
  name: "learning",
  routes: [listRoute, spaceRoute],
  nav: [{ to: "/larplattform", labelKey: "learning.web.nav", order: 63, requires: "login" }],
};
