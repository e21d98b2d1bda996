import { sql } from "drizzle-orm";
import pg from "pg";
import { loadDemoUsers } from "../demo/users.ts";
import { luhnValid } from "../src/common/organisations.ts";
import { swedishSortKey } from "../src/common/sort-key.ts";
import { buildApp } from "../src/server/app.ts";
import { type Database, openDatabase, queryRows } from "../src/server/db/client.ts";
import { getImportJob, startImport } from "../src/server/modules/transfer/index.ts";
import type { Actor } from "../src/server/platform/actor.ts";
import { translator } from "../src/server/platform/i18n.ts";

/**
 * Issue 14, goal 3 ("Bulk writes"): a validated, audited import of 100 000 organisations within 10 × a
 * bare multi-row INSERT of the same rows. The import is a real Swedish Excel CSV run through the
 * transfer service as the upload route runs it (parse, job on the durable queue, every row validated,
 * org numbers checked against the register, rows and their audit records written in one transaction),
 * timed from the upload until the job says done. The ceiling is a bare multi-row INSERT (1 000 rows a
 * statement, no checks, no audit) of the same rows into the same table in the same state: it runs first
 * in a transaction that is rolled back afterwards, so both start from the same table. A second ceiling
 * sends the same rows as the import sends its own (one array parameter a column, INSERT … SELECT FROM
 * unnest), so the figure shows the import's checks and audit apart from how rows travel to the server.
 *
 * The upload route refuses files over 50 000 rows (importLimits); the bench passes the service larger
 * limits, as the 100 000-row goal asks. Runs on PGlite; on PostgreSQL too when BENCH_DATABASE_URL is set
 * (it creates a scratch database on that server and drops it afterwards). BULK_IMPORT_ROWS changes the
 * row count (default 100 000); BULK_IMPORT_ON=pglite or postgresql runs on one only.
 */
const ROWS = Number(process.env.BULK_IMPORT_ROWS) || 100_000;
const GOAL = 10;

const places = ["Härnösand", "Sundsvall", "Östersund", "Umeå", "Västerås", "Kramfors", "Örnsköldsvik"];
const branches = ["Bygg AB", "Konsult AB", "Lärcentrum", "Vård och omsorg AB", "Energi AB", "Teknik AB"];
const counties = ["Västernorrlands län", "Jämtlands län", "Västerbottens län", "Västmanlands län"];

/** The n-th valid org number of a series apart from the tests' (digits 3–4 = 7x, Luhn check digit). */
function orgNumber(n: number): string {
  const body = `557${String(n).padStart(6, "0")}`;
  for (let check = 0; check < 10; check++)
    if (luhnValid(`${body}${check}`)) return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
  throw new Error("unreachable");
}

interface Row {
  name: string;
  type: "foretag" | "kommun";
  orgNumber: string;
  municipalityCode: string;
  county: string;
  description: string;
}

function rows(): Row[] {
  return Array.from({ length: ROWS }, (_, i) => {
    const n = i + 1;
    return {
      name: `${places[n % places.length]}s ${branches[n % branches.length]} ${n}`,
      type: n % 50 === 0 ? "kommun" : "foretag",
      orgNumber: orgNumber(n),
      municipalityCode: n % 2 ? "0382" : "2280",
      county: counties[n % counties.length],
      description: `Massimport rad ${n}`,
    };
  });
}

