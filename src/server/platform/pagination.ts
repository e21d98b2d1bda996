import { z } from "zod";
import { AppError } from "./errors.ts";

/** Opaque keyset cursor: the sort value and id of the last row of the previous page. */
export function encodeCursor(sortValue: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString("base64url");
}

export function decodeCursor(
  cursor: string | undefined,
): { sortValue: string | number | null; id: string } | null {
  if (!cursor) return null;
  try {
    const [sortValue, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof id !== "string") throw new Error("bad cursor");
    return { sortValue, id };
  } catch {
    throw new AppError("validation", "errors.validation", {}, { cursor: [{ key: "validation.invalid" }] });
  }
}

/** Response shape of every list: `{ items, nextCursor }`. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Takes `limit + 1` fetched rows and returns the page and the cursor for the next one. */
export function page<T>(rows: T[], limit: number, cursorOf: (row: T) => string) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit && items.length > 0 ? cursorOf(items[items.length - 1]) : null;
  return { items, nextCursor };
}
