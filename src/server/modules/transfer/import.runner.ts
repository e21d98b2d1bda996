import { eq } from "drizzle-orm";
import type { ImportMapping, TransferRegister } from "../../../common/transfer.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { AppError } from "../../platform/errors.ts";
import {
  enqueueJob,
  hasOneConnection,
  type JobContext,
  jobWorkerFor,
  LeaseLost,
  registerJobHandler,
} from "../../platform/jobs.ts";
import type { Cell, ParsedSheet } from "../../platform/spreadsheet-import.ts";
import { mappedColumns, validateSheet } from "./import.validate.ts";
import { transferRegistry } from "./registers/index.ts";
import { type BuiltRow, type RegisterTransfer, RowsRefused } from "./transfer.registry.ts";
import { importJobs, type StoredImportError } from "./transfer.schema.ts";

/**
 * Runs imports as jobs on the durable queue (platform/jobs.ts): the upload becomes an `import_jobs`
 * row (what the user sees) and a `jobs` row with the same id holding the parsed sheet, the mapping and
 * the actor. Any app process may claim it; if that process dies, another one claims it when its lease
 * has run out and runs it anew from the stored input — safe, because an import validates every row and
 * then writes all of them in one transaction, or none, and the transaction died with its connection.
 * The job is marked done in that same transaction, fenced on the lease, so a run that lost its job to
 * another process rolls back instead of writing twice.
 *
 * Progress is written to the `import_jobs` row, which the progress endpoint reads in any process. While
 * rows are written, a PostgreSQL pool updates it from another connection; PGlite has one connection, on
 * which the row cannot be updated while the write transaction is open, so there the running process's
 * memory (`liveProgress`) tells how far it got and the bar jumps to done for everyone else.
 */
const live = new Map<string, { status: "validating" | "writing"; processed: number }>();

/** Errors kept on the job; the count says how many there were in all. */
export const MAX_STORED_ERRORS = 500;

export const IMPORT_JOB = "transfer.import";

/**
 * Lets the event loop serve other requests. PGlite answers queries without real I/O, so a long
 * chain of awaited queries would otherwise starve every socket of this process until it ends.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function liveProgress(jobId: string) {
  return live.get(jobId);
}

/** Starts this process's worker (every process runs one: it also takes over jobs of dead processes). */
export function startImportWorker(db: Db) {
  jobWorkerFor(db).start();
}

/** Stops claiming; resolves when the import this process runs has finished (the server waits on close). */
export async function importsSettled(db: Db) {
  await jobWorkerFor(db).stop();
}

export interface ImportRun {
  jobId: string;
  fileName: string;
  register: RegisterTransfer;
  sheet: ParsedSheet;
  mapping: ImportMapping;
  actor: Actor;
}

/** What the queue stores: everything needed to run the import again in another process. */
interface ImportPayload {
  fileName: string;
  register: TransferRegister;
  format: ParsedSheet["format"];
  headers: string[];
  /** Cells as JSON: dates as `{ "$date": ISO }`. */
  rows: { row: number; cells: unknown[] }[];
  mapping: ImportMapping;
  actor: Actor;
}

const storeCell = (cell: Cell): unknown => (cell instanceof Date ? { $date: cell.toISOString() } : cell);
const loadCell = (cell: unknown): Cell =>
  cell && typeof cell === "object" && "$date" in cell ? new Date(String(cell.$date)) : (cell as Cell);

/**
 * Queues the import in the caller's transaction (or on its own); after the commit, `nudgeImports`
 * lets this process start it at once.
 */
export async function queueImport(tx: Tx | Db, run: ImportRun & { registerKey: TransferRegister }) {
  const payload: ImportPayload = {
    fileName: run.fileName,
    register: run.registerKey,
    format: run.sheet.format,
    headers: run.sheet.headers,
    rows: run.sheet.rows.map((r) => ({ row: r.row, cells: r.cells.map(storeCell) })),
    mapping: run.mapping,
    actor: run.actor,
  };
  await enqueueJob(tx, IMPORT_JOB, payload, { id: run.jobId });
}

export const nudgeImports = (db: Db) => jobWorkerFor(db).nudge();

