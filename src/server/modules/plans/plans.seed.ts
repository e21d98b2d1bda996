import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { plans } from "./plans.schema.ts";

/** The id of a plan with exactly this title, or null: how the demo data (demo/) finds its plan. */
export async function planIdByTitle(db: Db, title: string): Promise<string | null> {
  const [row] = await db.select({ id: plans.id }).from(plans).where(eq(plans.title, title));
  return row?.id ?? null;
}
