import { sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../db/client.ts";

/**
 * The events networks a user belongs to, for the learning module: a network's learning space admits the
 * network's members who have an account. Cross-module because membership is the events module's
 * `network_members`, matched to the user through the people register (the person linked to the user, or the
 * user's person) — read layer, decision 011. No authorisation here: the learning module asks about its actor.
 */
export async function networkIdsOfUser(db: Db | Tx, userId: string): Promise<string[]> {
  const rows = await queryRows<{ network_id: string }>(
    db,
    sql`select distinct nm.network_id from network_members nm join people p on p.id = nm.person_id
          join users u on u.id = ${userId}::uuid
          where p.user_id = u.id or u.person_id = p.id`,
  );
  return rows.map((r) => r.network_id);
}
