import type { Db } from "../../db/client.ts";
import { purgeDietaryNeeds } from "./registrations.service.ts";

const HOUR = 60 * 60 * 1000;

/**
 * Purges dietary needs (health data) of events that are over: once now and then every hour.
 * main.ts starts it after the database is open and calls the returned stop function on shutdown.
 * The timer is unref'd, so it never keeps the process alive on its own.
 */
export function startDietaryNeedsPurge(db: Db, log: (message: string) => void = console.log): () => void {
  const run = async () => {
    try {
      const purged = await purgeDietaryNeeds(db);
      if (purged)
        log(
          `evenemang: raderade ${purged} uppgifter om specialkost och tillgänglighet för avslutade evenemang`,
        );
    } catch (error) {
      log(
        `evenemang: rensning av specialkost misslyckades: ${error instanceof Error ? error.message : error}`,
      );
    }
  };
  void run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
