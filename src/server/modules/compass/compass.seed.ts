import type { Db } from "../../db/client.ts";
import { compassOffers } from "./compass.schema.ts";

/** Whether any offer exists: the demo data's (demo/) compass step runs once. */
export async function hasOffers(db: Db): Promise<boolean> {
  return (await db.select({ id: compassOffers.id }).from(compassOffers).limit(1)).length > 0;
}
