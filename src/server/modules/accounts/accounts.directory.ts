import { inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { users } from "../../platform/platform.schema.ts";
import { activeUserCandidates } from "../../read/accounts-directory.ts";

/**
 * The user directory other modules may read: names of users, and a small search to pick people for a
 * role inside the module (a call's panel). No authorisation here: only the names and organisation are
 * returned, and the calling service authorises its reader first (e.g. "may manage this call").
 */

export interface UserCandidate {
  userId: string;
  name: string;
  /** The organisation of the user's first organisation-scoped role, if any (to tell namesakes apart). */
  organisation: string | null;
}

/**
 * Active users whose name or e-mail contains q, Swedish-insensitively (samspel_fold: case and accents,
 * so "ake" finds Åke), names starting with q first; at most `limit`. E-mail addresses match but are not
 * returned.
 */
export async function searchActiveUsers(db: Db | Tx, q: string, limit = 20): Promise<UserCandidate[]> {
  // The query shows organisation names, so it lives in the read layer (issue 12: no raw SQL on their table here).
  return activeUserCandidates(db, q, limit);
}

/** The names of the given users (inactive ones too: a past panel member keeps their name), in no order. */
export async function userNames(db: Db | Tx, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ userId: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]));
}
