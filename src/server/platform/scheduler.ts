import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.ts";

/**
 * The durable scheduler: named tasks that run every `intervalMs`, with their state in PostgreSQL
 * (`scheduled_tasks`, platform.schema.ts) rather than in a timer's memory. That gives three things a
 * setInterval cannot:
 * - once across processes: several app processes on one PostgreSQL each tick, but a run starts only after
 *   an atomic `UPDATE … WHERE next_run_at <= now() AND (locked_until IS NULL OR locked_until < now())
 *   RETURNING`, which exactly one of them wins;
 * - across restarts: `next_run_at` is stored, so a daily task does not run at every start;
 * - after a crash: a run whose process died keeps its row locked only until `locked_until`; then the next
 *   tick anywhere takes it over (its `next_run_at` was never moved on).
 * Time is the database's clock (`now()`), so processes with skewed clocks agree.
 */
export interface ScheduledTask {
  name: string;
  /** How long after a finished run the next one is due. */
  intervalMs: number;
  /** How long a claimed run may take before another process may take it over (default 30 minutes). */
  lockMs?: number;
  /** A task new to the database first runs this long after it is registered (default: at once). */
  firstRunAfterMs?: number;
  /** After a failed run, the next try is due after this long (default: the interval, at most 15 minutes). */
  retryMs?: number;
  run: (db: Db) => Promise<void>;
}

export interface SchedulerOptions {
  /** How often each process looks for due tasks. */
  tickMs?: number;
  log?: (message: string) => void;
}

const MINUTE = 60_000;

export class Scheduler {
  private readonly tasks = new Map<string, ScheduledTask>();
  /** This instance's name in `locked_by`. */
  readonly id = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<string[]> | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: SchedulerOptions = {},
  ) {}

  register(task: ScheduledTask): this {
    this.tasks.set(task.name, task);
    return this;
  }

  /**
   * Runs every registered task that is due and that this instance manages to claim, one after the other.
   * Returns the names it ran (tests and logs). A tick already under way is joined, not doubled.
   */
  tick(): Promise<string[]> {
    this.ticking ??= this.runDue().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  /** Ticks now and then every `tickMs` (default a minute); the returned function stops and waits for a run. */
  start(): () => Promise<void> {
    const every = this.options.tickMs ?? MINUTE;
    const tick = () => void this.tick().catch((error) => this.log(`schemaläggaren: ${messageOf(error)}`));
    tick();
    this.timer = setInterval(tick, every);
    // The timer never keeps the process alive on its own.
    this.timer.unref();
    return async () => {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      await this.ticking?.catch(() => undefined);
    };
  }

  private async runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (const task of this.tasks.values()) {
      // A new task is due at once (or after firstRunAfterMs); an existing row keeps its stored schedule.
      await this.db.execute(
        sql`insert into scheduled_tasks (name, next_run_at)
            values (${task.name}, now() + ${task.firstRunAfterMs ?? 0}::double precision * interval '1 millisecond')
            on conflict (name) do nothing`,
      );
      if (!(await this.claim(task))) continue;
      ran.push(task.name);
      await this.runClaimed(task);
    }
    return ran;
  }

  private async claim(task: ScheduledTask): Promise<boolean> {
    const lockMs = task.lockMs ?? 30 * MINUTE;
    const rows = await queryRows<{ name: string }>(
      this.db,
      sql`update scheduled_tasks
          set locked_until = now() + ${lockMs}::double precision * interval '1 millisecond', locked_by = ${this.id},
              last_started_at = now(), last_status = 'running', last_error = null
          where name = ${task.name} and next_run_at <= now()
            and (locked_until is null or locked_until < now())
          returning name`,
    );
    return rows.length === 1;
  }

  private async runClaimed(task: ScheduledTask) {
    let error: string | null = null;
    try {
      await task.run(this.db);
    } catch (e) {
      error = messageOf(e);
      this.log(`schemaläggaren: uppgiften ${task.name} misslyckades: ${error}`);
    }
    const nextMs = error ? (task.retryMs ?? Math.min(task.intervalMs, 15 * MINUTE)) : task.intervalMs;
    // Only while the lock is still ours: a run that overran its lock and was taken over leaves the state
    // to the process that took it.
    await this.db.execute(
      sql`update scheduled_tasks
          set next_run_at = now() + ${nextMs}::double precision * interval '1 millisecond', locked_until = null, locked_by = null,
              last_finished_at = now(), last_status = ${error ? "failed" : "ok"}, last_error = ${error}
          where name = ${task.name} and locked_by = ${this.id}`,
    );
  }

  private log(message: string) {
    (this.options.log ?? console.log)(message);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
