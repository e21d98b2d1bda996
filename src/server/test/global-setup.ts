import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { loadDemoUsers } from "../../../demo/users.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { ensureActivityTypes } from "../modules/activities/activity-types.service.ts";

/**
 * Migrating takes seconds, so it happens once per run, not once per test file. Both templates hold what
 * createTestApp gives every file anyway: the migrated schema, the demo users and the activity types.
 * - PGlite: a tarball of the data directory (`dumpDataDir`); every file starts its own in-memory PGlite
 *   from it (`loadDataDir`), as the e2e set-up does.
 * - PostgreSQL (when TEST_DATABASE_URL is set): a template database; every file clones it
 *   (CREATE DATABASE … TEMPLATE), which takes milliseconds.
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
    await cleanup.query(`drop database if exists ${template} with (force)`);
    await cleanup.end();
  };
}

/** What every test database starts with. */
export async function seedTestTemplate(database: Database) {
  await loadDemoUsers(database.db);
  await ensureActivityTypes(database.db);
}

async function pgliteSnapshot(file: string) {
  const client = await PGlite.create({ extensions: { pg_trgm } });
  const database = await openDatabase({ kind: "pglite-loaded", client });
  await seedTestTemplate(database);
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
  await database.close();
  return true;
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
