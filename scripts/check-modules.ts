/**
 * The module rule, checked from the imports (issue 12; ARCHITECTURE.md "Module doors"):
 * - a server module (`src/server/modules/<name>/`) is entered only through its `index.ts`; nothing outside it
 *   imports its other files. Exceptions, each declared: `src/server/db/schema.ts` gathers the `*.schema.ts`
 *   files for migrations, and the read layer (`src/server/read/`) reads any module's tables.
 * - no cycles between modules (the read layer and the platform count as modules of their own);
 * - the platform imports no module (dependencies run from modules to the platform, never back);
 * - a web feature (`src/web/features/<name>/`) is entered only through its `routes.tsx` or `index.ts`.
 * - a module's production code names no other module's table in raw SQL either (`sql\`select … from organisations\``):
 *   the table → module map comes from `pgTable("<name>"` in each module's `*.schema.ts`; the read layer is exempt.
 * Test files and the fixtures they import may reach inside (they set up state directly); production code may not.
 * The read layer writes nothing and imports no module code but tables (docs/decisions/011-read-layer.md); edges
 * onto tables (read layer → table, a table's foreign key to another module's table) are not module dependencies.
 *
 * `npm run lint` runs it; `tsx scripts/check-modules.ts --graph` also prints every edge between modules.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const roots = ["src", "demo", "bench", "e2e"];
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "migrations") continue;
    if (statSync(full).isDirectory()) out.push(...files(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

/** Tests, and the fixtures only tests import (`*.fixture.ts`, `test-fixtures.ts`): they set up state directly. */
const isTest = (file: string) =>
  /\.(test|e2e|fixture)\.tsx?$/.test(file) ||
  /(^|\/)test-fixtures\.ts$/.test(file) ||
  /(^|\/)(test|e2e)\//.test(file) ||
  /\/security\/test\//.test(file);

