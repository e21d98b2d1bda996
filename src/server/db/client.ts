import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite, type QueryOptions, type Transaction, types } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { statementCache } from "./pglite-statements.ts";
import { installRowMapper } from "./row-mapper.ts";
import * as schema from "./schema.ts";
import {
  readSchemaTemplate,
  schemaTemplateFile,
  unpackSchemaTemplate,
  writeSchemaTemplate,
} from "./schema-template.ts";

installRowMapper();

/** One type for both drivers: services never know which database they talk to. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  kind: "pglite" | "postgresql";
  /** Server version string, e.g. "PostgreSQL 18.6 (PGlite 0.5.16)". */
  version: string;
  /** Checkpoint (PGlite) and release every connection. */
  close(): Promise<void>;
  /** The embedded database's client (PGlite only): the test and e2e set-ups dump it to start their copies from. */
  client?: PGlite;
  /** The server's connection string (PostgreSQL only), for a connection of its own (LISTEN). */
  url?: string;
}

export type DatabaseOptions =
  | { kind: "postgresql"; url: string }
  | { kind: "pglite"; dataDir?: string /* undefined = in memory */ }
  | { kind: "pglite-loaded"; client: PGlite };

/** The SQL migrations, in order (meta/_journal.json); the readiness check and the upgrade test read them too. */
export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * PGlite's own start parameters plus Samspel's memory settings (issue 14 item 5). PostgreSQL's shared buffers
 * live inside PGlite's WebAssembly memory, which is zeroed at start (so resident) and never shrinks: the
 * default 128 MB cost ~120 MB of RSS before the first request. 32 MB holds the demo installation's working
 * set; the data files are in the operating system's page cache behind them (PGlite reads them with
 * ordinary file reads). Durability is unchanged (these are memory settings only).
 */
export const pgliteStartParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

/**
 * A PostgreSQL connection that sends a query when the one before it has answered. A transaction is one connection,
 * and a service that reads several things at once inside one (`Promise.all` over a `Tx`) handed pg a query while
 * another was running: pg queues it, but warns that this is deprecated and that pg 9 will refuse it. Waiting here
 * keeps what the callers see — the same order, the same results — on one line of promises. Queries with a callback
 * or a submittable (the pool's own `pool.query`, a cursor) go to pg as they are.
 */
class OneQueryAtATime extends pg.Client {
  #previous: Promise<unknown> = Promise.resolve();

  // `any`: pg's overloads of query() cannot be overridden one by one.
  override query(...args: any[]): any {
    const send = () => (super.query as (...a: unknown[]) => unknown).apply(this, args);
    const first = args[0] as { submit?: unknown } | string | undefined;
    const submittable = typeof first === "object" && first !== null && typeof first.submit === "function";
    if (submittable || typeof args.at(-1) === "function") return send();
    const sent = this.#previous.then(send, send);
    this.#previous = sent.catch(() => undefined);
    return sent;
  }
}

