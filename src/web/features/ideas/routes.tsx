import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const PublicCallsPage = lazyPage(() => import("./public-call-page.tsx"), "PublicCallsPage");
const PublicCallPage = lazyPage(() => import("./public-call-page.tsx"), "PublicCallPage");
const OwnIdeaPage = lazyPage(() => import("./own-idea-page.tsx"), "OwnIdeaPage");
const CallsPage = lazyPage(() => import("./calls-page.tsx"), "CallsPage");
const CallPage = lazyPage(() => import("./calls-page.tsx"), "CallPage");
const IdeaPage = lazyPage(() => import("./idea-page.tsx"), "IdeaPage");

const publicCallsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/ideer",
  component: PublicCallsPage,
});
const publicCallRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/ideer/utlysning/$id",
  component: withPage(PublicCallPage, function PublicCallRoute() {
    return <PublicCallPage id={publicCallRoute.useParams().id} />;
  }),
});
/** The personal link in the receipt mail (the server writes `/ideer/<token>`). */
const ownIdeaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/ideer/$token",
  component: withPage(OwnIdeaPage, function OwnIdeaRoute() {
    return <OwnIdeaPage token={ownIdeaRoute.useParams().token} />;
  }),
});
const callsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/utlysningar",
  beforeLoad: requireLogin,
  component: CallsPage,
});
const callRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/utlysningar/$id",
  beforeLoad: requireLogin,
  component: withPage(CallPage, function CallRoute() {
    return <CallPage id={callRoute.useParams().id} />;
  }),
});

/** One idea as the office, the panel and the sector group work it. */
const ideaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/idee/$id",
  beforeLoad: requireLogin,
  component: withPage(IdeaPage, function IdeaRoute() {
    return <IdeaPage id={ideaRoute.useParams().id} />;
  }),
});

/** Calls for ideas: the public's calls and submission, the personal link, the office's call pages. */
export const ideasFeature: Feature = {
  name: "ideas",
  routes: [publicCallsRoute, publicCallRoute, ownIdeaRoute, callsRoute, callRoute, ideaRoute],
  nav: [{ to: "/utlysningar", labelKey: "ideas.calls.nav", order: 45, requires: "login" }],
};
