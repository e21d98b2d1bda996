import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { seatRowsOf } from "../../read/governance-members.ts";
import { type Standing, standingNone } from "./governance.policy.ts";

/** The actor's seats: body id → secretary or not. A user is a person through `people.user_id` or the e-mail. */
export async function seatsOf(db: Db | Tx, actor: Actor | null): Promise<Map<string, boolean>> {
  const seats = new Map<string, boolean>();
  if (!actor) return seats;
  const today = new Date().toISOString().slice(0, 10);
  const rows = await seatRowsOf(db, actor, today);
  for (const r of rows) seats.set(r.bodyId, (seats.get(r.bodyId) ?? false) || r.role === "secretary");
  return seats;
}

export function standingIn(seats: Map<string, boolean>, bodyId: string, isPublic = false): Standing {
  if (!seats.has(bodyId)) return { ...standingNone, public: isPublic };
  return { member: true, secretary: seats.get(bodyId) === true, public: isPublic };
}

/** The body ids whose internal items the actor sees (for scoping list queries); `null` = all (staff). */
export const insiderBodyIds = (seats: Map<string, boolean>) => [...seats.keys()];

export const yearRange = (column: unknown, year: number) =>
  sql`${column} >= ${`${year}-01-01`} and ${column} < ${`${year + 1}-01-01`}`;