registerJobHandler(IMPORT_JOB, {
  async run(db, ctx) {
    const payload = ctx.job.payload as ImportPayload;
    const run: ImportRun = {
      jobId: ctx.job.id,
      fileName: payload.fileName,
      register: transferRegistry[payload.register],
      sheet: {
        format: payload.format,
        headers: payload.headers,
        rows: payload.rows.map((r) => ({ row: r.row, cells: r.cells.map(loadCell) })),
      },
      mapping: payload.mapping,
      actor: payload.actor,
    };
    try {
      await runImport(db, run, ctx);
    } catch (error) {
      if (error instanceof LeaseLost || ctx.signal.aborted) throw error;
      // A fault of ours, not of the file: the user sees it on the job; running it again would not help.
      ctx.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      await finish(
        db,
        run.jobId,
        [{ row: null, field: null, column: null, key: "transfer.errors.internal" }],
        0,
        ctx,
      );
    } finally {
      live.delete(run.jobId);
    }
  },
  // Claimed again and again without finishing: its process died every time (nothing was written).
  async onFailed(db, job) {
    await db
      .update(importJobs)
      .set({
        status: "failed",
        errors: [{ row: null, field: null, column: null, key: "transfer.errors.interrupted" }],
        errorCount: 1,
        finishedAt: new Date(),
      })
      .where(eq(importJobs.id, job.id));
  },
});

type ImportContext = Pick<JobContext, "complete" | "signal">;

async function runImport(db: Db, run: ImportRun, ctx: ImportContext) {
  const { jobId, register, sheet, mapping, actor } = run;
  const total = sheet.rows.length;
  live.set(jobId, { status: "validating", processed: 0 });
  await db
    .update(importJobs)
    .set({ status: "validating", total, processed: 0 })
    .where(eq(importJobs.id, jobId));
  const { rows, errors } = await validateSheet(db, register, sheet, mapping, async (processed) => {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    live.set(jobId, { status: "validating", processed });
    await nextTurn();
    await db.update(importJobs).set({ processed }).where(eq(importJobs.id, jobId));
  });
  const ordered = errors.length ? { rows: [], errors: [] } : writeOrder(rows);
  const columns = mappedColumns(register, sheet.headers, mapping);
  const withColumns = (list: StoredImportError[]) =>
    list.map((e) => (e.field && !e.column ? { ...e, column: columns.get(e.field)?.header ?? null } : e));
  if (errors.length || ordered.errors.length)
    return finish(db, jobId, withColumns([...errors, ...ordered.errors]), 0, ctx);

  live.set(jobId, { status: "writing", processed: 0 });
  await db.update(importJobs).set({ status: "writing", processed: 0 }).where(eq(importJobs.id, jobId));
  // On a pool the row is updated from another connection while the write transaction is open.
  const rowProgress = !hasOneConnection(db);
  try {
    await writeWithAudit(db, actor, async (tx, audit) => {
      let ids = new Map<number, string>();
      // Set-based when the register's service can write all rows at once (organisations, issue 14).
      if (register.createAll)
        ids = await register.createAll(tx, actor, ordered.rows, async (written) => {
          live.set(jobId, { status: "writing", processed: written });
          if (ctx.signal.aborted) throw ctx.signal.reason;
          if (rowProgress)
            await db.update(importJobs).set({ processed: written }).where(eq(importJobs.id, jobId));
          await nextTurn();
        });
      else
        for (const row of ordered.rows) {
          try {
            ids.set(row.row, await register.create(tx, actor, row, ids));
          } catch (error) {
            throw new RowFailure(row, error);
          }
          live.set(jobId, { status: "writing", processed: ids.size });
          if (ids.size % 20 === 0) {
            if (ctx.signal.aborted) throw ctx.signal.reason;
            if (rowProgress)
              await db.update(importJobs).set({ processed: ids.size }).where(eq(importJobs.id, jobId));
            await nextTurn();
          }
        }
      await audit({
        action: "import.run",
        entityType: "import_job",
        entityId: jobId,
        after: { register: register.key, fileName: run.fileName, created: ids.size },
      });
      // In the import's own transaction: done, and the rows written, or neither.
      await finishIn(tx, jobId, [], ids.size);
      await ctx.complete(tx, { created: ids.size });
      return ids.size;
    });
  } catch (error) {
    if (error instanceof RowsRefused)
      return finish(
        db,
        jobId,
        withColumns(error.refusals.flatMap((r) => serviceErrors(register, r.row, r.error))),
        0,
        ctx,
      );
    if (error instanceof RowFailure && error.cause instanceof AppError)
      return finish(db, jobId, withColumns(serviceErrors(register, error.row, error.cause)), 0, ctx);
    throw error;
  }
}

/** Ends the import without writing rows: its errors and the job's end in one transaction. */
async function finish(
  db: Db,
  jobId: string,
  errors: StoredImportError[],
  created: number,
  ctx: ImportContext,
) {
  await db.transaction(async (tx) => {
    await finishIn(tx, jobId, errors, created);
    await ctx.complete(tx, { created, errors: errors.length });
  });
}

async function finishIn(tx: Tx, jobId: string, errors: StoredImportError[], created: number) {
  await tx
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
