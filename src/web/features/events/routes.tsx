import { createRoute } from "@tanstack/react-router";
import { requireAbility } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { CalendarPage } from "./calendar-page.tsx";
import { CheckinPage } from "./checkin-page.tsx";
import { EventAdminPage } from "./event-admin-page.tsx";
import { EventFormPage } from "./event-form-page.tsx";
import { thisMonth } from "./event-format.ts";
import { EventPage } from "./event-page.tsx";
import { ManagePage } from "./manage-page.tsx";
import { ParticipantTablePage } from "./participant-table-page.tsx";
import { RegistrationPage } from "./registration-page.tsx";
import "./events.css";

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
  component: function CalendarRoute() {
    const search = calendarRoute.useSearch();
    return <CalendarPage view={search.vy ?? "lista"} month={search.manad ?? thisMonth()} />;
  },
});

const eventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/$id",
  component: function EventRoute() {
    return <EventPage id={eventRoute.useParams().id} />;
  },
});

const registrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/anmalan/$token",
  validateSearch: (search: Record<string, unknown>): { ny?: boolean } => ({
    ny: search.ny === true || search.ny === "true" ? true : undefined,
  }),
  component: function RegistrationRoute() {
    return (
      <RegistrationPage
        token={registrationRoute.useParams().token}
        fresh={!!registrationRoute.useSearch().ny}
      />
    );
  },
});

// Organisers (the collaboration office).
const manageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/hantera",
  beforeLoad: organise,
  validateSearch: (search: Record<string, unknown>): { tidigare?: boolean } => ({
    tidigare: search.tidigare === true || search.tidigare === "true" ? true : undefined,
  }),
  component: function ManageRoute() {
    return <ManagePage past={!!manageRoute.useSearch().tidigare} />;
  },
});

const newRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/hantera/ny",
  beforeLoad: organise,
  component: () => <EventFormPage />,
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
  component: function TableRoute() {
    const search = tableRoute.useSearch();
    const scope = Object.fromEntries(Object.entries(search).filter(([, v]) => v)) as Record<string, string>;
    return <ParticipantTablePage scope={scope} />;
  },
});

const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/hantera/$id",
  beforeLoad: organise,
  component: function AdminRoute() {
    return <EventAdminPage id={adminRoute.useParams().id} />;
  },
});

const editRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/hantera/$id/redigera",
  beforeLoad: organise,
  component: function EditRoute() {
    return <EventFormPage id={editRoute.useParams().id} />;
  },
});

const checkinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evenemang/hantera/$id/incheckning",
  beforeLoad: organise,
  validateSearch: (search: Record<string, unknown>): { kod?: string } => ({ kod: text(search.kod, 12) }),
  component: function CheckinRoute() {
    return <CheckinPage id={checkinRoute.useParams().id} code={checkinRoute.useSearch().kod} />;
  },
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
