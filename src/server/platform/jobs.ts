import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Db, queryRows, type Tx } from "../db/client.ts";

/**
 * A durable job queue in PostgreSQL (`jobs`, platform.schema.ts), so that background work outlives
 * the process that accepted it and any process can tell how it goes.
 *
 * - Enqueuing is an insert (in the caller's transaction if it likes); the enqueuing process is nudged
 *   to start at once, and every process polls for due jobs now and then.
 * - A worker claims one due job with `… for update skip locked`: two processes never claim the same
 *   row. The claim sets a lease (`locked_by`, `locked_until`) that the worker renews while it runs.
 * - A job whose process died keeps its lease only until `locked_until`; then any process claims it
 *   again and runs it from its stored payload. Handlers must therefore be safe to run again: an import
 *   is all or nothing (its transaction died with its connection), so running it anew is.
 * - Finishing is fenced: `complete`/`fail` change the row only while this worker still holds it, and
 *   a handler may complete inside its own write transaction (`ctx.complete(tx)`), so a run that lost
 *   its lease to another process rolls back instead of writing a second time.
 * - A job claimed `max_attempts` times without finishing (its process dies every time) is failed.
 *
 * Time is the database's clock. Configuration: `SAMSPEL_JOB_POLL_MS` (how often a process looks for
 * due jobs, default 5 000) and `SAMSPEL_JOB_LEASE_SECONDS` (how long a claim holds without renewal,
 * default 60).
 */

export type JobStatus = "queued" | "running" | "done" | "failed";

export interface JobRow {
  id: string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
}

export interface JobContext {
  job: JobRow;
  /** This worker's id (the row's `locked_by` while it runs). */
  workerId: string;
  /** Set when the lease was lost (another process took the job over): stop without writing. */
  signal: AbortSignal;
  /** Marks the job done, in the handler's transaction if given; throws LeaseLost if no longer ours. */
  complete(tx?: Tx | Db, result?: unknown): Promise<void>;
  /** Stores progress on the job row (any process reads it). */
  progress(value: unknown): Promise<void>;
  /** The worker's log (no personal data: ids, not addresses). */
  log(message: string): void;
}

export interface JobHandler {
  run(db: Db, ctx: JobContext): Promise<void>;
  /** Called once when the job is failed for good (attempts used up, or the handler threw at the last one). */
  onFailed?(db: Db, job: JobRow, error: string): Promise<void>;
}

/** The job was taken over by another worker: this run must not write anything more. */
export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`jobbet ${jobId} har tagits över av en annan process`);
  }
}

const handlers = new Map<string, JobHandler>();

/** Declares what runs jobs of `kind` (module level, like the mail outbox's outcome handlers). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export interface EnqueueOptions {
  /** The job's id, e.g. the id of the record it works on (so its progress is found by that id). */
  id?: string;
  maxAttempts?: number;
}

