import type { Db } from "../../db/client.ts";
import { organisations } from "./organisations.schema.ts";

/** Ids of every organisation by exact name: how the demo data (demo/) finds the organisations it seeded. */
export async function organisationIdsByName(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations);
  return new Map(rows.map((r) => [r.name, r.id]));
}
