import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { withDatabase } from "../test/global-setup.ts";
import { type Database, migrationsFolder, openDatabase, queryRows } from "./client.ts";

/**
 * The upgrade path (issue 19, item 8): migrations only go forward and run at start. A database made by an
 * earlier release, with data in it, is opened by this build: every later migration runs and the data is still
 * there. The earlier release is the one before the migration named below; when a release is cut, move it to the
 * first migration after that release.
 */
const FIRST_AFTER_RELEASE = "plan_recurrence";

const journalFile = path.join(migrationsFolder, "meta", "_journal.json");
const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
const cut = journal.entries.findIndex((e) => e.tag.endsWith(`_${FIRST_AFTER_RELEASE}`));
const dir = mkdtempSync(path.join(tmpdir(), "samspel-upgrade-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** The earlier release's migrations: the same files, its journal ending where it ended. */
function previousRelease(): string {
  const folder = path.join(dir, "migrations");
  cpSync(migrationsFolder, folder, { recursive: true });
  writeFileSync(
    path.join(folder, "meta", "_journal.json"),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }),
  );
  return folder;
}

/** Data as the earlier release wrote it: a plan with a recurring item described in free text. */
const oldData = [
  `insert into plans (id, title, sort_key, period_start, period_end)
   values ('6d1f3f0e-0000-4000-8000-000000000001', 'Samverkansplan 2026', 'samverkansplan 2026', '2026-01-01', '2026-12-31')`,
  `insert into plan_items (id, plan_id, number, title, start_date, recurrence)
   values ('6d1f3f0e-0000-4000-8000-000000000002', '6d1f3f0e-0000-4000-8000-000000000001', 1, 'Nätverksträff',
           '2026-02-01', 'En gång per termin'),
          ('6d1f3f0e-0000-4000-8000-000000000003', '6d1f3f0e-0000-4000-8000-000000000001', 2, 'Rapport', null, null)`,
];

async function expectUpgraded(database: Database) {
  const items = await queryRows<{
    title: string;
    recurrence: string | null;
    recurrence_frequency: string | null;
  }>(database.db, sql`select title, recurrence, recurrence_frequency from plan_items order by number`);
  expect(items).toEqual([
    { title: "Nätverksträff", recurrence: "En gång per termin", recurrence_frequency: "semester" },
    { title: "Rapport", recurrence: null, recurrence_frequency: null },
  ]);
  const due = await queryRows<{ due: string }>(
    database.db,
    sql`select due_date::text as due from plan_item_occurrences order by due_date`,
  );
  expect(due.map((d) => d.due)).toEqual(["2026-02-01", "2026-08-01"]);
  const [{ n }] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  expect(n).toBe(readMigrationFiles({ migrationsFolder }).length);
}

describe("upgrading a database made by the previous release", () => {
  it("finds the release's last migration in the journal", () => {
    expect(cut).toBeGreaterThan(0);
  });

  const onPostgres = process.env.SAMSPEL_TEST_DB === "postgresql";
  // The same test on either database of this test project (vitest.config.ts runs the file on both).
  it(
    `runs the later migrations on ${onPostgres ? "PostgreSQL" : "the embedded database"} and keeps the data`,
    onPostgres ? upgradePostgres : upgradePglite,
    180_000, // the embedded database takes one full migration run
  );
});

async function upgradePglite() {
  const client = await PGlite.create({ extensions: { pg_trgm } });
  await client.exec("create extension if not exists pg_trgm");
  await migratePglite(drizzlePglite(client), { migrationsFolder: previousRelease() });
  for (const statement of oldData) await client.exec(statement);
  const database = await openDatabase({ kind: "pglite-loaded", client });
  try {
    await expectUpgraded(database);
  } finally {
    await database.close();
  }
}

async function upgradePostgres() {
  const url = process.env.TEST_DATABASE_URL!;
  const name = `samspel_upgrade_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  try {
    const pool = new pg.Pool({ connectionString: withDatabase(url, name) });
    await pool.query("create extension if not exists pg_trgm");
    await migrateNodePg(drizzleNodePg(pool), { migrationsFolder: previousRelease() });
    for (const statement of oldData) await pool.query(statement);
    await pool.end();
    const database = await openDatabase({ kind: "postgresql", url: withDatabase(url, name) });
    try {
      await expectUpgraded(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
