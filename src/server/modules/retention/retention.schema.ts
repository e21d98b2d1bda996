import { sql } from "drizzle-orm";
import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/platform.schema.ts";

/**
 * An administrator's retention rule per category (retention.rules.ts lists the categories and their
 * defaults): how long after its starting point (the event, the call's closing, the failure) a category's
 * personal data is kept, as months plus days, and whether the daily run applies it. A category without a
 * row uses its default.
 */
export const retentionRules = pgTable("retention_rules", {
  key: text("key").primaryKey(),
  months: integer("months").notNull().default(0),
  days: integer("days").notNull().default(0),
  enabled: boolean("enabled").notNull().default(true),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One retention run and its report: per category how many records were removed or anonymised. The counts
 * grow batch by batch in the batch's own transaction, so an interrupted run's report says what it did.
 * At most one run is `running` at a time (the partial unique index): a second one is refused.
 */
export const retentionRuns = pgTable(
  "retention_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** manual | scheduled */
    trigger: text("trigger").notNull(),
    startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** running | completed | failed | interrupted */
    status: text("status").notNull().default("running"),
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default({}),
    error: text("error"),
  },
  (t) => [uniqueIndex("retention_runs_one_running_uq").on(t.status).where(sql`${t.status} = 'running'`)],
);
