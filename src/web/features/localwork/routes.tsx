import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

const LocalPlansPage = lazyPage(() => import("./local-plans-page.tsx"), "LocalPlansPage");
const LocalPlanPage = lazyPage(() => import("./local-plans-page.tsx"), "LocalPlanPage");

const listRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/lokalt-utvecklingsarbete",
  beforeLoad: requireLogin,
  component: LocalPlansPage,
});
const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/lokalt-utvecklingsarbete/$id",
  beforeLoad: requireLogin,
  component: withPage(LocalPlanPage, function LocalPlanRoute() {
    return <LocalPlanPage id={planRoute.useParams().id} />;
  }),
});

/** Local development work (seed 004): each organisation's plan and the process support it got. */
export const localWorkFeature: Feature = {
  name: "localwork",
  routes: [listRoute, planRoute],
  nav: [{ to: "/lokalt-utvecklingsarbete", labelKey: "localwork.page.nav", order: 64, requires: "login" }],
};
