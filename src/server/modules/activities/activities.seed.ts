import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { activities } from "./activities.schema.ts";

/** The ids of every activity of a type: how the demo data (demo/) finds the activities it seeded. */
export async function activityIdsOfType(db: Db, typeKey: string): Promise<string[]> {
  const rows = await db.select({ id: activities.id }).from(activities).where(eq(activities.typeKey, typeKey));
  return rows.map((r) => r.id);
}
