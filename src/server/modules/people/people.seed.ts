import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { people } from "./people.schema.ts";

/**
 * What the demo data (demo/) reads back of people while it seeds: the people it created, found by
 * name, e-mail or user account. Reads only; writes go through the people service.
 */

/** The id of a person with exactly this name, or null. */
export async function personIdByName(db: Db, name: string): Promise<string | null> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.name, name));
  return row?.id ?? null;
}

/** The id of a person with this e-mail address, or null. */
export async function personIdByEmail(db: Db, email: string): Promise<string | null> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.email, email));
  return row?.id ?? null;
}

/** The id of the person linked to the user account, or null. */
export async function personIdOfUser(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.userId, userId));
  return row?.id ?? null;
}
