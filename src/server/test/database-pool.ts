import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, openDatabase } from "../db/client.ts";

/**
 * Test databases kept per worker and emptied between test files (issue 12 step 8).
 *
 * A new database per file was the suite's largest fixed cost: loading the run's PGlite snapshot (a whole
 * 47 MB data directory) took 1–3 s on a quiet 2-core machine and over 10 s under load, and dropping a
 * PostgreSQL clone forces a checkpoint (3–10 s). A file needs the template's *rows*, not a new database, so a
 * database that a finished file gave back is emptied instead: every table that holds rows emptied and the
 * template's rows (demo users, activity types) copied back from the schema `samspel_test_seed`, which the
 * global set-up kept of them in the template (`keepTemplateRows`). That takes tens of milliseconds.
 *
 * A file that opens two databases at once gets a second one; a database whose client was closed (a shutdown
 * test) leaves the pool. The PostgreSQL databases are named after the run's template and dropped with it.
 */
const SEED = "samspel_test_seed";

/** A database kept for the worker: what it is, how to open a connection to it, whether it still exists. */
interface Pooled {
  busy: boolean;
  open(): Promise<Database>;
  gone(): boolean;
}

const state = globalThis as { __samspelTestDatabases?: Pooled[] };
state.__samspelTestDatabases ??= [];
const pool: Pooled[] = state.__samspelTestDatabases;

/**
 * A database for one test file, as the template left it; `close()` gives it back to the pool. Each lease is a
 * new `Database` (its own Drizzle instance, its own PostgreSQL connections): modules keep per-database state
 * keyed by it (the mail sender), and a file that closed its app must not hand a stopped one to the next.
 */
export async function leaseTestDatabase(): Promise<Database> {
  let entry = pool.find((candidate) => !candidate.busy && !candidate.gone());
  let reset = true;
  if (!entry) {
    entry = await createDatabase();
    pool.push(entry);
    reset = false;
  }
  entry.busy = true;
  const leased = entry;
  const database = await leased.open();
  if (reset) await database.db.execute(sql.raw(RESTORE_TEMPLATE_ROWS));
  return {
    ...database,
    async close() {
      await database.close();
      leased.busy = false;
      if (leased.gone()) pool.splice(pool.indexOf(leased), 1);
    },
  };
}

async function createDatabase(): Promise<Pooled> {
  if (process.env.SAMSPEL_TEST_DB !== "postgresql") {
    const client = await PGlite.create({
      loadDataDir: new Blob([readFileSync(process.env.SAMSPEL_TEST_PGLITE_SNAPSHOT!)]),
      extensions: { pg_trgm },
    });
    // Closing a lease leaves the client open for the next file; a test that closes the client itself (a
    // shutdown test) takes it out of the pool.
    return {
      busy: false,
      gone: () => client.closed,
      open: async () => ({
        ...(await openDatabase({ kind: "pglite-loaded", client })),
        close: async () => {},
      }),
    };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const template = process.env.SAMSPEL_TEST_TEMPLATE!;
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    busy: false,
    gone: () => false,
    open: () => openDatabase({ kind: "postgresql", url: u.toString() }),
  };
}

/** Run once on the template (global-setup.ts): keeps a copy of every table that holds rows. */
export const KEEP_TEMPLATE_ROWS = `
  do $$
  declare t record; has_rows boolean;
  begin
    create schema ${SEED};
    for t in select tablename from pg_tables where schemaname = 'public' loop
      execute format('select exists (select 1 from public.%I)', t.tablename) into has_rows;
      if has_rows then
        execute format('create table ${SEED}.%I as table public.%I', t.tablename, t.tablename);
      end if;
    end loop;
  end $$;`;

/**
 * Empties every table and puts the template's rows back. Only tables that hold rows are emptied, with DELETE:
 * TRUNCATE gives each of the ~95 tables and their indexes new files, which cost 2–4 times as much in PGlite's
 * in-memory file system (and a sync on PostgreSQL) for tables a file mostly never touched. Foreign keys are
 * not checked while rows go and come back (`session_replication_role = replica`): they were consistent when
 * kept, in whatever order they return. Every sequence restarts after the largest value its column holds
 * (1 for an emptied table), as `truncate … restart identity` did.
 */
const RESTORE_TEMPLATE_ROWS = `
  do $$
  declare t record; c record; has_rows boolean;
  begin
    set local session_replication_role = replica;
    for t in select tablename from pg_tables where schemaname = 'public' loop
      execute format('select exists (select 1 from public.%I)', t.tablename) into has_rows;
      if has_rows then execute format('delete from public.%I', t.tablename); end if;
    end loop;
    for t in select tablename from pg_tables where schemaname = '${SEED}' loop
      execute format('insert into public.%I select * from ${SEED}.%I', t.tablename, t.tablename);
    end loop;
    for c in select seq.relname as seq, tab.relname as tab, att.attname as col
      from pg_class seq
      join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = seq.oid and d.deptype in ('a', 'i')
      join pg_class tab on tab.oid = d.refobjid
      join pg_attribute att on att.attrelid = tab.oid and att.attnum = d.refobjsubid
      where seq.relkind = 'S' and seq.relnamespace = 'public'::regnamespace loop
      execute format('select setval(%L, coalesce((select max(%I) from public.%I), 0) + 1, false)',
        'public.' || c.seq, c.col, c.tab);
    end loop;
  end $$;`;
