import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { afterCursor } from "../../platform/pagination.ts";
import { likePattern } from "../../platform/sql.ts";

/**
 * Helpers of the organisation and people registers: search and keyset
 * paging over a stored Swedish sort key.
 */

/**
 * "Search within the list": a substring match (ILIKE) or a pg_trgm similarity match on the name.
 * Both also run on samspel_fold() (migration 0004: lower-cased, accents folded, trigram-indexed), so
 * "harnosand" and "Härnösand kommun" both find Härnösands kommun.
 */
export function nameMatches(column: PgColumn, q: string): SQL {
  const folded = sql`samspel_fold(${column})`;
  const pattern = likePattern(q);
  return sql`(${column} ilike ${pattern} or ${folded} like samspel_fold(${pattern})
    or ${folded} % samspel_fold(${q}) or samspel_fold(${q}) <% ${folded})`;
}

export type ListSort = "name" | "-name" | "-createdAt";

/**
 * Ordering and keyset condition for a register list sorted by its stored Swedish sort key or by
 * creation time. The cursor holds the sort value as text (a timestamp keeps its microseconds).
 */
export function keyset(
  sort: ListSort,
  columns: { sortKey: PgColumn; createdAt: PgColumn; id: PgColumn },
  cursor: string | undefined,
) {
  const byCreated = sort === "-createdAt";
  const sortExpr = byCreated ? sql`${columns.createdAt}` : sql`${columns.sortKey}`;
  const desc = sort !== "name";
  const orderBy = desc
    ? [sql`${sortExpr} desc`, sql`${columns.id} desc`]
    : [sql`${sortExpr} asc`, sql`${columns.id} asc`];
  const where = afterCursor(
    cursor,
    { sort: sortExpr, id: columns.id },
    { sort: byCreated ? "timestamp" : "text", desc },
  );
  /** The sort value of a row as the cursor stores it. */
  const cursorValue = byCreated ? sql<string>`${columns.createdAt}::text` : sql<string>`${columns.sortKey}`;
  return { orderBy, where, cursorValue };
}
