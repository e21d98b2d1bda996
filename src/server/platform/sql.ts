/**
 * Small SQL helpers every module needs: LIKE patterns from user text and reading PostgreSQL's
 * refusals (the same on PostgreSQL and on PGlite, raised directly or wrapped by Drizzle).
 */

/** `text` with LIKE's wildcards (`%`, `_`) and its escape character (`\`) taken literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%q%` for (I)LIKE: q anywhere, its wildcards taken literally. */
export const likePattern = (q: string) => `%${escapeLike(q)}%`;

/**
 * The SQLSTATE and constraint of a failed statement: pg and PGlite both raise an error with `code` and
 * `constraint`; Drizzle wraps it as the `cause` of its own error.
 */
export function databaseError(error: unknown): { code?: string; constraint?: string } {
  let e = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code))
      return { code: e.code, constraint: typeof e.constraint === "string" ? e.constraint : undefined };
    e = e.cause as typeof e;
  }
  return {};
}

/** A unique index said no (23505); with `constraint`, only that index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = databaseError(error);
  return e.code === "23505" && (constraint === undefined || e.constraint === constraint);
}

/** A foreign key said no (23503): the row is still referred to, or refers to nothing. */
export const isForeignKeyViolation = (error: unknown) => databaseError(error).code === "23503";

/**
 * A PostgreSQL array literal (`{"a",NULL,"b \"c\""}`): many values as one parameter, for set-based
 * statements — `= any(${pgArray(ids)}::uuid[])`, `insert … select … from unnest(…)` — whose size does
 * not grow with the number of rows. Cast it to the element type in the statement.
 */
export function pgArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(",")}}`;
}
