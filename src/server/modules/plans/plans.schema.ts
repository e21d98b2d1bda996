import { sql } from "drizzle-orm";
import {
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
import { timestamps } from "../../db/columns.ts";
import { users } from "../../platform/platform.schema.ts";
import { activities } from "../activities/activities.schema.ts";
import { goalFrameworkVersions } from "../goals/goals.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";

/** An action plan (handlingsplan), written against one version of a goal framework. */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    sortKey: text("sort_key").notNull(),
    subtitle: text("subtitle"),
    ownerOrganisationId: uuid("owner_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    frameworkVersionId: uuid("framework_version_id").references(() => goalFrameworkVersions.id, {
      onDelete: "set null",
    }),
    /** The document's own version, e.g. "2.1". */
    documentVersion: text("document_version"),
    preparedBy: text("prepared_by"),
    documentOwner: text("document_owner"),
    documentDate: date("document_date"),
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
    description: text("description"),
    ...timestamps,
  },
  (t) => [index("plans_sort_idx").on(t.sortKey, t.id)],
);

export const planPhases = pgTable(
  "plan_phases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("plan_phases_plan_idx").on(t.planId, t.sortOrder)],
);

/** E.g. utvecklingsinsatser, kommunikationsinsatser. */
export const planSections = pgTable(
  "plan_sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("plan_sections_plan_idx").on(t.planId, t.sortOrder)],
);

export const planItems = pgTable(
  "plan_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    sectionId: uuid("section_id").references(() => planSections.id, { onDelete: "set null" }),
    phaseId: uuid("phase_id").references(() => planPhases.id, { onDelete: "set null" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    targetGroups: jsonb("target_groups").$type<string[]>().notNull().default([]),
    /** As the plan writes it, e.g. "SAM i samarbete med rektors kansli och KOM". */
    responsibleText: text("responsible_text"),
    /** As the plan writes it: "Q4 2013", "vt 2014", "2014", a date. */
    startText: text("start_text"),
    /** Parsed from startText, for the timeline. */
    startDate: date("start_date"),
    endDate: date("end_date"),
    /** The recurrence as the plan writes it ("1 gång per termin"); kept as a note beside the schedule. */
    recurrence: text("recurrence"),
    /** semester | monthly | yearly: the item recurs and has occurrences from start to end. */
    recurrenceFrequency: text("recurrence_frequency"),
    recurrenceStart: date("recurrence_start"),
    recurrenceEnd: date("recurrence_end"),
    /** Planned resources, whole kronor. */
    resources: integer("resources"),
    /** planned | ongoing | done | cancelled */
    status: text("status").notNull().default("planned"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("plan_items_number_uq").on(t.planId, t.number),
    index("plan_items_section_idx").on(t.sectionId),
    index("plan_items_title_trgm").using("gin", sql`${t.title} gin_trgm_ops`),
  ],
);

/** The units named as responsible, when they are in the organisation register. */
export const planItemOrganisations = pgTable(
  "plan_item_organisations",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => planItems.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.organisationId] }),
    index("plan_item_orgs_org_idx").on(t.organisationId),
  ],
);

/** Dated progress notes; the latest status note also sets the item's status. */
export const planItemProgress = pgTable(
  "plan_item_progress",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => planItems.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    status: text("status"),
    note: text("note").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_item_progress_item_idx").on(t.itemId, t.date)],
);

/** Activities that deliver a plan item (spawned from it or linked to it). */
export const planItemActivities = pgTable(
  "plan_item_activities",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => planItems.id, { onDelete: "cascade" }),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.activityId] }),
    index("plan_item_activities_activity_idx").on(t.activityId),
  ],
);

/** One scheduled occurrence of a recurring item; marking it done records who and when. */
export const planItemOccurrences = pgTable(
  "plan_item_occurrences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => planItems.id, { onDelete: "cascade" }),
    dueDate: date("due_date").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneById: uuid("done_by_id").references(() => users.id, { onDelete: "set null" }),
    doneByName: text("done_by_name"),
    note: text("note"),
  },
  (t) => [uniqueIndex("plan_item_occurrences_due_uq").on(t.itemId, t.dueDate)],
);
