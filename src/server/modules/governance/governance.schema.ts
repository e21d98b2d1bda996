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
import type { DecisionLink } from "../../../common/governance.ts";
import { timestamps } from "../../db/columns.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { people } from "../people/people.schema.ts";

/**
 * Governance: bodies (board, sector groups …) with members, their meetings (agenda, attendance,
 * minutes, adjusters, approval), the decisions recorded in the minutes, and the registry (diarium)
 * whose numbers run in one series per organisation and year (`SK 2010/17`).
 */
export const governanceBodies = pgTable(
  "governance_bodies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    kind: text("kind").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    parentId: uuid("parent_id").references((): any => governanceBodies.id, { onDelete: "set null" }),
    mandate: text("mandate"),
    tasks: text("tasks"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    ...timestamps,
  },
  (t) => [
    index("governance_bodies_sort_idx").on(t.sortKey, t.id),
    index("governance_bodies_org_idx").on(t.organisationId),
  ],
);

/** A person's seat in a body, or a staff assignment (function and percentage of full time). */
export const governanceMembers = pgTable(
  "governance_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => governanceBodies.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    partyOrganisationId: uuid("party_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    role: text("role").notNull(),
    function: text("function"),
    percentOfFullTime: integer("percent_of_full_time"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("governance_members_body_idx").on(t.bodyId),
    index("governance_members_person_idx").on(t.personId),
  ],
);

export const governanceMeetings = pgTable(
  "governance_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => governanceBodies.id, { onDelete: "cascade" }),
    title: text("title"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    place: text("place"),
    link: text("link"),
    /** The minutes (once approved) and the public agenda items are public. */
    public: boolean("public").notNull().default(false),
    minutesText: text("minutes_text"),
    /** Person ids of the adjusters (justerare). */
    adjusters: jsonb("adjusters").$type<string[]>().notNull().default([]),
    /** Person ids present. */
    attendance: jsonb("attendance").$type<string[]>().notNull().default([]),
    noticeSentAt: timestamp("notice_sent_at", { withTimezone: true }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: text("approved_by"),
    ...timestamps,
  },
  (t) => [index("governance_meetings_body_idx").on(t.bodyId, t.startsAt)],
);

export const governanceAgendaItems = pgTable(
  "governance_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => governanceMeetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    presenter: text("presenter"),
    public: boolean("public").notNull().default(true),
    documents: jsonb("documents").$type<string[]>().notNull().default([]),
    notes: text("notes"),
  },
  (t) => [uniqueIndex("governance_agenda_items_pos_uq").on(t.meetingId, t.position)],
);

export const governanceDecisions = pgTable(
  "governance_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => governanceMeetings.id, { onDelete: "cascade" }),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => governanceBodies.id, { onDelete: "cascade" }),
    /** § in the meeting. */
    paragraph: integer("paragraph").notNull(),
    agendaItemId: uuid("agenda_item_id").references(() => governanceAgendaItems.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    text: text("text").notNull(),
    kind: text("kind").notNull(),
    /** Whole kronor, for grants. */
    amount: integer("amount"),
    links: jsonb("links").$type<DecisionLink[]>().notNull().default([]),
    public: boolean("public").notNull().default(true),
    registryEntryId: uuid("registry_entry_id"),
    registryNumber: text("registry_number"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("governance_decisions_paragraph_uq").on(t.meetingId, t.paragraph),
    index("governance_decisions_body_idx").on(t.bodyId, t.createdAt),
    index("governance_decisions_trgm").using(
      "gin",
      sql`(${t.title} || ' ' || ${t.text} || ' ' || coalesce(${t.registryNumber}, '')) gin_trgm_ops`,
    ),
  ],
);

/** An organisation's series letters, e.g. `SK` for Samhällskontraktet. */
export const governanceRegistrySeries = pgTable("governance_registry_series", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  prefix: text("prefix").notNull(),
});

/** The last number given in an organisation's series for a year; bumped atomically. */
export const governanceRegistryCounters = pgTable(
  "governance_registry_counters",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
);

export const governanceRegistryEntries = pgTable(
  "governance_registry_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    bodyId: uuid("body_id").references(() => governanceBodies.id, { onDelete: "set null" }),
    year: integer("year").notNull(),
    /** Null when an external registrar's number is recorded instead. */
    number: integer("number"),
    registryNumber: text("registry_number").notNull(),
    title: text("title").notNull(),
    date: date("date").notNull(),
    direction: text("direction").notNull(),
    counterpart: text("counterpart"),
    caseRef: text("case_ref"),
    documentType: text("document_type").notNull(),
    retentionClass: text("retention_class").notNull(),
    confidential: boolean("confidential").notNull().default(false),
    confidentialityGround: text("confidentiality_ground"),
    files: jsonb("files").$type<string[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("governance_registry_number_uq").on(t.organisationId, t.year, t.number),
    index("governance_registry_date_idx").on(t.date, t.id),
    // The registry per year (and organisation), newest first, without sorting the year's entries.
    index("governance_registry_year_idx").on(t.year, t.date, t.id),
    index("governance_registry_trgm").using(
      "gin",
      sql`(${t.title} || ' ' || ${t.registryNumber} || ' ' || coalesce(${t.counterpart}, '')) gin_trgm_ops`,
    ),
  ],
);
