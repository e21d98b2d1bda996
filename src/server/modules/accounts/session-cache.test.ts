import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../db/schema.ts";
import { hashToken } from "../../platform/tokens.ts";
import { createTestApp, type Session, type TestApp } from "../../test/harness.ts";
import { SessionCache, serverFeed } from "./session-cache.ts";

/**
 * Sessions kept in memory for reads (session-cache.ts): a change to a session, its user or its roles,
 * made by any connection, reaches the app before the next read; writes always read the session as
 * committed; nothing is kept without a listening connection. PostgreSQL only (the cache is).
 */
const COORDINATOR = "samordnare@demo.samspel.se";

/** Another connection, as another process would write. */
async function elsewhere(url: string, statement: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement, values);
  } finally {
    await client.end();
  }
}

/** Retries `read` until `done` holds; the notification comes at the other connection's commit. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean) {
  let value = await read();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}

describe("sessions kept for reads (PostgreSQL; the postgresql project only, vitest.config.ts)", () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp({ config: { sessionCache: true } });
    url = t.database.url!;
  });

  const me = (as: Session) => t.request({ method: "GET", url: "/api/auth/me", as });

  it("keeps a resolved session until a notification says something changed", async () => {
    const session = await t.login(COORDINATOR);
    const token = session.cookie.split("=")[1];
    const cache = new SessionCache(serverFeed(url));
    await cache.start();
    try {
      expect(cache.listening).toBe(true);
      expect((await cache.resolve(t.database.db, token))?.actor.email).toBe(COORDINATOR);
      // Taken away without a notification (triggers off for that connection): the kept session answers.
      const quiet = new pg.Client({ connectionString: url });
      await quiet.connect();
      await quiet.query("set session_replication_role = replica");
      await quiet.query("delete from sessions where id = $1", [hashToken(token)]);
      await quiet.end();
      expect((await cache.resolve(t.database.db, token))?.actor.email).toBe(COORDINATOR);
      cache.forgetAll();
      expect(await cache.resolve(t.database.db, token)).toBeNull();
    } finally {
      await cache.close();
    }
  });

  it("refuses a session at once after signing out, and in a read soon after another process ends it", async () => {
    const first = await t.login(COORDINATOR);
    expect((await me(first)).statusCode).toBe(200);
    await t.request({ method: "POST", url: "/api/auth/logout", as: first });
    expect((await me(first)).statusCode).toBe(401);

    const second = await t.login(COORDINATOR);
    expect((await me(second)).statusCode).toBe(200);
    await elsewhere(url, "delete from sessions where id = $1", [hashToken(second.cookie.split("=")[1])]);
    // A write reads the session as committed: refused at once.
    const write = await t.request({ method: "POST", url: "/api/auth/logout", as: second });
    expect(write.statusCode).toBe(401);
    expect(
      (
        await eventually(
          () => me(second),
          (r) => r.statusCode === 401,
        )
      ).statusCode,
    ).toBe(401);
  });

  it("shows a role taken away and a user switched off by another connection", async () => {
    const session = await t.login(COORDINATOR);
    const before = (await me(session)).json() as { roles: unknown[] };
    expect(before.roles.length).toBeGreaterThan(0);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, COORDINATOR));
    await elsewhere(url, "delete from role_assignments where user_id = $1", [user.id]);
    const after = await eventually(
      () => me(session),
      (r) => (r.json() as { roles: unknown[] }).roles.length === 0,
    );
    expect((after.json() as { roles: unknown[] }).roles).toEqual([]);
    await elsewhere(url, "update users set active = false where id = $1", [user.id]);
    expect(
      (
        await eventually(
          () => me(session),
          (r) => r.statusCode === 401,
        )
      ).statusCode,
    ).toBe(401);
    await t.database.db.update(users).set({ active: true }).where(eq(users.id, user.id));
  });

  it("keeps nothing while it has no listening connection, and listens again after losing it", async () => {
    const session = await t.login(COORDINATOR);
    const token = session.cookie.split("=")[1];
    const cache = new SessionCache(serverFeed(url));
    await cache.start();
    try {
      await cache.resolve(t.database.db, token);
      expect(cache.size).toBe(1);
      await t.database.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and query = 'listen samspel_sessions'`,
      );
      await eventually(
        async () => cache.listening,
        (listening) => !listening,
      );
      expect(cache.listening).toBe(false);
      expect(cache.size).toBe(0);
      await cache.resolve(t.database.db, token);
      expect(cache.size).toBe(0);
      await eventually(
        async () => cache.listening,
        (listening) => listening,
      );
      expect(cache.listening).toBe(true);
    } finally {
      await cache.close();
    }
  });

  it("does not keep a session past its expiry", async () => {
    const session = await t.login(COORDINATOR);
    const token = session.cookie.split("=")[1];
    const cache = new SessionCache(serverFeed(url));
    await cache.start();
    try {
      const soon = new Date(Date.now() + 1500);
      await t.database.db
        .update(sessions)
        .set({ expiresAt: soon })
        .where(eq(sessions.id, hashToken(token)));
      await new Promise((resolve) => setTimeout(resolve, 200)); // the notification of that update passes
      expect(await cache.resolve(t.database.db, token)).not.toBeNull();
      await new Promise((resolve) => setTimeout(resolve, soon.getTime() - Date.now() + 100));
      expect(await cache.resolve(t.database.db, token)).toBeNull();
    } finally {
      await cache.close();
    }
  });
});
