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
import type { DimensionDefinition } from "../../../common/compass.ts";
import { timestamps } from "../../db/columns.ts";
import { users } from "../../platform/platform.schema.ts";
import { activities, activityTypes } from "../activities/activities.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { programmes } from "../programmes/programmes.schema.ts";

/**
 * The compass model, one immutable row per version: history is never lost (HEInnovate lost its own
 * when it revised its statements). The latest version is the current one.
 */
export const compassModelVersions = pgTable("compass_model_versions", {
  version: integer("version").primaryKey(),
  /** calendar | academic: what a compass "year" means under this version. */
  period: text("period").notNull().default("calendar"),
  dimensions: jsonb("dimensions").$type<DimensionDefinition[]>().notNull(),
  note: text("note"),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export interface SnapshotLevels {
  [dimensionKey: string]: { level: number; activityCount: number };
}

/**
 * Which model version a programme-year is computed with, fixed when it is first computed and changed
 * only by an explicit recompute. `levels` records what the computation gave at that moment.
 */
export const compassSnapshots = pgTable(
  "compass_snapshots",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    modelVersion: integer("model_version")
      .notNull()
      .references(() => compassModelVersions.version),
    levels: jsonb("levels").$type<SnapshotLevels>().notNull().default({}),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
    computedBy: uuid("computed_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.year] }), index("compass_snapshots_year_idx").on(t.year)],
);

/** The goal picture (målbild): the level a programme aims for per dimension and year, with a note. */
export const compassGoals = pgTable(
  "compass_goals",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    dimensionKey: text("dimension_key").notNull(),
    level: integer("level"),
    note: text("note"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.year, t.dimensionKey] }),
    index("compass_goals_year_idx").on(t.year),
  ],
);

/** A programme director's own judgement of a level, always with a justification. */
export const compassAssessments = pgTable(
  "compass_assessments",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    dimensionKey: text("dimension_key").notNull(),
    level: integer("level").notNull(),
    justification: text("justification").notNull(),
    assessedBy: uuid("assessed_by").references(() => users.id, { onDelete: "set null" }),
    assessedAt: timestamp("assessed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.year, t.dimensionKey] })],
);

/** Learning outcomes about working life that can be followed up (seed 000, activity 2). */
export const compassLearningOutcomes = pgTable(
  "compass_learning_outcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    dimensions: jsonb("dimensions").$type<string[]>().notNull().default([]),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("compass_outcomes_programme_idx").on(t.programmeId)],
);

/** The work process per programme and year: goals → inventory → analysis → recommendations → work plan. */
export const compassWorkSteps = pgTable(
  "compass_work_steps",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    step: text("step").notNull(),
    /** not_started | in_progress | done */
    status: text("status").notNull().default("not_started"),
    startDate: date("start_date"),
    doneDate: date("done_date"),
    responsible: text("responsible"),
    note: text("note"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.year, t.step] })],
);

/** The collaboration office's catalogue of support offers (erbjudanden) matched to the compass. */
export const compassOffers = pgTable(
  "compass_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    sortKey: text("sort_key").notNull(),
    description: text("description").notNull(),
    dimensions: jsonb("dimensions").$type<string[]>().notNull().default([]),
    targetLevel: integer("target_level").notNull(),
    activityTypeKey: text("activity_type_key")
      .notNull()
      .references(() => activityTypes.key),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [index("compass_offers_sort_idx").on(t.sortKey, t.id)],
);

/** A programme took an offer for a year: the planned activity it added to its work plan. */
export const compassOfferTakes = pgTable(
  "compass_offer_takes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => compassOffers.id, { onDelete: "cascade" }),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    dimensionKey: text("dimension_key").notNull(),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    takenBy: uuid("taken_by").references(() => users.id, { onDelete: "set null" }),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("compass_offer_takes_uq").on(t.offerId, t.programmeId, t.year),
    index("compass_offer_takes_programme_idx").on(t.programmeId, t.year),
  ],
);
