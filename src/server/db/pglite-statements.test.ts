import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { asc, eq, sql } from "drizzle-orm";
import { boolean, date, integer, jsonb, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseError } from "../platform/sql.ts";
import { type Database, openDatabase, queryRows } from "./client.ts";
import { statementCache } from "./pglite-statements.ts";

/**
 * PGlite's named prepared statements (pglite-statements.ts): a statement seen before is parsed and planned once
 * per database. What the application sees must not change: the same rows and types as PGlite's own `query`,
 * schema changes seen, errors and transactions as before, and a bounded number of statements kept.
 * PGlite-only (the PostgreSQL pool prepares nothing): both projects run it on an embedded database.
 */
const things = pgTable("statement_things", {
  id: integer("id").primaryKey(),
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  day: date("day"),
  amount: numeric("amount"),
  data: jsonb("data").$type<{ n: number; tags: string[] }>(),
  tags: text("tags").array(),
  counts: integer("counts").array(),
  flag: boolean("flag"),
});

let client: PGlite;
/** Through named statements. */
let cached: Database;
/** Through PGlite's own `query` (SAMSPEL_PGLITE_STATEMENTS=0), on the same database. */
let plain: Database;

beforeAll(async () => {
  client = await PGlite.create({
    loadDataDir: new Blob([readFileSync(process.env.SAMSPEL_TEST_PGLITE_SNAPSHOT!)]),
    extensions: { pg_trgm },
  });
  cached = await openDatabase({ kind: "pglite-loaded", client });
  process.env.SAMSPEL_PGLITE_STATEMENTS = "0";
  try {
    plain = await openDatabase({ kind: "pglite-loaded", client });
  } finally {
    delete process.env.SAMSPEL_PGLITE_STATEMENTS;
  }
  await cached.db.execute(sql`
    create table statement_things (
      id integer primary key, at timestamptz not null, day date, amount numeric, data jsonb, tags text[],
      counts integer[], flag boolean
    )`);
  await cached.db.insert(things).values([
    {
      id: 1,
      at: new Date("2026-03-01T09:30:00.123Z"),
      day: "2026-03-01",
      amount: "12.50",
      data: { n: 1, tags: ["a"] },
      tags: ["x", 'y "z"'],
      counts: [1, 2],
      flag: true,
    },
    {
      id: 2,
      at: new Date("2026-03-02T10:00:00Z"),
      day: null,
      amount: null,
      data: null,
      tags: [],
      counts: null,
    },
  ]);
});

afterAll(async () => {
  await client.close();
});

const cache = () => statementCache(client);