/** Which unit a file belongs to: `server:<module>`, `server:read`, `server:platform`, `web:<feature>`, or null. */
function unitOf(rel: string): string | null {
  let m = rel.match(/^src\/server\/modules\/([^/]+)\//);
  if (m) return `server:${m[1]}`;
  if (rel.startsWith("src/server/read/")) return "server:read";
  if (rel.startsWith("src/server/platform/")) return "server:platform";
  m = rel.match(/^src\/web\/features\/([^/]+)\//);
  if (m) return `web:${m[1]}`;
  return null;
}

function isDoor(rel: string) {
  if (/^src\/server\/modules\/[^/]+\/index\.ts$/.test(rel)) return true;
  return /^src\/web\/features\/[^/]+\/(index\.ts|routes\.tsx)$/.test(rel);
}

function allowedDeep(fromRel: string, toRel: string) {
  if (!toRel.endsWith(".schema.ts")) return false;
  return (
    fromRel === "src/server/db/schema.ts" ||
    fromRel.startsWith("src/server/read/") ||
    fromRel.endsWith(".schema.ts")
  );
}

/**
 * Edges onto tables are not dependencies on a module's code (decision 011): a `*.schema.ts` imports only other
 * tables, so the read layer reading a table and a table's foreign key to another module's table (goal links →
 * plan items, plan items → goals) do not count towards cycles. Modules call the read layer; it reads their tables.
 */
const isTableEdge = (fromRel: string, toRel: string) =>
  toRel.endsWith(".schema.ts") && (fromRel.startsWith("src/server/read/") || fromRel.endsWith(".schema.ts"));

/** The read layer writes nothing and imports no module code (decision 011): its breaches, one line each. */
function readLayerBreaches(
  rel: string,
  text: string,
  specs: { toRel: string; line: number; typeOnly: boolean }[],
): string[] {
  if (!rel.startsWith("src/server/read/") || isTest(rel)) return [];
  const out: string[] = [];
  for (const word of [".insert(", ".update(", ".delete(", "writeWithAudit"]) {
    const at = text.indexOf(word);
    if (at >= 0) out.push(`${rel}:${text.slice(0, at).split("\n").length} writes (${word})`);
  }
  // A type-only import (a module's reader interface the layer implements) runs no module code.
  for (const { toRel, line, typeOnly } of specs)
    if (toRel.startsWith("src/server/modules/") && !toRel.endsWith(".schema.ts") && !typeOnly)
      out.push(`${rel}:${line} imports module code ${toRel} (only *.schema.ts)`);
  return out;
}

/** Table name → owning module, from `pgTable("<name>"` in each module's `*.schema.ts`. */
function tableOwners(all: string[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of all) {
    const m = path.relative(root, file).match(/^src\/server\/modules\/([^/]+)\/.*\.schema\.ts$/);
    if (!m) continue;
    for (const t of readFileSync(file, "utf8").matchAll(/pgTable\(\s*"([^"]+)"/g)) owners.set(t[1], m[1]);
  }
  return owners;
}

/**
 * Raw SQL is a door too (issue 12): `sql\`select … from organisations\`` reads another module's table as surely as
 * importing its schema does, only hidden from the import graph. So every table named after from/join/into/update/
 * truncate/delete from in a module's production file must belong to that module; comments are blanked first (line
 * numbers kept) so prose about a table is not a hit. The read layer (not a module) may read every table.
 */
function rawSqlBreaches(rel: string, text: string, owners: Map<string, string>): string[] {
  const module = rel.match(/^src\/server\/modules\/([^/]+)\//)?.[1];
  if (!module || isTest(rel)) return [];
  const code = text.replace(/\/\*[\s\S]*?\*\/|(?<![:"'`\\])\/\/.*$/gm, (c) => c.replace(/[^\n]/g, " "));
  const out: string[] = [];
  for (const m of code.matchAll(
    /\b(?:from|join|into|update|truncate|delete\s+from)\s+"?([a-z_][a-z0-9_]*)"?\b/gi,
  )) {
    const owner = owners.get(m[1].toLowerCase());
    if (owner && owner !== module)
      out.push(`${rel}:${code.slice(0, m.index).split("\n").length} → ${m[1]} (${owner})`);
  }
  return out;
}

export interface Report {
  edges: Map<string, number>; // "a -> b" → import lines
  deep: string[]; // "file:line → target" in production code
  platformToModule: string[];
  readLayer: string[]; // writes or module imports in src/server/read/
  rawSql: string[]; // "file:line → table (owner)": a module's SQL naming another module's table
  cycles: string[][];
}

export function check(): Report {
  const edges = new Map<string, number>();
  const deep: string[] = [];
  const platformToModule: string[] = [];
  const readLayer: string[] = [];
  const rawSql: string[] = [];
  const all = roots.flatMap((r) => files(path.join(root, r)));
  const owners = tableOwners(all);
  for (const file of all) {
    const rel = path.relative(root, file);
    const text = readFileSync(file, "utf8");
    const from = unitOf(rel);
    const specs: { toRel: string; line: number; typeOnly: boolean }[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2];
      if (!spec?.startsWith(".")) continue;
      const toRel = path.relative(root, path.resolve(path.dirname(file), spec));
      const line = text.slice(0, match.index).split("\n").length + 1;
      specs.push({ toRel, line, typeOnly: /^\s*import type\s/.test(match[0]) });
      const to = unitOf(toRel);
      if (!to || to === from) continue;
      if (!isTest(rel) && from && !isTableEdge(rel, toRel))
        edges.set(`${from} -> ${to}`, (edges.get(`${from} -> ${to}`) ?? 0) + 1);
      if (isTest(rel)) continue;
      const hasDoor = to !== "server:platform" && to !== "server:read";
      if (hasDoor && !isDoor(toRel) && !allowedDeep(rel, toRel)) deep.push(`${rel}:${line} → ${toRel}`);
      if (from === "server:platform" && to.startsWith("server:") && to !== "server:platform")
        platformToModule.push(`${rel}:${line} → ${toRel}`);
    }
    readLayer.push(...readLayerBreaches(rel, text, specs));
    rawSql.push(...rawSqlBreaches(rel, text, owners));
  }
  return { edges, deep, platformToModule, readLayer, rawSql, cycles: cyclesOf(edges) };
}

/** Strongly connected components with more than one unit (Tarjan). */
function cyclesOf(edges: Map<string, number>): string[][] {
  const next = new Map<string, string[]>();
  for (const key of edges.keys()) {
    const [a, b] = key.split(" -> ");
    next.set(a, [...(next.get(a) ?? []), b]);
    if (!next.has(b)) next.set(b, []);
  }
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of next.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of next.keys()) if (!idx.has(v)) visit(v);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = check();
  const crossServer = [...report.edges].filter(([k]) => k.startsWith("server:"));
  const crossWeb = [...report.edges].filter(([k]) => k.startsWith("web:"));
  const sum = (list: [string, number][]) => list.reduce((s, [, n]) => s + n, 0);
  if (process.argv.includes("--graph"))
    for (const [edge, n] of [...report.edges].sort()) console.log(`${n.toString().padStart(4)}  ${edge}`);
  const deepServer = report.deep.filter((d) => !d.startsWith("src/web/"));
  const deepWeb = report.deep.filter((d) => d.startsWith("src/web/"));
  console.log(
    `modules: ${sum(crossServer)} server import lines between units over ${crossServer.length} edges, ` +
      `${sum(crossWeb)} web lines over ${crossWeb.length} edges; ` +
      `deep imports: ${deepServer.length} server, ${deepWeb.length} web; ` +
      `platform → module: ${report.platformToModule.length}; read layer: ${report.readLayer.length}; ` +
      `raw SQL across modules: ${report.rawSql.length}; cycles: ${report.cycles.length}`,
  );
  for (const d of report.deep) console.log(`  deep import (use the module's index.ts): ${d}`);
  for (const d of report.platformToModule) console.log(`  platform imports a module: ${d}`);
  for (const d of report.readLayer) console.log(`  read layer must only read tables (decision 011): ${d}`);
  for (const d of report.rawSql) console.log(`  raw SQL reads another module's table: ${d}`);
  for (const c of report.cycles) console.log(`  cycle: ${c.join(" ⇄ ")}`);
  const failed =
    report.deep.length +
    report.platformToModule.length +
    report.readLayer.length +
    report.rawSql.length +
    report.cycles.length;
  // The web features are done: a deep import there fails even in --report mode.
  const webFailed = deepWeb.length + report.cycles.filter((c) => c.some((u) => u.startsWith("web:"))).length;
  process.exit(webFailed || (failed && !process.argv.includes("--report")) ? 1 : 0);
}
