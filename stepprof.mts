import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { openDatabase, queryRows } from "./src/server/db/client.ts";
import { searchStatements, searchHits } from "./src/server/read/search-registers.ts";
const d = await openDatabase({ kind: process.argv[3] === "pglite" ? "pglite" : "postgresql", url: "postgres://postgres@127.0.0.1:5432/search_prof" });
const q = process.argv[2];
const stmts = searchStatements({ q, kinds: [], limit: 20 } as any);
for (const [i, s] of stmts.entries()) {
  for (let k = 0; k < 5; k++) await queryRows(d.db, s);
  const t = performance.now(); let rows: unknown[] = [];
  for (let k = 0; k < 50; k++) rows = await queryRows(d.db, s);
  console.log("step", i, ((performance.now() - t) / 50).toFixed(2), "ms", rows.length, "rows");
}
for (let k = 0; k < 5; k++) await searchHits(d.db, { q, kinds: [], limit: 20 } as any);
const t = performance.now(); let hits: unknown[] = [];
for (let k = 0; k < 50; k++) hits = await searchHits(d.db, { q, kinds: [], limit: 20 } as any);
console.log("searchHits", ((performance.now() - t) / 50).toFixed(2), "ms", hits.length);
if (process.argv[4]) { const plan = await queryRows<any>(d.db, sql`explain (analyze, buffers off, timing on) ${stmts[Number(process.argv[4])]}`); console.log(plan.map((r) => r["QUERY PLAN"]).join("\n")); }
await d.close();
