import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { indicators } from "./indicators.schema.ts";

/**
 * What the demo data (demo/) reads back of indicators while it seeds: guards that make its steps
 * idempotent. Reads only; writes go through the indicators service.
 */

/** Whether any indicator exists. */
export async function hasIndicators(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: indicators.id }).from(indicators).limit(1);
  return !!row;
}

/** Whether the goal has an indicator with exactly this name. */
export async function goalHasIndicatorNamed(db: Db, goalId: string, name: string): Promise<boolean> {
  const [row] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.goalId, goalId), eq(indicators.name, name)));
  return !!row;
}