/** Adds a job; call `jobWorkerFor(db).nudge()` after the transaction commits to start it here at once. */
export async function enqueueJob(
  tx: Tx | Db,
  kind: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<string> {
  const id = options.id ?? randomUUID();
  await tx.execute(
    sql`insert into jobs (id, kind, payload, max_attempts)
        values (${id}, ${kind}, ${JSON.stringify(payload)}::jsonb, ${options.maxAttempts ?? 3})`,
  );
  return id;
}

/** A job's state as any process sees it. */
export async function readJob(db: Db, id: string) {
  const [row] = await queryRows<{
    id: string;
    kind: string;
    status: JobStatus;
    progress: unknown;
    attempts: number;
    locked_by: string | null;
    result: unknown;
    error: string | null;
  }>(
    db,
    sql`select id, kind, status, progress, attempts, locked_by, result, error from jobs where id = ${id}`,
  );
  return row ?? null;
}

/**
 * PGlite has one connection: a query outside a transaction waits until that transaction ends, so a
 * handler must not await one from inside its transaction. On a PostgreSQL pool it may.
 */
export function hasOneConnection(db: Db): boolean {
  return !((db as unknown as { $client?: unknown }).$client instanceof pg.Pool);
}

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export interface WorkerOptions {
  pollMs?: number;
  leaseSeconds?: number;
  log?: (message: string) => void;
}

export class JobWorker {
  readonly id = randomUUID();
  private readonly pollMs: number;
  private readonly leaseSeconds: number;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly running = new Set<Promise<void>>();
  /** Jobs this worker runs now, with their live progress (fresher than the row on PGlite). */
  private readonly live = new Map<string, unknown>();

  constructor(
    private readonly db: Db,
    options: WorkerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? envNumber("SAMSPEL_JOB_POLL_MS", 5_000);
    this.leaseSeconds = options.leaseSeconds ?? envNumber("SAMSPEL_JOB_LEASE_SECONDS", 60);
    this.log = options.log ?? ((message) => console.warn(message));
  }

  log: (message: string) => void;

  /** Polls every `pollMs` until stopped; the timer never keeps the process alive on its own. */
  start(): void {
    if (this.timer || this.stopped) return;
    this.nudge();
    this.timer = setInterval(() => this.nudge(), this.pollMs);
    this.timer.unref();
  }

  /** Looks for due jobs now (after an enqueue); cheap to call often. */
  nudge(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error) => this.log(`jobbkön: ${messageOf(error)}`))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Runs due jobs until none is left; resolves when they are done (tests). */
  async runDue(): Promise<void> {
    this.nudge();
    while (this.draining) await this.draining;
  }

  /** No new claims; resolves when the job under way has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining;
    await Promise.allSettled([...this.running]);
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Live progress of a job this process runs now, if it runs it. */
  liveProgress(id: string): unknown {
    return this.live.get(id);
  }

  private async drain() {
    while (!this.stopped) {
      const job = await this.claim();
      if (!job) return this.purgeFinished();
      const run = this.runClaimed(job);
      this.running.add(run);
      await run.finally(() => this.running.delete(run));
    }
  }

  private lastPurge = 0;

  /** Ended jobs are kept 30 days (their outcome; the input is already cleared); each process checks hourly. */
  private async purgeFinished() {
    if (Date.now() - this.lastPurge < 60 * 60_000) return;
    this.lastPurge = Date.now();
    await this.db.execute(
      sql`delete from jobs where status in ('done', 'failed') and finished_at < now() - interval '30 days'`,
    );
  }

  private async claim(): Promise<JobRow | null> {
    const kinds = [...handlers.keys()];
    if (!kinds.length) return null;
    for (;;) {
      const [row] = await queryRows<{
        id: string;
        kind: string;
        payload: unknown;
        status: JobStatus;
        attempts: number;
        max_attempts: number;
      }>(
        this.db,
        sql`update jobs set status = 'running', attempts = attempts + 1, locked_by = ${this.id},
              locked_until = now() + make_interval(secs => ${this.leaseSeconds}),
              started_at = coalesce(started_at, now())
            where id = (
              select id from jobs
              where kind in (${sql.join(
                kinds.map((k) => sql`${k}`),
                sql`, `,
              )})
                and ((status = 'queued' and run_after <= now())
                  or (status = 'running' and locked_until < now() and locked_by is distinct from ${this.id}))
              order by run_after, created_at
              limit 1
              for update skip locked)
            returning id, kind, payload, status, attempts, max_attempts`,
      );
      if (!row) return null;
      const job: JobRow = {
        id: row.id,
        kind: row.kind,
        payload: row.payload,
        status: row.status,
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
      };
      // Claimed more often than allowed: every earlier run died with its process (or lost its lease).
      if (job.attempts > job.maxAttempts) {
        await this.failForGood(job, "jobbet avbröts gång på gång: processen som körde det stannade");
        continue;
      }
      return job;
    }
  }

  private async runClaimed(job: JobRow) {
    const handler = handlers.get(job.kind);
    if (!handler) return;
    const lost = new AbortController();
    const renew = setInterval(
      () => {
        void this.db
          .execute(
            sql`update jobs set locked_until = now() + make_interval(secs => ${this.leaseSeconds})
                where id = ${job.id} and locked_by = ${this.id} and status = 'running' returning id`,
          )
          .then((result) => {
            if (!(result as unknown as { rows: unknown[] }).rows.length && !lost.signal.aborted)
              lost.abort(new LeaseLost(job.id));
          })
          .catch((error) => this.log(`jobbkön: ${job.id}: förlängningen misslyckades: ${messageOf(error)}`));
      },
      Math.max(200, (this.leaseSeconds * 1000) / 3),
    );
    renew.unref();
    let completed = false;
    const ctx: JobContext = {
      job,
      workerId: this.id,
      signal: lost.signal,
      complete: async (tx = this.db, result = null) => {
        const done = await queryRows<{ id: string }>(
          tx,
          sql`update jobs set status = 'done', result = ${JSON.stringify(result)}::jsonb, payload = '{}'::jsonb,
                error = null, progress = null, locked_by = null, locked_until = null, finished_at = now()
              where id = ${job.id} and locked_by = ${this.id} and status = 'running' returning id`,
        );
        if (!done.length) throw new LeaseLost(job.id);
        completed = true;
      },
      log: (message) => this.log(`jobbkön: ${job.kind} ${job.id}: ${message}`),
      progress: async (value) => {
        this.live.set(job.id, value);
        await this.db.execute(
          sql`update jobs set progress = ${JSON.stringify(value)}::jsonb
              where id = ${job.id} and locked_by = ${this.id}`,
        );
      },
    };
    this.live.set(job.id, null);
    try {
      await handler.run(this.db, ctx);
      if (!completed) await ctx.complete();
    } catch (error) {
      if (error instanceof LeaseLost || lost.signal.aborted) {
        this.log(`jobbkön: ${job.kind} ${job.id}: togs över av en annan process`);
        return;
      }
      const message = messageOf(error).slice(0, 1000);
      this.log(`jobbkön: ${job.kind} ${job.id} misslyckades (försök ${job.attempts}): ${message}`);
      if (job.attempts >= job.maxAttempts) await this.failForGood(job, message);
      else
        await this.db.execute(
          sql`update jobs set status = 'queued', error = ${message}, locked_by = null, locked_until = null,
                run_after = now() + make_interval(secs => ${2 ** job.attempts})
              where id = ${job.id} and locked_by = ${this.id}`,
        );
    } finally {
      clearInterval(renew);
      this.live.delete(job.id);
    }
  }

  private async failForGood(job: JobRow, error: string) {
    const failed = await queryRows<{ id: string }>(
      this.db,
      sql`update jobs set status = 'failed', error = ${error}, payload = '{}'::jsonb, locked_by = null,
            locked_until = null, finished_at = now()
          where id = ${job.id} and locked_by = ${this.id} returning id`,
    );
    if (failed.length) await handlers.get(job.kind)?.onFailed?.(this.db, job, error);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

// One worker per database in this process: the routes' nudges, the poller and the tests share it.
const workers = new WeakMap<Db, JobWorker>();

export function jobWorkerFor(db: Db): JobWorker {
  let worker = workers.get(db);
  // A stopped worker (its app closed) is replaced: another app on the same database may still run.
  if (!worker || worker.isStopped) {
    worker = new JobWorker(db);
    workers.set(db, worker);
  }
  return worker;
}
