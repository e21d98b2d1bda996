import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.ts";
import { users } from "../../platform/platform.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";

/**
 * A goal framework (a strategy's goals, a platform's vision and overall goals). Its goals live in
 * versions: revising the goals adds a version and leaves the earlier one, and everything linked to
 * its goals, untouched.
 */
export const goalFrameworks = pgTable(
  "goal_frameworks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    ownerOrganisationId: uuid("owner_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    /** Diarienummer as the registrar wrote it, e.g. "MIUN 2009/1671". */
    registryNumber: text("registry_number"),
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
    vision: text("vision"),
    description: text("description"),
    ...timestamps,
  },
  (t) => [index("goal_frameworks_sort_idx").on(t.sortKey, t.id)],
);

export const goalFrameworkVersions = pgTable(
  "goal_framework_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => goalFrameworks.id, { onDelete: "cascade" }),
    /** 1, 2, …; the highest is the current version. */
    number: integer("number").notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("goal_framework_versions_uq").on(t.frameworkId, t.number)],
);

/** A goal of one version; sub-goals point to their parent. Goal rows are never edited after creation. */
export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => goalFrameworkVersions.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => goals.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    text: text("text").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    /** The same goal in the previous version (matched by code), so a goal can be followed across revisions. */
    previousGoalId: uuid("previous_goal_id").references((): AnyPgColumn => goals.id, {
      onDelete: "set null",
    }),
  },
  (t) => [
    index("goals_version_idx").on(t.versionId, t.sortOrder),
    uniqueIndex("goals_version_code_uq").on(t.versionId, sql`lower(${t.code})`),
  ],
);
