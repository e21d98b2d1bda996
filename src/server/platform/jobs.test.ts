import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../db/client.ts";
import { openTestDatabase } from "../test/harness.ts";
import { enqueueJob, JobWorker, LeaseLost, readJob, registerJobHandler } from "./jobs.ts";

// Two JobWorkers on one database stand for two app processes (multi-process.test.ts runs real ones).
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const quiet = { log: () => {} };

/** The effect a job leaves: a counter per key in app_meta. */
async function bump(
  db: Database["db"] | Parameters<Parameters<Database["db"]["transaction"]>[0]>[0],
  key: string,
) {
  await db.execute(
    sql`insert into app_meta (key, value) values (${key}, '1'::jsonb)
        on conflict (key) do update set value = to_jsonb((app_meta.value::text)::int + 1)`,
  );
}
async function counter(key: string): Promise<number | null> {
  const [row] = await queryRows<{ value: number }>(
    database.db,
    sql`select value from app_meta where key = ${key}`,
  );
  return row ? Number(row.value) : null;
}

describe("the durable job queue", () => {
  it("runs each job once when two workers work the same queue at the same time", async () => {
    registerJobHandler("test.once", {
      async run(db, ctx) {
        await bump(db, `once:${(ctx.job.payload as { n: number }).n}`);
      },
    });
    const ids = [];
    for (let n = 0; n < 12; n++) ids.push(await enqueueJob(database.db, "test.once", { n }));
    const a = new JobWorker(database.db, quiet);
    const b = new JobWorker(database.db, quiet);
    await Promise.all([a.runDue(), b.runDue()]);
    for (let n = 0; n < 12; n++) expect(await counter(`once:${n}`)).toBe(1);
    for (const id of ids) expect((await readJob(database.db, id))?.status).toBe("done");
    await Promise.all([a.stop(), b.stop()]);
  });

  it("takes over a job whose process died once its lease has run out, and runs it from its stored payload", async () => {
    registerJobHandler("test.resume", {
      async run(db, ctx) {
        await bump(db, `resume:${(ctx.job.payload as { key: string }).key}`);
      },
    });
    const id = await enqueueJob(database.db, "test.resume", { key: "k1" });
    // A process claimed it and died: its lease is still running, then it has run out.
    await database.db.execute(
      sql`update jobs set status = 'running', attempts = 1, locked_by = 'dead-process',
            locked_until = now() + interval '1 hour' where id = ${id}`,
    );
    const survivor = new JobWorker(database.db, quiet);
    await survivor.runDue();
    expect(await counter("resume:k1")).toBeNull();
    expect((await readJob(database.db, id))?.status).toBe("running");

    await database.db.execute(
      sql`update jobs set locked_until = now() - interval '1 second' where id = ${id}`,
    );
    await survivor.runDue();
    expect(await counter("resume:k1")).toBe(1);
    const job = await readJob(database.db, id);
    expect(job).toMatchObject({ status: "done", attempts: 2, locked_by: null });
    // The stored input is not kept once the job has ended.
    const [payload] = await queryRows<{ payload: unknown }>(
      database.db,
      sql`select payload from jobs where id = ${id}`,
    );
    expect(payload.payload).toEqual({});
    await survivor.stop();
  });

  it("rolls back the work of a run that lost its job to another process", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let outcome: unknown = null;
    registerJobHandler("test.fenced", {
      async run(db, ctx) {
        await held;
        try {
          await db.transaction(async (tx) => {
            await bump(tx, "fenced");
            await ctx.complete(tx);
          });
        } catch (error) {
          outcome = error;
          throw error;
        }
      },
    });
    const id = await enqueueJob(database.db, "test.fenced", {});
    const slow = new JobWorker(database.db, quiet);
    const running = slow.runDue();
    await expect.poll(async () => (await readJob(database.db, id))?.status).toBe("running");
    // Meanwhile its lease ran out and another process claimed it.
    await database.db.execute(sql`update jobs set locked_by = 'other-process' where id = ${id}`);
    release();
    await running;
    expect(outcome).toBeInstanceOf(LeaseLost);
    expect(await counter("fenced")).toBeNull();
    expect(await readJob(database.db, id)).toMatchObject({ status: "running", locked_by: "other-process" });
    await slow.stop();
  });

  it("fails a job claimed more often than allowed (its process died every time) and tells its owner", async () => {
    const failed: string[] = [];
    registerJobHandler("test.poison", {
      async run() {
        throw new Error("never reached");
      },
      async onFailed(_db, job, error) {
        failed.push(`${job.id}: ${error}`);
      },
    });
    const id = await enqueueJob(database.db, "test.poison", {}, { maxAttempts: 2 });
    await database.db.execute(
      sql`update jobs set status = 'running', attempts = 2, locked_by = 'dead-again',
            locked_until = now() - interval '1 second' where id = ${id}`,
    );
    const worker = new JobWorker(database.db, quiet);
    await worker.runDue();
    expect(await readJob(database.db, id)).toMatchObject({ status: "failed", attempts: 3 });
    expect(failed).toEqual([`${id}: jobbet avbröts gång på gång: processen som körde det stannade`]);
    await worker.stop();
  });

  it("tries a failing job again after a pause, and fails it for good after its last attempt", async () => {
    let runs = 0;
    const failed: string[] = [];
    registerJobHandler("test.flaky", {
      async run() {
        runs++;
        throw new Error("SMTP borta");
      },
      async onFailed(_db, _job, error) {
        failed.push(error);
      },
    });
    const id = await enqueueJob(database.db, "test.flaky", {}, { maxAttempts: 2 });
    const worker = new JobWorker(database.db, quiet);
    await worker.runDue();
    expect(runs).toBe(1);
    expect(await readJob(database.db, id)).toMatchObject({ status: "queued", error: "SMTP borta" });
    await database.db.execute(sql`update jobs set run_after = now() where id = ${id}`);
    await worker.runDue();
    expect(runs).toBe(2);
    expect(await readJob(database.db, id)).toMatchObject({ status: "failed", error: "SMTP borta" });
    expect(failed).toEqual(["SMTP borta"]);
    await worker.stop();
  });
  it("deletes ended jobs after 30 days and keeps newer ones", async () => {
    registerJobHandler("test.ended", { async run() {} });
    const old = await enqueueJob(database.db, "test.ended", {});
    const recent = await enqueueJob(database.db, "test.ended", {});
    const worker = new JobWorker(database.db, quiet);
    await worker.runDue();
    await database.db.execute(
      sql`update jobs set finished_at = now() - interval '31 days' where id = ${old}`,
    );
    await new JobWorker(database.db, quiet).runDue();
    expect(await readJob(database.db, old)).toBeNull();
    expect((await readJob(database.db, recent))?.status).toBe("done");
  });
});
