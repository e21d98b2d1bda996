import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.ts";
import { users } from "../../platform/platform.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { people } from "../people/people.schema.ts";

/**
 * A project of a portfolio, with the follow-up fields of the seed's appendix 1. Periods have month
 * precision: stored as the first day of the month, shown as `062012-062014`.
 */
export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    description: text("description"),
    /** A programme of projects (e.g. MOPS' four) points its children here. */
    parentId: uuid("parent_id").references((): AnyPgColumn => projects.id, { onDelete: "set null" }),
    leadPersonId: uuid("lead_person_id").references(() => people.id, { onDelete: "set null" }),
    /** The lead as written when not (yet) in the people register. */
    leadName: text("lead_name"),
    ownerOrganisationId: uuid("owner_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    /** Owning unit as text when not in the register. */
    ownerName: text("owner_name"),
    /** Sector group or area, e.g. "Äldreomsorg och socialt arbete" (text; see the decision in the report). */
    sector: text("sector"),
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
    /** The period as written when months are unknown, e.g. "2011-? (2015?)". */
    periodText: text("period_text"),
    /** delrapport | slutrapport */
    latestReportType: text("latest_report_type"),
    latestReportDate: date("latest_report_date"),
    /** The seed's "Slut-?": the kind of the latest report is in doubt. */
    latestReportUncertain: boolean("latest_report_uncertain").notNull().default(false),
    concreteResults: text("concrete_results"),
    canScaleUp: text("can_scale_up"),
    processLeaderComment: text("process_leader_comment"),
    /** green | yellow | red; null until first assessed. Every change is in project_colour_changes. */
    colour: text("colour"),
    /** When the next lägesrapport is due; null when none is expected. */
    reportDueDate: date("report_due_date"),
    reportIntervalMonths: integer("report_interval_months"),
    ...timestamps,
  },
  (t) => [
    index("projects_sort_idx").on(t.sortKey, t.id),
    index("projects_colour_idx").on(t.colour),
    index("projects_sector_idx").on(t.sector),
    index("projects_owner_idx").on(t.ownerOrganisationId),
    // The list sorts by period with projects lacking one last: the same expressions as projects.service's sort.
    index("projects_period_end_sort_idx").on(sql`coalesce(${t.periodEnd}, '9999-12-01'::date)`, t.id),
    index("projects_period_start_sort_idx").on(sql`coalesce(${t.periodStart}, '9999-12-01'::date)`, t.id),
    index("projects_period_end_idx").on(t.periodEnd),
    index("projects_report_due_idx").on(t.reportDueDate),
    index("projects_parent_idx").on(t.parentId),
    index("projects_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

export const projectReports = pgTable(
  "project_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** delrapport | slutrapport */
    kind: text("kind").notNull().default("delrapport"),
    periodFrom: date("period_from"),
    periodTo: date("period_to"),
    doneSinceLast: text("done_since_last").notNull(),
    deviations: text("deviations"),
    results: text("results"),
    nextSteps: text("next_steps"),
    budgetUsed: integer("budget_used"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedByName: text("submitted_by_name").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewedBy: uuid("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedByName: text("reviewed_by_name"),
    reviewComment: text("review_comment"),
  },
  (t) => [index("project_reports_project_idx").on(t.projectId, t.submittedAt)],
);

/** Every colour a project has had: date, author and reason. */
export const projectColourChanges = pgTable(
  "project_colour_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    colour: text("colour").notNull(),
    previousColour: text("previous_colour"),
    reason: text("reason").notNull(),
    /** The date the decision took effect (a follow-up meeting may be recorded later). */
    date: date("date").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    reportId: uuid("report_id").references(() => projectReports.id, { onDelete: "set null" }),
  },
  (t) => [index("project_colour_changes_project_idx").on(t.projectId, t.recordedAt)],
);

/** Own money and co-financing, by funder, in whole kronor. */
export const projectFunding = pgTable(
  "project_funding",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** own | cofinancing */
    kind: text("kind").notNull(),
    funderOrganisationId: uuid("funder_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    funderName: text("funder_name"),
    amount: integer("amount").notNull(),
    year: integer("year"),
    note: text("note"),
    /** The governance decision that granted the money (a board's grant decision), if any. */
    decisionId: uuid("decision_id"),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    index("project_funding_project_idx").on(t.projectId),
    index("project_funding_decision_idx").on(t.decisionId),
  ],
);

/**
 * Typed results a follow-up counts: one row per output (14 articles are fourteen rows, each with its
 * authors, venue, year and DOI). `count` stays in the public API and is always 1.
 */
export const projectOutputs = pgTable(
  "project_outputs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** publication | scientific_article | report | conference_presentation | dissemination_activity | documented_model | premises | other */
    type: text("type").notNull(),
    title: text("title").notNull(),
    count: integer("count").notNull().default(1),
    /** Scientific article: authors as written ("Andersson, A., Berg, B."), venue (journal/conference), year, DOI. */
    authors: text("authors"),
    venue: text("venue"),
    year: integer("year"),
    doi: text("doi"),
    date: date("date"),
    url: text("url"),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("project_outputs_project_idx").on(t.projectId), index("project_outputs_type_idx").on(t.type)],
);

/**
 * A dated review round of the portfolio (the seed's "avrapportering 2 april 2013"): the status reports
 * it covered, each project's assessment in the round, and the round's general conclusions (in order).
 */
export const reviewRounds = pgTable(
  "review_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    date: date("date").notNull(),
    conclusions: text("conclusions").array().notNull().default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (t) => [index("review_rounds_date_idx").on(t.date, t.id)],
);

/** One project's row in a review round: the report it covered and the round's assessment. */
export const reviewRoundProjects = pgTable(
  "review_round_projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** delrapport | slutrapport: the kind of report the round covered. */
    reportType: text("report_type"),
    reportUncertain: boolean("report_uncertain").notNull().default(false),
    concreteResults: text("concrete_results"),
    canScaleUp: text("can_scale_up"),
    comment: text("comment"),
    /** green | yellow | red */
    colour: text("colour"),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    index("review_round_projects_round_idx").on(t.roundId, t.sortOrder),
    index("review_round_projects_project_idx").on(t.projectId),
  ],
);
