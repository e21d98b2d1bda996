import { systemActor } from "../../platform/actor.ts";
import type { ScheduledTask } from "../../platform/scheduler.ts";
import { runRetention } from "./retention.service.ts";

const HOUR = 60 * 60 * 1000;

/**
 * The daily retention run on the durable scheduler (platform/scheduler.ts): once a day across all
 * processes. A failed run (or one refused because a manual run is under way) fails the task, so the
 * scheduler tries again after its retry delay; what was done stays done (see runRetention).
 */
export function retentionTask(log: (message: string) => void = console.log): ScheduledTask {
  return {
    name: "retention.daily",
    intervalMs: 24 * HOUR,
    lockMs: 2 * HOUR,
    // A new installation's first run waits a day: time for an administrator to read the dry run and set
    // the rules before anything is removed (and the demo data stays whole through a day's trying out).
    firstRunAfterMs: 24 * HOUR,
    run: async (db) => {
      const run = await runRetention(db, systemActor, { trigger: "scheduled" });
      if (run.status !== "completed") throw new Error(run.error ?? run.status);
      if (run.total) log(`gallring: ${run.total} poster gallrade (${JSON.stringify(run.counts)})`);
    },
  };
}
