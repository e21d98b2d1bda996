import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { IndicatorDefinition } from "../../../common/indicators.ts";
import { timestamps } from "../../db/columns.ts";
import { users } from "../../platform/platform.schema.ts";
import { goalFrameworks, goals } from "../goals/goals.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { projects } from "../projects/projects.schema.ts";

/**
 * A measurable goal. It is attached to what the goal belongs to — a framework goal, a project, an
 * organisation, an agreement — by explicit columns, so one indicator can be both "LC-KOMP's" and
 * "Sala kommun's own" (the two levels of seed 004). `definition` holds a computed indicator's
 * definition (compiled to SQL by src/server/read/indicator-records.ts); a manual one has none and takes values.
 */
export const indicators = pgTable(
  "indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    description: text("description"),
    unit: text("unit").notNull(),
    goalText: text("goal_text"),
    frameworkId: uuid("framework_id").references(() => goalFrameworks.id, { onDelete: "cascade" }),
    goalId: uuid("goal_id").references(() => goals.id, { onDelete: "set null" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    /** Agreements are not a module yet: the id is kept without a foreign key. */
    agreementId: uuid("agreement_id"),
    /** at_least | at_most | exactly */
    direction: text("direction").notNull().default("at_least"),
    target: bigint("target", { mode: "number" }).notNull(),
    baseline: bigint("baseline", { mode: "number" }),
    startDate: date("start_date"),
    deadline: date("deadline"),
    /** computed | manual */
    kind: text("kind").notNull(),
    definition: jsonb("definition").$type<IndicatorDefinition>(),
    sortOrder: integer("sort_order").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("indicators_framework_idx").on(t.frameworkId),
    index("indicators_goal_idx").on(t.goalId),
    index("indicators_project_idx").on(t.projectId, t.sortOrder),
    index("indicators_org_idx").on(t.organisationId, t.sortOrder),
    index("indicators_sort_idx").on(t.sortKey, t.id),
  ],
);

/** A manual indicator's values over time: each dated, with evidence and who entered it. */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    value: bigint("value", { mode: "number" }).notNull(),
    note: text("note"),
    evidenceUrl: text("evidence_url"),
    /** An uploaded file, stored under DATA_DIR/evidence/<key>, outside the web root. */
    evidenceFileKey: text("evidence_file_key"),
    evidenceFileName: text("evidence_file_name"),
    evidenceContentType: text("evidence_content_type"),
    evidenceSize: integer("evidence_size"),
    enteredBy: uuid("entered_by").references(() => users.id, { onDelete: "set null" }),
    enteredByName: text("entered_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("indicator_values_indicator_idx").on(t.indicatorId, t.date)],
);
