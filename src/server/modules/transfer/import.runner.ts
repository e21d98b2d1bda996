import { eq } from "drizzle-orm";
import type { ImportMapping } from "../../../common/transfer.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { AppError } from "../../platform/errors.ts";
import type { ParsedSheet } from "../../platform/spreadsheet-import.ts";
import { mappedColumns, validateSheet } from "./import.validate.ts";
import type { BuiltRow, RegisterTransfer } from "./transfer.registry.ts";
import { importJobs, type StoredImportError } from "./transfer.schema.ts";

/**
 * Runs imports in the background of this process: validate every row, then write all of them in
 * one transaction, or none. Progress of a running job lives here in memory as well as in its row,
 * because while the write transaction is open the row cannot be updated from outside it. On PGlite
 * (one connection) every other query, a progress poll's session lookup included, waits for that
 * transaction, so the bar moves while rows are checked and then jumps to done; on PostgreSQL the
 * polls are answered throughout.
 */
const running = new Set<Promise<void>>();
const live = new Map<string, { status: "validating" | "writing"; processed: number }>();

/** Errors kept on the job; the count says how many there were in all. */
export const MAX_STORED_ERRORS = 500;

/**
 * Lets the event loop serve other requests. PGlite answers queries without real I/O, so a long
 * chain of awaited queries would otherwise starve every socket of this process until it ends.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function liveProgress(jobId: string) {
  return live.get(jobId);
}

/** Resolves when every import started by this process has finished (the server waits on close). */
export async function importsSettled() {
  await Promise.allSettled([...running]);
}

export interface ImportRun {
  jobId: string;
  fileName: string;
  register: RegisterTransfer;
  sheet: ParsedSheet;
  mapping: ImportMapping;
  actor: Actor;
}

/** Starts the job and returns at once; the job row tells how it went. */
export function startInBackground(db: Db, run: ImportRun, log: (error: unknown) => void): Promise<void> {
  const job = runImport(db, run)
    .catch(async (error) => {
      log(error);
      await finish(db, run.jobId, [
        { row: null, field: null, column: null, key: "transfer.errors.internal" },
      ]).catch(log);
    })
    .finally(() => {
      running.delete(job);
      live.delete(run.jobId);
    });
  running.add(job);
  return job;
}

async function runImport(db: Db, run: ImportRun) {
  const { jobId, register, sheet, mapping, actor } = run;
  const total = sheet.rows.length;
  live.set(jobId, { status: "validating", processed: 0 });
  await db
    .update(importJobs)
    .set({ status: "validating", total, processed: 0 })
    .where(eq(importJobs.id, jobId));
  const { rows, errors } = await validateSheet(db, register, sheet, mapping, async (processed) => {
    live.set(jobId, { status: "validating", processed });
    await nextTurn();
    await db.update(importJobs).set({ processed }).where(eq(importJobs.id, jobId));
  });
  const ordered = errors.length ? { rows: [], errors: [] } : writeOrder(rows);
  const columns = mappedColumns(register, sheet.headers, mapping);
  const withColumns = (list: StoredImportError[]) =>
    list.map((e) => (e.field && !e.column ? { ...e, column: columns.get(e.field)?.header ?? null } : e));
  if (errors.length || ordered.errors.length)
    return finish(db, jobId, withColumns([...errors, ...ordered.errors]));

  live.set(jobId, { status: "writing", processed: 0 });
  await db.update(importJobs).set({ status: "writing", processed: 0 }).where(eq(importJobs.id, jobId));
  let created: number;
  try {
    created = await writeWithAudit(db, actor, async (tx, audit) => {
      const ids = new Map<number, string>();
      for (const row of ordered.rows) {
        try {
          ids.set(row.row, await register.create(tx, actor, row, ids));
        } catch (error) {
          throw new RowFailure(row, error);
        }
        live.set(jobId, { status: "writing", processed: ids.size });
        if (ids.size % 20 === 0) await nextTurn();
      }
      await audit({
        action: "import.run",
        entityType: "import_job",
        entityId: jobId,
        after: { register: register.key, fileName: run.fileName, created: ids.size },
      });
      return ids.size;
    });
  } catch (error) {
    if (error instanceof RowFailure && error.cause instanceof AppError)
      return finish(db, jobId, withColumns(serviceErrors(register, error.row, error.cause)));
    throw error;
  }
  await finish(db, jobId, [], created);
}

async function finish(db: Db, jobId: string, errors: StoredImportError[], created = 0) {
  await db
    .update(importJobs)
    .set({
      status: errors.length ? "failed" : "done",
      errors: errors.slice(0, MAX_STORED_ERRORS),
      errorCount: errors.length,
      createdCount: created,
      processed: errors.length ? undefined : created,
      finishedAt: new Date(),
    })
    .where(eq(importJobs.id, jobId));
}

class RowFailure extends Error {
  constructor(
    readonly row: BuiltRow,
    override readonly cause: unknown,
  ) {
    super("import row failed");
  }
}

/** A rule only the register's service checks (say, a parent that would make a cycle) → row errors. */
function serviceErrors(register: RegisterTransfer, row: BuiltRow, error: AppError): StoredImportError[] {
  if (!error.fieldErrors)
    return [{ row: row.row, field: null, column: null, key: error.detailKey, params: error.params }];
  const fieldOf = new Map<string, string>();
  for (const f of register.fields) for (const k of f.inputKeys ?? [f.key]) fieldOf.set(k, f.key);
  return Object.entries(error.fieldErrors).flatMap(([path, list]) =>
    list.map((e) => ({
      row: row.row,
      field: fieldOf.get(path.split(".")[0]) ?? null,
      column: null,
      key: e.key,
      params: e.params,
    })),
  );
}

/** Rows in an order where every row comes after the rows it depends on; cycles are errors. */
export function writeOrder(rows: BuiltRow[]): { rows: BuiltRow[]; errors: StoredImportError[] } {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const state = new Map<number, "visiting" | "done">();
  const out: BuiltRow[] = [];
  const cyclic = new Set<number>();
  const visit = (r: BuiltRow, path: number[]) => {
    if (state.get(r.row) === "done") return;
    if (state.get(r.row) === "visiting") {
      for (const n of path.slice(path.indexOf(r.row))) cyclic.add(n);
      return;
    }
    state.set(r.row, "visiting");
    for (const dep of r.dependsOn ?? []) {
      const target = byRow.get(dep);
      if (target) visit(target, [...path, r.row]);
    }
    state.set(r.row, "done");
    out.push(r);
  };
  for (const r of rows) visit(r, []);
  const errors = [...cyclic]
    .sort((a, b) => a - b)
    .map((row) => ({ row, field: "parent", column: null, key: "transfer.rowErrors.parentCycle" }));
  return { rows: out, errors };
}
