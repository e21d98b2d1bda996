import type { Db } from "../../db/client.ts";
import { events } from "./events.schema.ts";

/** Whether any event exists: the demo data's (demo/) events step runs once. */
export async function hasEvents(db: Db): Promise<boolean> {
  const [existing] = await db.select({ id: events.activityId }).from(events).limit(1);
  return !!existing;
}
