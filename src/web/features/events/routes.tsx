import { createRoute } from "@tanstack/react-router";
import { requireAbility } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { thisMonth } from "./event-format.ts";
import { publicEventsQuery } from "./events-api.ts";
import "./events.css";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const CalendarPage = lazyPage(() => import("./calendar-page.tsx"), "CalendarPage");
const CheckinPage = lazyPage(() => import("./checkin-page.tsx"), "CheckinPage");
const EventAdminPage = lazyPage(() => import("./event-admin-page.tsx"), "EventAdminPage");
const EventFormPage = lazyPage(() => import("./event-form-page.tsx"), "EventFormPage");
const EventPage = lazyPage(() => import("./event-page.tsx"), "EventPage");
const ManagePage = lazyPage(() => import("./manage-page.tsx"), "ManagePage");
const ParticipantTablePage = lazyPage(() => import("./participant-table-page.tsx"), "ParticipantTablePage");
const RegistrationPage = lazyPage(() => import("./registration-page.tsx"), "RegistrationPage");

const text = (value: unknown, max = 100) =>
  typeof value === "string" && value.length <= max ? value : undefined;
const organise = requireAbility("coordinate");

// Public: the calendar, event pages, registration and the personal link — no account needed.
const calendarRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang",
  validateSearch: (search: Record<string, unknown>): { vy?: "lista" | "manad"; manad?: string } => ({
    vy: search.vy === "manad" ? "manad" : search.vy === "lista" ? "lista" : undefined,
    manad: typeof search.manad === "string" && /^\d{4}-\d{2}$/.test(search.manad) ? search.manad : undefined,
  }),
  // The events are fetched beside the page's chunk, so the calendar shows with its list rather than
  // a spinner the list then pushes aside; a failure is the page's to show (QueryState), not the route's.
  loaderDeps: ({ search }) => ({ month: search.vy === "manad" ? (search.manad ?? thisMonth()) : undefined }),
  loader: ({ context, deps }) =>
    context.queryClient.ensureQueryData(publicEventsQuery(deps.month)).catch(() => null),
  component: withPage(CalendarPage, function CalendarRoute() {
    const search = calendarRoute.useSearch();
    return <CalendarPage view={search.vy ?? "lista"} month={search.manad ?? thisMonth()} />;
  }),
});

const eventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/$id",
  component: withPage(EventPage, function EventRoute() {
    return <EventPage id={eventRoute.useParams().id} />;
  }),
});

const registrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/anmalan/$token",
  validateSearch: (search: Record<string, unknown>): { ny?: boolean } => ({
    ny: search.ny === true || search.ny === "true" ? true : undefined,
  }),
  component: withPage(RegistrationPage, function RegistrationRoute() {
    return (
      <RegistrationPage
        token={registrationRoute.useParams().token}
        fresh={!!registrationRoute.useSearch().ny}
      />
    );
  }),
});

// Organisers (the collaboration office).
const manageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/hantera",
  beforeLoad: organise,
  validateSearch: (search: Record<string, unknown>): { tidigare?: boolean } => ({
    tidigare: search.tidigare === true || search.tidigare === "true" ? true : undefined,
  }),
  component: withPage(ManagePage, function ManageRoute() {
    return <ManagePage past={!!manageRoute.useSearch().tidigare} />;
  }),
});

const newRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/hantera/ny",
  beforeLoad: organise,
  component: EventFormPage,
});

const tableRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/hantera/deltagartabell",
  beforeLoad: organise,
  validateSearch: (search: Record<string, unknown>) => ({
    projectTag: text(search.projectTag),
    projectId: text(search.projectId),
    seriesId: text(search.seriesId),
    networkId: text(search.networkId),
  }),
  component: withPage(ParticipantTablePage, function TableRoute() {
    const search = tableRoute.useSearch();
    const scope = Object.fromEntries(Object.entries(search).filter(([, v]) => v)) as Record<string, string>;
    return <ParticipantTablePage scope={scope} />;
  }),
});

const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/hantera/$id",
  beforeLoad: organise,
  component: withPage(EventAdminPage, function AdminRoute() {
    return <EventAdminPage id={adminRoute.useParams().id} />;
  }),
});

const editRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/hantera/$id/redigera",
  beforeLoad: organise,
  component: withPage(EventFormPage, function EditRoute() {
    return <EventFormPage id={editRoute.useParams().id} />;
  }),
});

const checkinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/hantera/$id/incheckning",
  beforeLoad: organise,
  validateSearch: (search: Record<string, unknown>): { kod?: string } => ({ kod: text(search.kod, 12) }),
  component: withPage(CheckinPage, function CheckinRoute() {
    return <CheckinPage id={checkinRoute.useParams().id} code={checkinRoute.useSearch().kod} />;
  }),
});

/** Meeting places: the public calendar and registration, and the organisers' views under /evenemang/hantera. */
export const eventsFeature: Feature = {
  name: "events",
  routes: [
    calendarRoute,
    eventRoute,
    registrationRoute,
    manageRoute,
    newRoute,
    tableRoute,
    adminRoute,
    editRoute,
    checkinRoute,
  ],
  nav: [
    { to: "/evenemang", labelKey: "nav.events", order: 60 },
    { to: "/evenemang/hantera", labelKey: "events.nav.manage", order: 61, requires: "coordinate" },
  ],
};
