import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../test/harness.ts";
import { type Database, queryRows } from "./client.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("a transaction asked several things at once", () => {
  it("answers each in order and never asks pg to queue a query (deprecated, refused by pg 9)", async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on("warning", listen);
    const answers = await database.db.transaction(async (tx) =>
      Promise.all(
        [1, 2, 3, 4, 5].map((n) => queryRows<{ n: number }>(tx, sql`select ${n}::int as n, pg_sleep(0.005)`)),
      ),
    );
    // A deprecation warning is emitted on the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    process.off("warning", listen);
    expect(answers.map(([row]) => row.n)).toEqual([1, 2, 3, 4, 5]);
    expect(warnings.filter((message) => /already executing a query/.test(message))).toEqual([]);
  });
});
