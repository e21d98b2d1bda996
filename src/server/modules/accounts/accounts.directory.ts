import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { users } from "../../platform/platform.schema.ts";
import { escapeLike, likePattern } from "../../platform/sql.ts";

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
  const pattern = likePattern(q);
  const folded = sql`samspel_fold(${users.name})`;
  const prefix = `${escapeLike(q)}%`;
  return db
    .select({
      userId: users.id,
      name: users.name,
      // The outer row named explicitly: Drizzle may write columns unqualified inside a subquery.
      organisation: sql<string | null>`(select o.name from role_assignments r
        join organisations o on o.id = r.scope_id
        where r.user_id = "users"."id" and r.scope_type = 'organisation' order by o.name limit 1)`,
    })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        or(sql`${folded} like samspel_fold(${pattern})`, sql`${users.email} ilike ${pattern}`),
      ),
    )
    .orderBy(sql`${folded} like samspel_fold(${prefix}) desc`, asc(users.name), asc(users.id))
    .limit(limit);
}

/** The names of the given users (inactive ones too: a past panel member keeps their name), in no order. */
export async function userNames(db: Db | Tx, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ userId: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]));
}
