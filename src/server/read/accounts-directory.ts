import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { users } from "../platform/platform.schema.ts";
import { escapeLike, likePattern } from "../platform/sql.ts";

/**
 * The user directory's search (accounts module): active users whose name or e-mail contains q, each with the
 * organisation of their first organisation-scoped role (to tell namesakes apart). Cross-module because role
 * assignments scope to the organisations module's register, whose names it shows (read layer, decision 011).
 * No authorisation here: the accounts directory's caller authorises its reader first.
 */
export async function activeUserCandidates(db: Db | Tx, q: string, limit: number) {
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
