import { createRoute } from "@tanstack/react-router";
import { requireAbility } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const MailingsPage = lazyPage(() => import("./mailings-page.tsx"), "MailingsPage");
const ConfirmSubscriptionPage = lazyPage(() => import("./newsletter-pages.tsx"), "ConfirmSubscriptionPage");
const SubscribePage = lazyPage(() => import("./newsletter-pages.tsx"), "SubscribePage");
const UnsubscribePage = lazyPage(() => import("./newsletter-pages.tsx"), "UnsubscribePage");

const subscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/nyhetsbrev",
  component: SubscribePage,
});
const confirmRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/nyhetsbrev/bekrafta/$token",
  component: withPage(ConfirmSubscriptionPage, function ConfirmRoute() {
    return <ConfirmSubscriptionPage token={confirmRoute.useParams().token} />;
  }),
});
const unsubscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/nyhetsbrev/avregistrera/$token",
  component: withPage(UnsubscribePage, function UnsubscribeRoute() {
    return <UnsubscribePage token={unsubscribeRoute.useParams().token} />;
  }),
});
const mailingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/utskick",
  beforeLoad: requireAbility("coordinate"),
  component: MailingsPage,
});

/** The newsletter (public, double opt-in) and the office's mailings and invitations. */
export const communicationFeature: Feature = {
  name: "communication",
  routes: [subscribeRoute, confirmRoute, unsubscribeRoute, mailingsRoute],
  nav: [{ to: "/utskick", labelKey: "communication.web.nav", order: 62, requires: "coordinate" }],
};
