import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { activityGoals } from "./goal-links.schema.ts";
import { goalFrameworks } from "./goals.schema.ts";

/**
 * What the demo data (demo/) reads back of goals while it seeds: frameworks by name and whether a
 * goal has activities yet (its steps run once). Reads only; writes go through the goals services.
 */

/** The id of the framework with exactly this name, or null. */
export async function frameworkIdByName(db: Db, name: string): Promise<string | null> {
  const [row] = await db
    .select({ id: goalFrameworks.id })
    .from(goalFrameworks)
    .where(eq(goalFrameworks.name, name));
  return row?.id ?? null;
}

/** Whether any activity is linked to the goal. */
export async function goalHasActivities(db: Db, goalId: string): Promise<boolean> {
  const [row] = await db.select().from(activityGoals).where(eq(activityGoals.goalId, goalId)).limit(1);
  return !!row;
}
