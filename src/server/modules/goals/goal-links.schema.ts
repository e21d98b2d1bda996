import { index, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { activities } from "../activities/activities.schema.ts";
import { planItems } from "../plans/plans.schema.ts";
import { projects } from "../projects/projects.schema.ts";
import { goals } from "./goals.schema.ts";

/**
 * What serves which goal. Links point at a goal of one framework version, so revising a framework
 * (which adds new goal rows) never loses them.
 */
export const activityGoals = pgTable(
  "activity_goals",
  {
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.goalId] }), index("activity_goals_goal_idx").on(t.goalId)],
);

export const planItemGoals = pgTable(
  "plan_item_goals",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => planItems.id, { onDelete: "cascade" }),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.goalId] }), index("plan_item_goals_goal_idx").on(t.goalId)],
);

export const projectGoals = pgTable(
  "project_goals",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.goalId] }), index("project_goals_goal_idx").on(t.goalId)],
);
