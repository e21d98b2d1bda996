import { sql } from "drizzle-orm";
import type { ScheduledTask } from "./scheduler.ts";

const HOUR = 3_600_000;

/**
 * The embedded database's daily `VACUUM (ANALYZE)`. PostgreSQL's autovacuum runs in a server's background
 * workers; PGlite has none, so without this its tables keep their dead rows, the text search and trigram
 * indexes keep every new name in their pending lists (read through by every search until merged), and the
 * planner never gets statistics — which the search reads to treat very common words apart
 * (read/search-registers.ts). PGlite is one connection, so requests wait while it runs: about a second on the
 * demo data, once a day, an hour after the first start. Registered only for PGlite (main.ts).
 */
export function pgliteMaintenanceTask(log: (message: string) => void = console.log): ScheduledTask {
  return {
    name: "database.vacuumAnalyze",
    intervalMs: 24 * HOUR,
    lockMs: HOUR,
    firstRunAfterMs: HOUR,
    run: async (db) => {
      const started = Date.now();
      await db.execute(sql`vacuum (analyze)`);
      log(`databasunderhåll: vacuum och analyze på ${Date.now() - started} ms`);
    },
  };
}
