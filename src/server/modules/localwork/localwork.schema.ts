import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.ts";
import { organisations } from "../organisations/organisations.schema.ts";

/** An organisation's local development plan (seed 004: "lokalt utvecklingsarbete"), one per organisation. */
export const localPlans = pgTable(
  "local_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The project whose local work this is, by its tag (e.g. "LC-KOMP"); null for the organisation's own. */
    projectTag: text("project_tag"),
    /** The project (projects module) whose progress report counts this plan's support; no cross-module FK. */
    projectId: uuid("project_id"),
    title: text("title").notNull(),
    /** The local direction and aim ("lokal inriktning och målsättning"). */
    direction: text("direction"),
    activities: jsonb("activities").$type<{ title: string; done: boolean }[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("local_plans_org_idx").on(t.organisationId),
    index("local_plans_project_idx").on(t.projectId),
  ],
);

/** One process-support effort given to a local plan: kind, date, hours, by whom, how many took part. */
export const localPlanSupport = pgTable(
  "local_plan_support",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => localPlans.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    date: date("date").notNull(),
    hours: doublePrecision("hours").notNull(),
    givenBy: text("given_by").notNull(),
    participants: integer("participants").notNull(),
    note: text("note"),
    ...timestamps,
  },
  (t) => [index("local_plan_support_plan_idx").on(t.planId, t.date)],
);