function csvOf(list: Row[]): Buffer {
  const lines = ["Namn;Typ;Organisationsnummer;Kommunkod;Län;Beskrivning"];
  for (const r of list)
    lines.push(
      `${r.name};${r.type === "kommun" ? "Kommun" : "Företag"};${r.orgNumber};${r.municipalityCode};${r.county};${r.description}`,
    );
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`);
}

const mapping = {
  Namn: "name",
  Typ: "type",
  Organisationsnummer: "orgNumber",
  Kommunkod: "municipalityCode",
  Län: "county",
  Beskrivning: "description",
};

class Rollback extends Error {}

/** The ceiling: the same rows, 1 000 per INSERT, sort keys computed here; rolled back afterwards. */
async function bareInsert(database: Database, list: Row[]): Promise<number> {
  let elapsed = 0;
  await database.db
    .transaction(async (tx) => {
      const started = performance.now();
      for (let i = 0; i < list.length; i += 1000) {
        const values = list
          .slice(i, i + 1000)
          .map(
            (r) =>
              sql`(${r.name}, ${swedishSortKey(r.name)}, ${r.type}, ${r.orgNumber}, ${r.municipalityCode}, ${r.county}, ${r.description})`,
          );
        await tx.execute(sql`insert into organisations (name, sort_key, type, org_number, municipality_code, county, description)
          values ${sql.join(values, sql`, `)}`);
      }
      elapsed = performance.now() - started;
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return elapsed;
}

/** A database of its own on the BENCH_DATABASE_URL server (no earlier run's rows or queued jobs), dropped after. */
async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL!;
  const name = `samspel_bulk_${Date.now().toString(36)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** The same ceiling sent as the import sends its rows: one array parameter a column (unnest), 1 000 rows a statement. */
async function bareUnnest(database: Database, list: Row[]): Promise<number> {
  const array = (values: string[]) =>
    `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
  let elapsed = 0;
  await database.db
    .transaction(async (tx) => {
      const started = performance.now();
      for (let i = 0; i < list.length; i += 1000) {
        const batch = list.slice(i, i + 1000);
        const column = (value: (r: Row) => string) => array(batch.map(value));
        await tx.execute(sql`insert into organisations (name, sort_key, type, org_number, municipality_code, county, description)
          select * from unnest(${column((r) => r.name)}::text[], ${column((r) => swedishSortKey(r.name))}::text[],
            ${column((r) => r.type)}::text[], ${column((r) => r.orgNumber)}::text[], ${column((r) => r.municipalityCode)}::text[],
            ${column((r) => r.county)}::text[], ${column((r) => r.description)}::text[])`);
      }
      elapsed = performance.now() - started;
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return elapsed;
}

async function run(kind: "pglite" | "postgresql"): Promise<string[]> {
  const scratch = kind === "postgresql" ? await scratchDatabase() : null;
  const database = await openDatabase(
    scratch ? { kind: "postgresql", url: scratch.url } : { kind: "pglite" },
  );
  const { db } = database;
  await loadDemoUsers(db);
  const app = await buildApp({ database, webRoot: null });
  await app.ready(); // starts the import worker
  const [user] = await queryRows<{ id: string; name: string; email: string }>(
    db,
    sql`select id, name, email from users where email = 'samordnare@demo.samspel.se'`,
  );
  const actor: Actor = {
    userId: user.id,
    name: user.name,
    email: user.email,
    roles: [{ role: "coordinator", scopeType: null, scopeId: null }],
  };
  const list = rows();
  const numbers = list.map((r) => r.orgNumber);
  const csv = csvOf(list);

  const bareMs = await bareInsert(database, list);
  const unnestMs = await bareUnnest(database, list);

  const t = translator("sv");
  const started = performance.now();
  const created = await startImport(
    db,
    actor,
    "organisations",
    { fileName: "massimport.csv", buffer: csv },
    JSON.stringify(mapping),
    t,
    { maxBytes: 64 * 1024 * 1024, maxRows: ROWS },
  );
  let job = await getImportJob(db, actor, created.id);
  while (job.status !== "done" && job.status !== "failed") {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = await getImportJob(db, actor, created.id);
  }
  const importMs = performance.now() - started;
  if (job.status !== "done") throw new Error(`import failed: ${JSON.stringify(job.errors).slice(0, 500)}`);
  const [{ n }] = await queryRows<{ n: string }>(
    db,
    sql`select count(*) as n from organisations where org_number = any(${`{${numbers.join(",")}}`}::text[])`,
  );
  const [{ audits }] = await queryRows<{ audits: string }>(
    db,
    sql`select count(*) as audits from audit_log where action = 'organisation.create'`,
  );
  await app.close();
  await database.close();
  await scratch?.drop();

  const perSecond = (ms: number) => Math.round((ROWS / ms) * 1000).toLocaleString("sv-SE");
  const ratio = importMs / bareMs;
  return [
    `${database.version}, ${ROWS.toLocaleString("sv-SE")} rows, CSV ${(csv.length / 1048576).toFixed(1)} MB`,
    `  import through the transfer service, upload → done: ${(importMs / 1000).toFixed(2)} s = ${perSecond(importMs)} rows/s (${Number(n).toLocaleString("sv-SE")} written, ${Number(audits).toLocaleString("sv-SE")} organisation.create audit records)`,
    `  bare multi-row INSERT of the same rows (1 000 a statement, no checks, no audit): ${(bareMs / 1000).toFixed(2)} s = ${perSecond(bareMs)} rows/s`,
    `  bare INSERT … SELECT FROM unnest(…) of the same rows (1 000 a statement, as the import sends them): ${(unnestMs / 1000).toFixed(2)} s = ${perSecond(unnestMs)} rows/s; import / this: ${(importMs / unnestMs).toFixed(1)} ×`,
    `  ratio import / bare INSERT: ${ratio.toFixed(1)} × (goal ≤ ${GOAL} ×: ${ratio <= GOAL ? "met" : "not met"})`,
  ];
}

export async function benchBulkImport(): Promise<string[]> {
  // BULK_IMPORT_ON=pglite or =postgresql runs one of them only (two processes can then run both at once).
  const only = process.env.BULK_IMPORT_ON;
  const lines: string[] = [];
  for (const kind of ["pglite", "postgresql"] as const) {
    if (only && only !== kind) continue;
    if (kind === "postgresql" && !process.env.BENCH_DATABASE_URL) {
      lines.push("(set BENCH_DATABASE_URL to run it on a PostgreSQL server too)");
      continue;
    }
    const figures = await run(kind);
    // Also on stderr at once: a long run cut short keeps the figures it has.
    for (const line of figures) console.error(`  ${line}`);
    lines.push(...figures);
  }
  return lines;
}
