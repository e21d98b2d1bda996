import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { StatementCache } from "../src/server/db/pglite-statements.ts";

/**
 * Bench-only preload (`node --import tsx --import ./bench/request-path.count.ts src/server/main.ts`):
 * counts the SQL statements the process sends, over node-postgres and PGlite alike, and answers the
 * count to the bench over the IPC channel ("count" → { count }). Production code is not touched.
 */
let statements = 0;
/** `BENCH_SQL_LOG=1` also writes each statement's text to stderr (to read what a request sends). */
const log = process.env.BENCH_SQL_LOG === "1";
const text = (q: unknown) => (typeof q === "string" ? q : (q as { text?: string })?.text);

const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  if (log) console.error(`SQL ${text(args[0])}`);
  return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const pgliteQuery = PGlite.prototype.query;
PGlite.prototype.query = function (this: PGlite, ...args: unknown[]) {
  statements++;
  if (log) console.error(`SQL ${text(args[0])}`);
  return (pgliteQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof PGlite.prototype.query;

// PGlite's named statements (src/server/db/pglite-statements.ts) run without PGlite's `query`.
const cachedQuery = StatementCache.prototype.query;
StatementCache.prototype.query = function (this: StatementCache, ...args: unknown[]) {
  statements++;
  if (log) console.error(`SQL ${text(args[0])}`);
  return (cachedQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof StatementCache.prototype.query;

process.on("message", (message) => {
  if (message === "count") process.send?.({ count: statements });
});
