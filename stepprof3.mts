import { PgDialect } from "drizzle-orm/pg-core";
import { searchStatements } from "./src/server/read/search-registers.ts";
const q = process.argv[2]; const i = Number(process.argv[3]);
const s = searchStatements({ q, kinds: [], limit: 30 } as any)[i];
const { sql: text, params } = new PgDialect().sqlToQuery(s);
let out = text.replace(/\$(\d+)/g, (_, n) => { const v = params[Number(n) - 1]; return v === null ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replaceAll("'", "''")}'`; });
console.log("explain (analyze, costs off) " + out + ";");
