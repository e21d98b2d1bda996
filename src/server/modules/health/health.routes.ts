import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";

const healthView = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgresql"]),
  version: z.string(),
});

/** Liveness and readiness in one: answers only after a round trip to the database. */
export function registerHealthRoutes(app: FastifyInstance, { db, database }: Deps) {
  typed(app).get(
    "/api/health",
    {
      config: { public: true },
      schema: { tags: ["Drift"], summary: "Hälsa", response: { 200: healthView } },
    },
    async () => {
      await db.execute(sql`select 1`);
      return { status: "ok" as const, database: database.kind, version: database.version };
    },
  );
}
