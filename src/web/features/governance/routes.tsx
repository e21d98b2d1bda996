import { createRoute, type RouteComponent } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

const BodiesPage = lazyPage(() => import("./bodies-page.tsx"), "BodiesPage");
const BodyPage = lazyPage(() => import("./body-page.tsx"), "BodyPage");
const NewMeetingPage = lazyPage(() => import("./new-meeting-page.tsx"), "NewMeetingPage");
const MeetingPage = lazyPage(() => import("./meeting-page.tsx"), "MeetingPage");
const DecisionRegisterPage = lazyPage(() => import("./decision-register-page.tsx"), "DecisionRegisterPage");
const RegistryPage = lazyPage(() => import("./registry-page.tsx"), "RegistryPage");
const CalendarPage = lazyPage(() => import("./calendar-page.tsx"), "CalendarPage");

/** The public may open what is public (a meeting, the decision register, the registry, the calendar). */
const open = null;
const page = (path: string, component: RouteComponent, guard: typeof requireLogin | null = requireLogin) =>
  createRoute({ getParentRoute: () => rootRoute, path, beforeLoad: guard ?? undefined, component });

const listRoute = page("/styrning", BodiesPage);
const decisionsRoute = page("/styrning/beslut", DecisionRegisterPage, open);
const registryRoute = page("/styrning/diarium", RegistryPage, open);
const calendarRoute = page("/styrning/kalender", CalendarPage, open);
const bodyRoute = page(
  "/styrning/organ/$id",
  withPage(BodyPage, function BodyRoute() {
    return <BodyPage id={bodyRoute.useParams().id} />;
  }),
);
const newMeetingRoute = page(
  "/styrning/organ/$id/nytt-mote",
  withPage(NewMeetingPage, function NewMeetingRoute() {
    return <NewMeetingPage bodyId={newMeetingRoute.useParams().id} />;
  }),
);
const meetingRoute = page(
  "/styrning/moten/$id",
  withPage(MeetingPage, function MeetingRoute() {
    return <MeetingPage id={meetingRoute.useParams().id} />;
  }),
  open,
);

/** Governance: bodies, meetings and minutes, the decision register, the registry and the year's meetings. */
export const governanceFeature: Feature = {
  name: "governance",
  routes: [listRoute, decisionsRoute, registryRoute, calendarRoute, bodyRoute, newMeetingRoute, meetingRoute],
  nav: [{ to: "/styrning", labelKey: "nav.governance", order: 57, requires: "login" }],
};
