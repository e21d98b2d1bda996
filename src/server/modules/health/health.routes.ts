import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type Db, migrationsFolder, queryRows } from "../../db/client.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { problemSchema } from "../../platform/problem.ts";

const healthView = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgresql"]),
  version: z.string(),
});
const readyView = z.object({
  status: z.literal("ready"),
  migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
});

/**
 * `/api/health`: the process is alive (answers without touching the database, so a slow database never gets
 * a healthy process restarted). `/api/ready`: the database answers and every migration this build carries has
 * been applied — 503 problem+json otherwise, so a load balancer sends no traffic to it.
 */
export function registerHealthRoutes(app: FastifyInstance, { db, database }: Deps) {
  typed(app).get(
    "/api/health",
    {
      config: { public: true },
      schema: { tags: ["Drift"], summary: "Lever processen?", response: { 200: healthView } },
    },
    async () => ({ status: "ok" as const, database: database.kind, version: database.version }),
  );
  typed(app).get(
    "/api/ready",
    {
      config: { public: true },
      schema: {
        tags: ["Drift"],
        summary: "Redo: databasen svarar och alla migreringar är körda",
        response: { 200: readyView, 503: problemSchema },
      },
    },
    async () => {
      const expected = readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis);
      const newest = await newestAppliedMigration(db);
      // drizzle's migrator applies every migration newer than the newest it recorded: the ones after it wait.
      const pending = expected.filter((when) => newest === null || when > newest).length;
      if (pending > 0) throw notReady("errors.migrationsPending", { pending });
      return {
        status: "ready" as const,
        migrations: { applied: expected.length, expected: expected.length },
      };
    },
  );
}

async function newestAppliedMigration(db: Db): Promise<number | null> {
  try {
    const [row] = await queryRows<{ newest: string | null }>(
      db,
      sql`select max(created_at)::text as newest from drizzle.__drizzle_migrations`,
    );
    return row?.newest ? Number(row.newest) : null;
  } catch (error) {
    // No migrations table is a database that was never migrated; anything else is one that does not answer.
    const e = error as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === "42P01") return null;
    throw notReady("errors.databaseUnreachable");
  }
}

const notReady = (detailKey: string, params: Record<string, unknown> = {}) =>
  new AppError("notReady", detailKey, params);
