import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { SpacePage, SpacesPage } from "./learning-pages.tsx";

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
  component: function SpaceRoute() {
    return <SpacePage id={spaceRoute.useParams().id} />;
  },
});

/** The learning spaces of projects and networks: documents, links, forum and feedback, for members. */
export const learningFeature: Feature = {
  name: "learning",
  routes: [listRoute, spaceRoute],
  nav: [{ to: "/larplattform", labelKey: "learning.web.nav", order: 63, requires: "login" }],
};
