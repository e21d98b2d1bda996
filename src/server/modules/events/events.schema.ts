import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { EventQuestions, FeedbackQuestion } from "../../../common/events.ts";
import { timestamps } from "../../db/columns.ts";
import { activities, activityTypes } from "../activities/activities.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { people } from "../people/people.schema.ts";
import { projects } from "../projects/projects.schema.ts";

/**
 * Meeting places. An event IS an activity (of a meeting kind): `events.activity_id` is both its key
 * and the activity's id, so the activity register, the compass and the follow-up see every event.
 * The estimated participant count ("ca 90") is the activity's own `participants` field.
 */

/** A series of events, e.g. LC-KOMP's 20 seminars on 8 themes, or its 30 workshops. */
export const eventSeries = pgTable(
  "event_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    description: text("description"),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [index("event_series_sort_idx").on(t.sortKey, t.id)],
);

/** A network with members (people) that meets, e.g. LC-KOMP's three networks. */
export const eventNetworks = pgTable(
  "event_networks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    description: text("description"),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [index("event_networks_sort_idx").on(t.sortKey, t.id)],
);

export const networkMembers = pgTable(
  "network_members",
  {
    networkId: uuid("network_id")
      .notNull()
      .references(() => eventNetworks.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: text("role"),
    joinedOn: date("joined_on"),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.personId] }),
    index("network_members_person_idx").on(t.personId),
  ],
);

export const events = pgTable(
  "events",
  {
    activityId: uuid("activity_id")
      .primaryKey()
      .references(() => activities.id, { onDelete: "cascade" }),
    /** Confirmed places; null = no limit. */
    capacity: integer("capacity"),
    /** public (calendar, open registration) | internal (staff and invited only) */
    visibility: text("visibility").notNull().default("internal"),
    /** Over capacity: true puts people on the waiting list, false answers "full". */
    waitlist: boolean("waitlist").notNull().default(true),
    /** false for events that take no registrations (e.g. recorded afterwards with an estimate). */
    registrationEnabled: boolean("registration_enabled").notNull().default(true),
    registrationOpensAt: timestamp("registration_opens_at", { withTimezone: true }),
    registrationClosesAt: timestamp("registration_closes_at", { withTimezone: true }),
    /** Which questions the form asks (GDPR: the minimum); name and e-mail are always asked. */
    questions: jsonb("questions").$type<EventQuestions>().notNull(),
    theme: text("theme"),
    audience: text("audience"),
    contactEmail: text("contact_email"),
    seriesId: uuid("series_id").references(() => eventSeries.id, { onDelete: "set null" }),
    networkId: uuid("network_id").references(() => eventNetworks.id, { onDelete: "set null" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("events_visibility_idx").on(t.visibility),
    index("events_series_idx").on(t.seriesId),
    index("events_network_idx").on(t.networkId),
    index("events_project_idx").on(t.projectId),
  ],
);

/** One date and place of an event ("9–10 nov, Eskilstuna resp. Västerås" is two sessions). */
export const eventSessions = pgTable(
  "event_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.activityId, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place"),
  },
  (t) => [
    index("event_sessions_event_idx").on(t.eventId, t.startsAt),
    index("event_sessions_starts_idx").on(t.startsAt),
  ],
);

/**
 * A registration (or a walk-in, or a name from an attendance list). `status` is the booking;
 * attendance is `attended_at`, shown as status "attended" in the participant list.
 */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.activityId, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    /** Lower-cased; null only for walk-ins who gave none. */
    email: text("email"),
    organisationName: text("organisation_name"),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    role: text("role"),
    /** Key in the participant role catalogue (src/common/events.ts), for the project's role table. */
    roleKey: text("role_key"),
    municipality: text("municipality"),
    /** confirmed | waitlisted | cancelled */
    status: text("status").notNull(),
    /** form | staff | walk_in | list */
    source: text("source").notNull().default("form"),
    attendedAt: timestamp("attended_at", { withTimezone: true }),
    /** The personal link's token, hashed; the link itself is only in the participant's e-mail. */
    tokenHash: text("token_hash").notNull(),
    /** Short code on the confirmation (and in its QR code) the organiser scans or types at check-in. */
    checkinCode: text("checkin_code").notNull(),
    /** Consent to future invitations: a separate choice, never ticked in advance. */
    consentInvitations: boolean("consent_invitations").notNull().default(false),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("event_registrations_token_uq").on(t.tokenHash),
    uniqueIndex("event_registrations_code_uq").on(t.eventId, t.checkinCode),
    uniqueIndex("event_registrations_email_uq")
      .on(t.eventId, t.email)
      .where(sql`${t.status} <> 'cancelled' and ${t.email} is not null`),
    index("event_registrations_event_idx").on(t.eventId, t.status, t.createdAt),
    index("event_registrations_person_idx").on(t.personId),
  ],
);

/** Dietary needs are health data: kept apart and purged when the event is over (purgeDietaryNeeds). */
export const eventDietaryNeeds = pgTable("event_dietary_needs", {
  registrationId: uuid("registration_id")
    .primaryKey()
    .references(() => eventRegistrations.id, { onDelete: "cascade" }),
  needs: text("needs").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Accessibility needs (e.g. wheelchair access, hearing loop, sign language) may reveal health: kept
 * apart like dietary needs and purged together with them when the event is over.
 */
export const eventAccessibilityNeeds = pgTable("event_accessibility_needs", {
  registrationId: uuid("registration_id")
    .primaryKey()
    .references(() => eventRegistrations.id, { onDelete: "cascade" }),
  needs: text("needs").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The optional gender answer (the horizontal criterion gender equality), stored only with its own
 * consent and read only as counts per group of at least 5 (indicator kind count_participants_by_gender).
 * Withdrawing the consent deletes the row.
 */
export const eventGenderAnswers = pgTable(
  "event_gender_answers",
  {
    registrationId: uuid("registration_id")
      .primaryKey()
      .references(() => eventRegistrations.id, { onDelete: "cascade" }),
    /** kvinna | man | annat | vill_inte_svara */
    gender: text("gender").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("event_gender_answers_gender_idx").on(t.gender)],
);

/** One answer per registration: the rating, free text and the event type's extra questions. */
export const eventFeedback = pgTable(
  "event_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.activityId, { onDelete: "cascade" }),
    rating: integer("rating").notNull(),
    comment: text("comment"),
    answers: jsonb("answers").$type<Record<string, string | number>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("event_feedback_registration_uq").on(t.registrationId),
    index("event_feedback_event_idx").on(t.eventId),
  ],
);

/** The extra feedback questions asked after events of a type (rating and free text are always asked). */
export const feedbackQuestionSets = pgTable("feedback_question_sets", {
  typeKey: text("type_key")
    .primaryKey()
    .references(() => activityTypes.key, { onDelete: "cascade" }),
  questions: jsonb("questions").$type<FeedbackQuestion[]>().notNull().default([]),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