describe("PGlite named statements", () => {
  it("a repeated statement returns the same rows and types as an unprepared one", async () => {
    const read = (database: Database) => database.db.select().from(things).orderBy(asc(things.id));
    const expected = await read(plain);
    expect(expected[0].at).toBeInstanceOf(Date);
    expect(expected[0]).toEqual({
      id: 1,
      at: new Date("2026-03-01T09:30:00.123Z"),
      day: "2026-03-01",
      amount: "12.50",
      data: { n: 1, tags: ["a"] },
      tags: ["x", 'y "z"'],
      counts: [1, 2],
      flag: true,
    });
    // Past PostgreSQL's five custom plans, so the generic plan answers too.
    for (let i = 0; i < 8; i++) expect(await read(cached)).toEqual(expected);
    // Prepared once, its generic plan kept: what saves the parsing and planning.
    const [kept] = await queryRows<{ generic_plans: number }>(
      plain.db,
      sql`select generic_plans::int from pg_prepared_statements
          where statement like 'select%from "statement_things" order by%'`,
    );
    expect(kept.generic_plans).toBeGreaterThan(0);
    // Parameters of every kind, bound to the same statement each time.
    for (const id of [1, 2, 1]) {
      const [row] = await cached.db.select().from(things).where(eq(things.id, id));
      expect(row).toEqual(expected[id - 1]);
    }
    const search = (database: Database) =>
      queryRows(
        database.db,
        sql`select id, at, amount, data, tags, counts from statement_things
            where at >= ${new Date("2026-01-01")} and tags @> array[${"x"}] order by id`,
      );
    const viaPlain = await search(plain);
    expect(viaPlain).toHaveLength(1);
    for (let i = 0; i < 8; i++) expect(await search(cached)).toEqual(viaPlain);
  });

  it("writes report their rows and counts as before", async () => {
    const update = (database: Database, flag: boolean) =>
      database.db.update(things).set({ flag }).where(eq(things.id, 2)).returning({ id: things.id });
    expect(await update(cached, false)).toEqual([{ id: 2 }]);
    expect(await update(cached, true)).toEqual([{ id: 2 }]);
    const [row] = await plain.db.select({ flag: things.flag }).from(things).where(eq(things.id, 2));
    expect(row.flag).toBe(true);
    const result = (await cached.db.execute(
      sql`update statement_things set flag = flag where id > ${0}`,
    )) as {
      affectedRows?: number;
    };
    expect(result.affectedRows).toBe(2);
  });

  it("sees a column added after the statement was prepared, through the app or behind its back", async () => {
    await cached.db.execute(sql`create table statement_shapes (id integer primary key, name text)`);
    await cached.db.execute(sql`insert into statement_shapes values (1, 'ett')`);
    const all = () => queryRows<Record<string, unknown>>(cached.db, sql`select * from statement_shapes`);
    expect(await all()).toEqual([{ id: 1, name: "ett" }]);
    expect(await all()).toEqual([{ id: 1, name: "ett" }]);

    // Through the application's own connection (as a migration does).
    await cached.db.execute(sql`alter table statement_shapes add column colour text default 'blå'`);
    expect(await all()).toEqual([{ id: 1, name: "ett", colour: "blå" }]);
    expect(await all()).toEqual([{ id: 1, name: "ett", colour: "blå" }]);

    // Behind its back (PGlite's own client): PostgreSQL refuses the stale statement, which is prepared again.
    await client.exec("alter table statement_shapes add column size integer default 3");
    expect(await all()).toEqual([{ id: 1, name: "ett", colour: "blå", size: 3 }]);

    // The same inside a transaction: the statement fails once and the transaction rolls back, and the next
    // use prepares it anew.
    await client.exec("alter table statement_shapes drop column size");
    await expect(
      cached.db.transaction(async (tx) => {
        await tx.execute(sql`insert into statement_shapes (id, name) values (2, 'två')`);
        return queryRows(tx, sql`select * from statement_shapes`);
      }),
    ).rejects.toThrow();
    expect(await all()).toEqual([{ id: 1, name: "ett", colour: "blå" }]);

    // A dropped table: the error PostgreSQL gives, then the statement works again once the table is back.
    await cached.db.execute(sql`drop table statement_shapes`);
    await expect(all()).rejects.toThrow(/statement_shapes/);
    await cached.db.execute(sql`create table statement_shapes (id integer primary key)`);
    expect(await all()).toEqual([]);
  });

  it("an error in a prepared statement rolls its transaction back and the next statement works", async () => {
    const insert = (db: Database["db"], id: number) =>
      db.insert(things).values({ id, at: new Date("2026-04-01T00:00:00Z") });
    await insert(cached.db, 10);
    await insert(cached.db, 11); // prepared and used
    let failure: unknown;
    try {
      await cached.db.transaction(async (tx) => {
        await tx.insert(things).values({ id: 12, at: new Date() });
        await tx.insert(things).values({ id: 10, at: new Date() }); // a duplicate key
      });
    } catch (error) {
      failure = error;
    }
    expect(databaseError(failure)).toMatchObject({ code: "23505", constraint: "statement_things_pkey" });
    const ids = async () =>
      (await cached.db.select({ id: things.id }).from(things).orderBy(things.id)).map((r) => r.id);
    expect(await ids()).toEqual([1, 2, 10, 11]);

    // The same statement again, inside and outside a transaction, and a savepoint that rolls back alone.
    await cached.db.transaction(async (tx) => {
      await tx.insert(things).values({ id: 12, at: new Date() });
      await expect(
        tx.transaction(async (inner) => {
          await inner.insert(things).values({ id: 13, at: new Date() });
          await inner.insert(things).values({ id: 12, at: new Date() });
        }),
      ).rejects.toThrow();
      await tx.insert(things).values({ id: 14, at: new Date() });
    });
    await insert(cached.db, 15);
    expect(await ids()).toEqual([1, 2, 10, 11, 12, 14, 15]);

    // A statement that does not parse is not kept, and leaves the others working.
    const before = cache().size;
    await expect(queryRows(cached.db, sql`select nothing from statement_things_missing`)).rejects.toThrow(
      /statement_things_missing/,
    );
    expect(cache().size).toBe(before);
    expect(await ids()).toEqual([1, 2, 10, 11, 12, 14, 15]);

    // An aborted transaction: the statements after the error fail as PostgreSQL says, the next one works.
    await expect(
      cached.db.transaction(async (tx) => {
        await tx.execute(sql`select 1 / ${0}::int`).catch(() => undefined);
        await tx.select().from(things); // "current transaction is aborted"
      }),
    ).rejects.toThrow();
    expect(await ids()).toEqual([1, 2, 10, 11, 12, 14, 15]);
  });

  it("keeps a bounded number of statements, in the cache and in the database", async () => {
    const { capacity } = cache();
    for (let i = 0; i < capacity + 50; i++)
      expect(await queryRows(cached.db, sql.raw(`select ${i} as n from statement_things limit 1`))).toEqual([
        { n: i },
      ]);
    expect(cache().size).toBe(capacity);
    const [{ count }] = await queryRows<{ count: number }>(
      plain.db,
      sql`select count(*)::int as count from pg_prepared_statements`,
    );
    // The evicted names are closed with the next statement sent: at most the capacity and one are left.
    expect(count).toBeLessThanOrEqual(capacity + 1);
    expect(count).toBeGreaterThan(capacity / 2);
    // The most recent ones are still answered (and the oldest prepared again when asked).
    expect(await queryRows(cached.db, sql.raw("select 0 as n from statement_things limit 1"))).toEqual([
      { n: 0 },
    ]);
    expect(cache().size).toBe(capacity);
  });
});
