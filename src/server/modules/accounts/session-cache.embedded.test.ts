import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { roleAssignments, sessions, users } from "../../db/schema.ts";
import { hashToken } from "../../platform/tokens.ts";
import { createTestApp, type Session, type TestApp } from "../../test/harness.ts";

/**
 * Sessions kept for reads on the embedded database (session-cache.ts, `embeddedFeed`): every change is made
 * in this process, and its notification comes with the statement or the commit that made it, so the next
 * read sees it at once — whether the change ran as a cached statement or in a transaction. PGlite only
 * (vitest.config.ts); the server's feed has session-cache.test.ts.
 */
const COORDINATOR = "samordnare@demo.samspel.se";

describe("sessions kept for reads on the embedded database", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { sessionCache: true } });
  });
  const me = (as: Session) => t.request({ method: "GET", url: "/api/auth/me", as });
  const tokenOf = (session: Session) => hashToken(session.cookie.split("=")[1]);

  it("answers a read from the kept session while nothing has said it changed", async () => {
    const session = await t.login(COORDINATOR);
    expect((await me(session)).statusCode).toBe(200);
    // Ended with the triggers off: no notification, so the kept session still answers reads …
    await t.database.db.execute(sql`set session_replication_role = replica`);
    try {
      await t.database.db.delete(sessions).where(eq(sessions.id, tokenOf(session)));
    } finally {
      await t.database.db.execute(sql`set session_replication_role = default`);
    }
    expect((await me(session)).statusCode).toBe(200);
    // … and a write, which always reads the session as committed, is refused.
    expect((await t.request({ method: "POST", url: "/api/auth/logout", as: session })).statusCode).toBe(401);
  });

  it("sees a role taken away by a single statement, and a session ended in a transaction, at once", async () => {
    const session = await t.login(COORDINATOR);
    expect(((await me(session)).json() as { roles: unknown[] }).roles.length).toBeGreaterThan(0);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, COORDINATOR));
    await t.database.db.delete(roleAssignments).where(eq(roleAssignments.userId, user.id));
    expect(((await me(session)).json() as { roles: unknown[] }).roles).toEqual([]);
    await t.database.db.transaction(async (tx) => {
      await tx.delete(sessions).where(eq(sessions.id, tokenOf(session)));
    });
    expect((await me(session)).statusCode).toBe(401);
  });
});
