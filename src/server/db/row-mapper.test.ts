import * as drizzle from "drizzle-orm";
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../test/harness.ts";
import type { Database } from "./client.ts";
import { activities, courses, organisations } from "./schema.ts";

/**
 * The planned row mapper (row-mapper.ts) must give what drizzle's own `mapResultRow` gives for the same
 * raw rows: decoded values (dates, numbers, json), nested objects, and a left-joined record that is not
 * there as null. Each query is run through the installed mapper and, as raw rows, through drizzle's.
 */
let database: Database;
type Fields = { path: string[]; field: unknown }[];
/** drizzle's own mapper (exported at run time, left out of its types). */
const { mapResultRow } = drizzle as unknown as {
  mapResultRow(fields: Fields, row: unknown[], joins?: Record<string, boolean>): unknown;
};
const parent = alias(organisations, "parent");

beforeAll(async () => {
  database = await openTestDatabase();
  const { db } = database;
  await db.insert(organisations).values([
    {
      id: "00000000-0000-4000-8000-000000000001",
      name: "Moder",
      sortKey: "moder",
      type: "larosate",
      tags: ["a"],
    },
    {
      id: "00000000-0000-4000-8000-000000000002",
      name: "Dotter",
      sortKey: "dotter",
      type: "institution",
      parentId: "00000000-0000-4000-8000-000000000001",
    },
  ]);
  await db.insert(courses).values({ code: "K1", nameSv: "Kurs", sortKey: "kurs", credits: 7.5 });
  await db.insert(activities).values({
    title: "Seminarium",
    sortKey: "seminarium",
    typeKey: "seminarium",
    startDate: "2024-03-01",
    status: "done",
  });
});
afterAll(async () => {
  await database?.close();
});

/** The same prepared select's rows through the installed mapper and, as raw rows, through drizzle's mapResultRow. */
async function bothWays(query: { prepare(name: string): unknown }) {
  const prepared = query.prepare(`row_mapper_${Math.random().toString(36).slice(2)}`) as {
    execute(): Promise<unknown[]>;
    fields: Fields;
    joinsNotNullableMap?: Record<string, boolean>;
    customResultMapper?: (rows: unknown[][]) => unknown;
  };
  expect(prepared.customResultMapper).toBeTypeOf("function"); // installed by db/client.ts
  const mine = await prepared.execute();
  prepared.customResultMapper = (rows) => rows;
  const raw = (await prepared.execute()) as unknown as unknown[][];
  const drizzles = raw.map((row) => mapResultRow(prepared.fields, row, prepared.joinsNotNullableMap));
  return { mine, drizzles };
}

describe("planned row mapper", () => {
  it("maps a left join like drizzle: the parent as an object, or null where there is none", async () => {
    const { db } = database;
    const { mine, drizzles } = await bothWays(
      db
        .select({ org: organisations, parent, parentName: parent.name, n: sql<number>`1`.mapWith(Number) })
        .from(organisations)
        .leftJoin(parent, eq(parent.id, organisations.parentId))
        .orderBy(organisations.sortKey),
    );
    expect(mine).toEqual(drizzles);
    const rows = mine as {
      org: { name: string; createdAt: Date; tags: string[] };
      parent: { name: string } | null;
    }[];
    expect(rows.map((r) => [r.org.name, r.parent?.name ?? null])).toEqual([
      ["Dotter", "Moder"],
      ["Moder", null],
    ]);
    expect(rows[0].org.createdAt).toBeInstanceOf(Date);
    expect(rows[1].org.tags).toEqual(["a"]);
  });

  it("decodes numbers, dates and plain columns as drizzle does", async () => {
    const { db } = database;
    const courseRows = await bothWays(db.select().from(courses));
    expect(courseRows.mine).toEqual(courseRows.drizzles);
    expect((courseRows.mine[0] as { credits: number }).credits).toBe(7.5);
    const activityRows = await bothWays(
      db
        .select({ title: activities.title, start: activities.startDate, status: activities.status })
        .from(activities),
    );
    expect(activityRows.mine).toEqual([{ title: "Seminarium", start: "2024-03-01", status: "done" }]);
    expect(activityRows.mine).toEqual(activityRows.drizzles);
  });
});
