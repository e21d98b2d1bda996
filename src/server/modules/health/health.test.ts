import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { describe, expect, it } from "vitest";
import { migrationsFolder, queryRows } from "../../db/client.ts";
import { createTestApp } from "../../test/harness.ts";

const t = await createTestApp();
const expected = readMigrationFiles({ migrationsFolder }).length;

describe("GET /api/health and /api/ready", () => {
  it("answers alive without a login", async () => {
    const res = await t.request({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: t.database.kind });
  });

  it("is ready when the database answers and every migration has been applied", async () => {
    const res = await t.request({ method: "GET", url: "/api/ready" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ready", migrations: { applied: expected, expected } });
  });

  it("answers 503 problem+json in Swedish while a migration is missing", async () => {
    const { db } = t.database;
    const [newest] = await queryRows<{ id: number; hash: string; created_at: string }>(
      db,
      sql`delete from drizzle.__drizzle_migrations
          where created_at = (select max(created_at) from drizzle.__drizzle_migrations) returning *`,
    );
    try {
      const res = await t.request({ method: "GET", url: "/api/ready" });
      expect(res.statusCode).toBe(503);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().detail).toBe("Samspel är inte redo: 1 databasmigreringar är inte körda ännu.");
      // Alive all the same: a restart would not help, the migration has to run.
      expect((await t.request({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    } finally {
      await db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at)
            values (${newest.id}, ${newest.hash}, ${newest.created_at})`,
      );
    }
    expect((await t.request({ method: "GET", url: "/api/ready" })).statusCode).toBe(200);
  });
});