/** Opens the database, enables the extensions Samspel relies on and runs pending migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === "postgresql") {
    const pool = new pg.Pool({ connectionString: options.url, max: 10, Client: OneQueryAtATime });
    // An idle client whose connection the server ends (restart, admin drop) must not crash the process;
    // the pool replaces it on the next query.
    pool.on("error", (error) =>
      console.warn(`PostgreSQL: en vilande anslutning stängdes (${error.message})`),
    );
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    await pool.query("create extension if not exists pg_trgm");
    await migrateNodePg(drizzleNodePg(pool), { migrationsFolder });
    const version = (await pool.query("select version() as v")).rows[0].v as string;
    return {
      db,
      kind: "postgresql",
      version: shortVersion(version),
      url: options.url,
      close: () => pool.end(),
    };
  }
  // A new PGlite database (empty data directory, or in memory) starts from the migrated-schema template when
  // there is one: PGlite's initdb and the migrations cost ~9 s of CPU, loading the template ~2 s.
  const fresh = options.kind === "pglite" && isEmptyDir(options.dataDir);
  const templateFile = fresh ? schemaTemplateFile(pgliteStartParams) : null;
  const unpacked =
    templateFile && options.kind === "pglite" && options.dataDir
      ? await unpackSchemaTemplate(templateFile, options.dataDir)
      : false;
  const template = templateFile && !unpacked ? readSchemaTemplate(templateFile) : null;
  const client =
    options.kind === "pglite-loaded"
      ? options.client
      : await PGlite.create({
          dataDir: options.dataDir,
          extensions: { pg_trgm },
          startParams: pgliteStartParams,
          loadDataDir: template ?? undefined,
        });
  await client.exec("create extension if not exists pg_trgm");
  const db = drizzlePglite(drizzleView(client), { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(drizzleView(client)), { migrationsFolder });
  if (fresh && !templateFile) await writeSchemaTemplate(client, pgliteStartParams);
  const version = (await client.query<{ v: string }>("select version() as v")).rows[0].v;
  return {
    db,
    kind: "pglite",
    version: shortVersion(version),
    client,
    async close() {
      if (client.closed) return;
      // PGlite does not fsync on every commit: a checkpoint before closing makes the data dir consistent.
      await client.exec("checkpoint");
      await client.close();
    },
  };
}

/**
 * The types drizzle's PGlite session reads as text (dates, times, intervals and their arrays: it maps them itself).
 * It sends these parsers with every query, and PGlite then copies its ~300 parsers to merge them in — a third of a
 * millisecond of CPU a query, the largest JavaScript cost of a query on the embedded database (measured on the
 * demo load's 18 000 statements). So the client gets them once (`drizzleView`) and drizzle's queries go without.
 */
const drizzleTextTypes = new Set(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map(String),
);

/**
 * The client as drizzle sees it: the same PGlite (and its transactions), whose queries leave out drizzle's
 * per-query parsers once the client's own parsers read those types as text. A parser for any other type (a later
 * drizzle) is passed on as before. Queries on the client itself also read those types as text after this; Samspel
 * queries through drizzle. Its DML goes through named prepared statements (`pglite-statements.ts`): parsed once per
 * database instead of once per query.
 */
function drizzleView(client: PGlite): PGlite {
  const parsers = (client as unknown as { parsers: Record<string, (value: string) => unknown> }).parsers;
  for (const oid of drizzleTextTypes) parsers[oid] = (value) => value;
  // `SAMSPEL_PGLITE_STATEMENTS=0`: every statement parsed and planned anew, as PGlite's own `query` does.
  const statements = process.env.SAMSPEL_PGLITE_STATEMENTS === "0" ? null : statementCache(client);
  const view = <T extends PGlite | Transaction>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        if (prop === "query")
          return (query: string, params?: unknown[], options?: QueryOptions) => {
            if (options?.parsers && Object.keys(options.parsers).every((oid) => drizzleTextTypes.has(oid))) {
              const { parsers: _, ...rest } = options;
              options = rest;
            }
            if (statements?.handles(query, options))
              return statements.query(query, params, options, t === client ? undefined : (t as Transaction));
            statements?.beforeOther(query);
            return t.query(query, params, options);
          };
        if (prop === "exec")
          return (query: string, options?: QueryOptions) => {
            statements?.beforeOther(query);
            return t.exec(query, options);
          };
        if (prop === "transaction")
          return <R>(callback: (tx: Transaction) => Promise<R>) =>
            (t as PGlite).transaction((tx) => callback(view(tx)));
        const value = Reflect.get(t, prop, t);
        return typeof value === "function" ? value.bind(t) : value;
      },
    });
  return view(client);
}

const isEmptyDir = (dir: string | undefined) => !dir || !existsSync(dir) || readdirSync(dir).length === 0;

function shortVersion(full: string): string {
  const match = full.match(/^PostgreSQL [\d.]+( \(PGlite [\d.]+\))?/);
  return match ? match[0] : full;
}

/** Raw SQL returning typed rows; both drivers answer `{ rows }`. For read models and reports. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
