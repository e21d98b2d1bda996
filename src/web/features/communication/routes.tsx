import { createRoute } from "@tanstack/react-router";
import { requireAbility } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { MailingsPage } from "./mailings-page.tsx";
import { ConfirmSubscriptionPage, SubscribePage, UnsubscribePage } from "./newsletter-pages.tsx";

const subscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/nyhetsbrev",
  component: SubscribePage,
});
const confirmRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/nyhetsbrev/bekrafta/$token",
  component: function ConfirmRoute() {
    return <ConfirmSubscriptionPage token={confirmRoute.useParams().token} />;
  },
});
const unsubscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/nyhetsbrev/avregistrera/$token",
  component: function UnsubscribeRoute() {
    return <UnsubscribePage token={unsubscribeRoute.useParams().token} />;
  },
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
