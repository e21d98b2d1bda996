import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { inArray, sql } from "drizzle-orm";
import pg from "pg";
import { DEMO_PASSWORD, demoUsers, loadDemoUsers } from "../../../demo/users.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { ensureActivityTypes } from "../modules/activities/activity-types.service.ts";
import { users } from "../platform/platform.schema.ts";
import { KEEP_TEMPLATE_ROWS } from "./database-pool.ts";

/**
 * Migrating takes seconds, so it happens once per run, not once per test file. Both templates hold what
 * createTestApp gives every file anyway: the migrated schema, the demo users and the activity types.
 * - PGlite: a tarball of the data directory (`dumpDataDir`); a worker starts an in-memory PGlite from it
 *   (`loadDataDir`) when it has none free, as the e2e set-up does.
 * - PostgreSQL (when TEST_DATABASE_URL is set): a template database, which a worker clones
 *   (CREATE DATABASE … TEMPLATE) when it has none free.
 * Both keep a copy of their rows, so that a worker can empty a database between files (database-pool.ts).
 * Workers find them through the environment (SAMSPEL_TEST_PGLITE_SNAPSHOT, SAMSPEL_TEST_TEMPLATE).
 */
export default async function setup() {
  // Vitest runs a global setup once per project (root, pglite, postgresql) in this one process: the first makes
  // the templates, the others find them.
  if (process.env.SAMSPEL_TEST_PGLITE_SNAPSHOT) return;
  const url = process.env.TEST_DATABASE_URL;
  const template = `samspel_tpl_${process.pid}`;
  const snapshot = path.join(tmpdir(), `samspel-test-${process.pid}.tar`);
  const [, postgresql] = await Promise.all([
    pgliteSnapshot(snapshot),
    url && postgresTemplate(url, template),
  ]);
  process.env.SAMSPEL_TEST_PGLITE_SNAPSHOT = snapshot;
  if (postgresql) process.env.SAMSPEL_TEST_TEMPLATE = template;
  return async () => {
    delete process.env.SAMSPEL_TEST_PGLITE_SNAPSHOT;
    rmSync(snapshot, { force: true });
    if (!url) return;
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    // The workers' databases (database-pool.ts) are named after the template.
    const clones = await cleanup.query<{ name: string }>(
      "select datname as name from pg_database where datname like $1",
      [`${template}\\_%`],
    );
    for (const { name } of clones.rows) await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.query(`drop database if exists ${template} with (force)`);
    await cleanup.end();
  };
}

/**
 * What every test database starts with. The demo users' stored hashes are argon2id at the lowest cost
 * (1 MiB, one pass) instead of OWASP's 19 MiB and two: the suite signs them in some thousand times, and each
 * sign-in verified for 30–75 ms. Every sign-in still verifies a real argon2id hash, and every password a test
 * sets goes through `hashPassword` at the production cost.
 */
export async function seedTestTemplate(database: Database) {
  await loadDemoUsers(database.db);
  const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 1024, timeCost: 1 });
  const emails = demoUsers.map((user) => user.email);
  await database.db.update(users).set({ passwordHash }).where(inArray(users.email, emails));
  await ensureActivityTypes(database.db);
}

async function pgliteSnapshot(file: string) {
  // In memory, from the migrated-schema template when there is one (db/client.ts): no initdb and migrations.
  const database = await openDatabase({ kind: "pglite" });
  const { client } = database;
  if (!client) throw new Error("an embedded database has a client");
  await seedTestTemplate(database);
  await client.exec(KEEP_TEMPLATE_ROWS);
  await client.exec("checkpoint");
  const dump = await client.dumpDataDir("none");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

async function postgresTemplate(url: string, template: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  const database = await openDatabase({ kind: "postgresql", url: withDatabase(url, template) });
  await seedTestTemplate(database);
  await database.db.execute(sql.raw(KEEP_TEMPLATE_ROWS));
  await database.close();
  return true;
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
