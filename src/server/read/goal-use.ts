import { and, asc, eq, gte, inArray, isNull, lte, ne, or } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { activities } from "../modules/activities/activities.schema.ts";
import { activityGoals, planItemGoals, projectGoals } from "../modules/goals/goal-links.schema.ts";
import { planItems } from "../modules/plans/plans.schema.ts";
import { projects } from "../modules/projects/projects.schema.ts";

/**
 * What serves the given goals (read layer, decision 011): their activities overlapping the period (not
 * cancelled ones, as the indicators count them), and the projects and plan items linked to them, read
 * across the activities, projects and plans tables. The goals module decides who may read it.
 */
export async function goalUseRows(db: Db, ids: string[], from: string, to: string) {
  if (!ids.length) return { activityRows: [], projectRows: [], itemRows: [] };
  const [activityRows, projectRows, itemRows] = await Promise.all([
    db
      .select({
        goalId: activityGoals.goalId,
        id: activities.id,
        title: activities.title,
        startDate: activities.startDate,
        status: activities.status,
      })
      .from(activityGoals)
      .innerJoin(activities, eq(activities.id, activityGoals.activityId))
      .where(
        and(
          inArray(activityGoals.goalId, ids),
          ne(activities.status, "cancelled"),
          lte(activities.startDate, to),
          or(gte(activities.endDate, from), and(isNull(activities.endDate), gte(activities.startDate, from))),
        ),
      )
      .orderBy(asc(activities.startDate), asc(activities.sortKey), asc(activities.id)),
    db
      .select({ goalId: projectGoals.goalId, id: projects.id, name: projects.name })
      .from(projectGoals)
      .innerJoin(projects, eq(projects.id, projectGoals.projectId))
      .where(inArray(projectGoals.goalId, ids))
      .orderBy(asc(projects.name), asc(projects.id)),
    db
      .select({
        goalId: planItemGoals.goalId,
        id: planItems.id,
        planId: planItems.planId,
        number: planItems.number,
        title: planItems.title,
      })
      .from(planItemGoals)
      .innerJoin(planItems, eq(planItems.id, planItemGoals.itemId))
      .where(inArray(planItemGoals.goalId, ids))
      .orderBy(asc(planItems.number), asc(planItems.id)),
  ]);
  return { activityRows, projectRows, itemRows };
}
