import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/client.ts";
import { openTestDatabase } from "../test/harness.ts";
import { type ScheduledTask, Scheduler } from "./scheduler.ts";

const database = await openTestDatabase();
const db = database.db;
afterAll(() => database.close());

const DAY = 24 * 60 * 60 * 1000;
const quiet = () => {};

async function stateOf(name: string) {
  const [row] = await queryRows<{
    next_in_future: boolean;
    locked_until: Date | null;
    last_status: string | null;
    last_error: string | null;
    last_finished_at: Date | null;
  }>(
    db,
    sql`select next_run_at > now() as next_in_future, locked_until, last_status, last_error, last_finished_at
        from scheduled_tasks where name = ${name}`,
  );
  return row;
}

function countingTask(name: string, extra: Partial<ScheduledTask> = {}) {
  const task = { runs: 0, name, intervalMs: DAY, run: async () => void task.runs++, ...extra };
  return task;
}

describe("the durable scheduler", () => {
  it("runs a due task exactly once across two instances on one database, and not again after a restart", async () => {
    const task = countingTask("test.once");
    // Four processes' schedulers tick at the same moment.
    const instances = [1, 2, 3, 4].map(() => new Scheduler(db, { log: quiet }).register(task));
    const ran = await Promise.all(instances.map((s) => s.tick()));
    expect(task.runs).toBe(1);
    expect(ran.flat()).toEqual(["test.once"]);
    const state = await stateOf("test.once");
    expect(state.last_status).toBe("ok");
    expect(state.next_in_future).toBe(true);
    expect(state.locked_until).toBeNull();
    // A process started later (a restart) finds the stored schedule: not due for a day.
    const restarted = new Scheduler(db, { log: quiet }).register(task);
    expect(await restarted.tick()).toEqual([]);
    expect(task.runs).toBe(1);
  });

  it("does not start a task another instance is running", async () => {
    let release = () => {};
    const started = { count: 0 };
    const slow: ScheduledTask = {
      name: "test.slow",
      intervalMs: DAY,
      run: () => {
        started.count++;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    };
    const a = new Scheduler(db, { log: quiet }).register(slow);
    const b = new Scheduler(db, { log: quiet }).register(slow);
    const running = a.tick();
    await expect.poll(() => started.count).toBe(1);
    expect((await stateOf("test.slow")).last_status).toBe("running");
    expect(await b.tick()).toEqual([]);
    release();
    expect(await running).toEqual(["test.slow"]);
    expect(started.count).toBe(1);
  });

  it("takes over a run whose process died once its lock has expired", async () => {
    const task = countingTask("test.crashed");
    // A process claimed the task and died: the row stays locked, its next run never moved on.
    await db.execute(
      sql`insert into scheduled_tasks (name, next_run_at, locked_until, locked_by, last_started_at, last_status)
          values ('test.crashed', now() - interval '1 hour', now() + interval '10 minutes', 'dead-process',
                  now() - interval '5 minutes', 'running')`,
    );
    const survivor = new Scheduler(db, { log: quiet }).register(task);
    expect(await survivor.tick()).toEqual([]);
    expect(task.runs).toBe(0);
    // The lock runs out.
    await db.execute(
      sql`update scheduled_tasks set locked_until = now() - interval '1 second' where name = 'test.crashed'`,
    );
    expect(await survivor.tick()).toEqual(["test.crashed"]);
    expect(task.runs).toBe(1);
    const state = await stateOf("test.crashed");
    expect(state.last_status).toBe("ok");
    expect(state.last_finished_at).not.toBeNull();
    expect(state.next_in_future).toBe(true);
  });

  it("records a failed run and tries again after the retry delay", async () => {
    const logged: string[] = [];
    const failing: ScheduledTask = {
      name: "test.failing",
      intervalMs: DAY,
      retryMs: 0,
      run: async () => {
        throw new Error("SMTP svarar inte");
      },
    };
    const scheduler = new Scheduler(db, { log: (m) => logged.push(m) }).register(failing);
    expect(await scheduler.tick()).toEqual(["test.failing"]);
    const state = await stateOf("test.failing");
    expect(state.last_status).toBe("failed");
    expect(state.last_error).toBe("SMTP svarar inte");
    expect(state.locked_until).toBeNull();
    expect(logged.join("\n")).toContain("test.failing misslyckades");
    // Due again at once (retryMs 0): the next tick tries again.
    expect(await scheduler.tick()).toEqual(["test.failing"]);
  });

  it("start() ticks at once and the stop function waits for the run", async () => {
    const task = countingTask("test.started");
    const stop = new Scheduler(db, { log: quiet, tickMs: 60_000 }).register(task).start();
    await expect.poll(() => task.runs).toBe(1);
    await stop();
    expect((await stateOf("test.started")).last_status).toBe("ok");
  });
});
