import { systemActor } from "../../platform/actor.ts";
import type { ScheduledTask } from "../../platform/scheduler.ts";
import { purgeDietaryNeeds } from "./registrations.service.ts";

const HOUR = 60 * 60 * 1000;

/**
 * Purges dietary needs (health data) of events that are over, every hour. main.ts registers it with the
 * durable scheduler (platform/scheduler.ts), which runs it once across processes and survives restarts;
 * a failure is logged there and retried.
 */
export function dietaryNeedsPurgeTask(log: (message: string) => void = console.log): ScheduledTask {
  return {
    name: "events.dietary-needs-purge",
    intervalMs: HOUR,
    lockMs: 15 * 60 * 1000,
    run: async (db) => {
      const purged = await purgeDietaryNeeds(db, systemActor);
      if (purged)
        log(
          `evenemang: raderade ${purged} uppgifter om specialkost och tillgänglighet för avslutade evenemang`,
        );
    },
  };
}
