import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { z } from "zod";
import { hasUnstorableCharacters } from "../../common/validation.ts";
import { AppError } from "./errors.ts";

/** Opaque keyset cursor: the sort value and id of the last row of the previous page. */
export function encodeCursor(sortValue: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString("base64url");
}

/** What a cursor's sort value must be: the type of the column it is compared with. */
export type CursorSort = "text" | "integer" | "date" | "timestamp";
/** What a cursor's tie-breaker must be: a row's uuid, a serial number, or a text key. */
export type CursorId = "uuid" | "integer" | "text";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const timePart = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-](0\d|1[0-5])(:?[0-5]\d)?)?$/;

/** `YYYY-MM-DD` that exists in the calendar (years 0001–9999, as PostgreSQL reads them). */
function isCalendarDate(text: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || text.startsWith("0000")) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const sortValueFits: Record<CursorSort, (value: unknown) => boolean> = {
  text: (v) => v === null || (typeof v === "string" && v.length <= 1000 && !hasUnstorableCharacters(v)),
  integer: (v) => Number.isSafeInteger(v),
  date: (v) => typeof v === "string" && isCalendarDate(v),
  timestamp: (v) =>
    typeof v === "string" &&
    isCalendarDate(v.slice(0, 10)) &&
    /[ T]/.test(v[10] ?? "") &&
    timePart.test(v.slice(11)),
};

const idFits: Record<CursorId, (id: unknown) => boolean> = {
  uuid: (id) => typeof id === "string" && uuidPattern.test(id),
  integer: (id) => typeof id === "string" && /^\d{1,15}$/.test(id),
  text: (id) => typeof id === "string" && id.length <= 1000 && !hasUnstorableCharacters(id),
};

/**
 * The one reader of list cursors. A cursor comes from the client, so every part is checked against
 * the column it will be compared with before it reaches SQL: anything forged or damaged answers
 * 422 naming `cursor`, never a database error.
 */
export function decodeCursor(
  cursor: string | undefined,
  shape: { sort?: CursorSort; id?: CursorId } = {},
): { sortValue: string | number | null; id: string } | null {
  if (!cursor) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw badCursor();
  const [sortValue, id] = parsed;
  if (!sortValueFits[shape.sort ?? "text"](sortValue) || !idFits[shape.id ?? "uuid"](id)) throw badCursor();
  return { sortValue, id };
}

const sortCast: Record<CursorSort, string> = {
  text: "",
  integer: "::bigint",
  date: "::date",
  timestamp: "::timestamptz",
};
const idCast: Record<CursorId, string> = { uuid: "::uuid", integer: "::bigint", text: "" };

/**
 * The keyset condition of a list ordered by (sort, id): the rows after the cursor's row,
 * `(sort, id) > (value, id)` ascending or `<` with `desc`. The cursor is read and checked by
 * decodeCursor against `shape`, and its values are cast to the columns' types; undefined without one.
 */
export function afterCursor(
  cursor: string | undefined,
  key: { sort: SQLWrapper; id: SQLWrapper },
  shape: { sort?: CursorSort; id?: CursorId; desc?: boolean } = {},
  bind: Bind = keep,
): SQL | undefined {
  const decoded = decodeCursor(cursor, shape);
  if (!decoded) return undefined;
  const value = sql`${bind("cursorSort", decoded.sortValue)}${sql.raw(sortCast[shape.sort ?? "text"])}`;
  const id = sql`${bind("cursorId", decoded.id)}${sql.raw(idCast[shape.id ?? "uuid"])}`;
  return shape.desc
    ? sql`(${key.sort}, ${key.id}) < (${value}, ${id})`
    : sql`(${key.sort}, ${key.id}) > (${value}, ${id})`;
}

/**
 * How a value enters a list's SQL: as itself (a parameter), or, for a statement built once and
 * prepared, as `sql.placeholder(name)` whose value the caller passes at execution.
 */
export type Bind = (name: string, value: unknown) => unknown;
const keep: Bind = (_name, value) => value;

const badCursor = () =>
  new AppError("validation", "errors.validation", {}, { cursor: [{ key: "validation.cursor" }] });

/** Response shape of every list: `{ items, nextCursor }`. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Takes `limit + 1` fetched rows and returns the page and the cursor for the next one. */
export function page<T>(rows: T[], limit: number, cursorOf: (row: T) => string) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit && items.length > 0 ? cursorOf(items[items.length - 1]) : null;
  return { items, nextCursor };
}

/** One order a list offers: the SQL it sorts by (never null: coalesce a nullable column) and its type. */
export interface SortKey {
  expr: SQL;
  type: CursorSort;
}

/**
 * Ordering and keyset condition of a list the client sorts by name: `sort` is a key of `keys`, with a
 * leading "-" for descending (`name`, `-name`, `updatedAt`…). Rows are ordered by (key, id), both in
 * the sort's direction, so paging with the cursor of the last row continues in the same order across
 * pages; `cursorValue` is the value to put in that cursor (timestamps as text, keeping microseconds).
 * The caller's zod schema names the sorts it allows; an unknown one here is a programming error.
 */
export function sortedKeyset(
  sort: string,
  keys: Record<string, SortKey>,
  id: SQLWrapper,
  cursor: string | undefined,
  bind: Bind = keep,
) {
  const desc = sort.startsWith("-");
  const key = keys[desc ? sort.slice(1) : sort];
  if (!key) throw new Error(`No sort key "${sort}"`);
  const direction = sql.raw(desc ? "desc" : "asc");
  const orderBy = [sql`${key.expr} ${direction}`, sql`${id} ${direction}`];
  const where = afterCursor(cursor, { sort: key.expr, id }, { sort: key.type, desc }, bind);
  const cursorValue =
    key.type === "timestamp" || key.type === "date"
      ? sql<string>`(${key.expr})::text`
      : sql<string>`${key.expr}`;
  return { orderBy, where, cursorValue };
}
