import { inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { notFound } from "../../platform/errors.ts";
import { users } from "../../platform/platform.schema.ts";
import { programmesByIds } from "../programmes/index.ts";
import { compassPolicy, directedProgrammeIds } from "./compass.policy.ts";

/** The same 422 with field paths as the HTTP route, for service input (platform/validation.ts). */
export { parseWith as parseInput } from "../../platform/validation.ts";

/** The compass year when `?year` is left out: the calendar year now. */
export const thisYear = () => new Date().getUTCFullYear();

export interface ProgrammeRef {
  id: string;
  code: string;
  nameSv: string;
  nameEn: string | null;
  organisationId: string | null;
  level: string | null;
}

/** The programme or 404: every logged-in user reads compasses, so a missing row is the only 404. */
export async function loadProgramme(db: Db | Tx, programmeId: string): Promise<ProgrammeRef> {
  const [row] = await programmesByIds(db, [programmeId]);
  if (!row) throw notFound();
  return row;
}

/** Display names of users (who set a goal, who did a work step). */
export async function userNames(db: Db | Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Keeps the actor's id for "who did what", leaving out the system actor (no users row). */
export const actorUserId = (actor: { userId: string }) =>
  actor.userId === "00000000-0000-0000-0000-000000000000" ? null : actor.userId;

/** The programmes the actor directs (scoped programme director roles), in Swedish name order. */
export async function myProgrammes(db: Db, actor: Actor | null) {
  authorize(actor, compassPolicy, "read", null);
  const ids = directedProgrammeIds(actor);
  if (!ids.length) return [];
  const rows = await programmesByIds(db, ids);
  return rows.map(({ id, code, nameSv }) => ({ id, code, name: nameSv }));
}
