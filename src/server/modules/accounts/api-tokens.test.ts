import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { createTestApp, demo, type Session } from "../../test/harness.ts";

// Issue 19, item 4: personal API tokens, `Authorization: Bearer smp_…`.

const t = await createTestApp();
const coordinator = await t.login(demo.coordinator);

async function createToken(as: Session, payload: Record<string, unknown>) {
  const res = await t.request({ method: "POST", url: "/api/auth/tokens", as, payload });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string; expiresAt: string };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const organisation = (name: string) => ({ name, type: "foretag", tags: [] });

describe("creating and listing tokens", () => {
  it("answers the token once, stores only its SHA-256, and lists it without the secret", async () => {
    const before = Date.now();
    const created = await createToken(coordinator, { name: "CRM-export", expiresInDays: 30 });
    expect(Object.keys(created).sort()).toEqual(["expiresAt", "id", "token"]);
    expect(created.token).toMatch(/^smp_[A-Za-z0-9_-]{43}$/);
    const expires = Date.parse(created.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 30 * 86_400_000 - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000 + 1000);

    const [stored] = await queryRows<{ token_hash: string }>(
      t.database.db,
      sql`select token_hash from api_tokens where id = ${created.id}`,
    );
    expect(stored.token_hash).toBe(createHash("sha256").update(created.token).digest("hex"));

    const list = await t.request({ method: "GET", url: "/api/auth/tokens", as: coordinator });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === created.id);
    expect(item).toMatchObject({ name: "CRM-export", readOnly: false, lastUsedAt: null, revokedAt: null });
    expect(list.body).not.toContain(created.token);
    expect(list.body).not.toContain(stored.token_hash);
  });

  it("refuses bad input with Swedish field errors, and the public with 401", async () => {
    const bad = await t.request({
      method: "POST",
      url: "/api/auth/tokens",
      as: coordinator,
      payload: { name: "", expiresInDays: 0 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toMatchObject({
      name: ["Fältet måste fyllas i."],
      expiresInDays: [expect.stringContaining("minst 1")],
    });
    const anon = await t.request({
      method: "POST",
      url: "/api/auth/tokens",
      payload: { name: "x", expiresInDays: 1 },
    });
    expect(anon.statusCode).toBe(401);
    expect((await t.request({ method: "GET", url: "/api/auth/tokens" })).statusCode).toBe(401);
  });

  it("lists only the user's own tokens", async () => {
    const partner = await t.login(demo.partner);
    const mine = await createToken(partner, { name: "Partnerns nyckel", expiresInDays: 5 });
    const list = await t.request({ method: "GET", url: "/api/auth/tokens", as: coordinator });
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(mine.id);
    const foreign = await t.request({
      method: "DELETE",
      url: `/api/auth/tokens/${mine.id}`,
      as: coordinator,
    });
    expect(foreign.statusCode).toBe(404);
    const malformed = await t.request({
      method: "DELETE",
      url: "/api/auth/tokens/inte-ett-id",
      as: coordinator,
    });
    expect(malformed.statusCode).toBe(422);
  });
});

describe("Authorization: Bearer", () => {
  it("acts as its user without cookie or CSRF header, and audits the write as made through the token", async () => {
    const { id, token } = await createToken(coordinator, { name: "Ladok-export", expiresInDays: 7 });
    const orgs = await t.app.inject({ method: "GET", url: "/api/organisations", headers: bearer(token) });
    expect(orgs.statusCode).toBe(200);
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: bearer(token) });
    expect(me.json()).toMatchObject({ email: demo.coordinator, roles: [{ role: "coordinator" }] });

    const write = await t.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: bearer(token),
      payload: organisation("Nyckelbolaget AB"),
    });
    expect(write.statusCode).toBe(201);
    const [entry] = await queryRows<{ api_token_id: string; actor_label: string }>(
      t.database.db,
      sql`select api_token_id, actor_label from audit_log where entity_id = ${write.json().id} and action = 'organisation.create'`,
    );
    expect(entry.api_token_id).toBe(id);
    expect(entry.actor_label).toBe(
      "Sara Samordnare <samordnare@demo.samspel.se> via API-nyckel «Ladok-export»",
    );
    const admin = await t.login(demo.admin);
    const audit = await t.request({
      method: "GET",
      url: `/api/admin/audit?entityId=${write.json().id}&action=organisation.create`,
      as: admin,
    });
    expect(audit.json().items[0]).toMatchObject({ apiTokenId: id, actorLabel: entry.actor_label });

    const list = await t.request({ method: "GET", url: "/api/auth/tokens", as: coordinator });
    const listed = list.json().items.find((i: { id: string }) => i.id === id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it("carries the user's roles: a coordinator's token is refused administration", async () => {
    const { token } = await createToken(coordinator, { name: "Samordnarens", expiresInDays: 7 });
    const res = await t.app.inject({ method: "GET", url: "/api/admin/users", headers: bearer(token) });
    expect(res.statusCode).toBe(403);
    const admin = await t.login(demo.admin);
    const adminToken = await createToken(admin, { name: "Drift", expiresInDays: 1 });
    const users = await t.app.inject({
      method: "GET",
      url: "/api/admin/users",
      headers: bearer(adminToken.token),
    });
    expect(users.statusCode).toBe(200);
  });

  it("a read-only token reads but every write answers 403 in Swedish", async () => {
    const { token } = await createToken(coordinator, { name: "Lager", expiresInDays: 7, readOnly: true });
    expect(
      (await t.app.inject({ method: "GET", url: "/api/organisations", headers: bearer(token) })).statusCode,
    ).toBe(200);
    const write = await t.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: bearer(token),
      payload: organisation("Ska inte finnas AB"),
    });
    expect(write.statusCode).toBe(403);
    expect(write.headers["content-type"]).toContain("application/problem+json");
    expect(write.json().detail).toBe("API-nyckeln får bara läsa, inte ändra.");
  });

  it("answers 401 at once after revocation, and after expiry", async () => {
    const { id, token } = await createToken(coordinator, { name: "Kortlivad", expiresInDays: 1 });
    expect(
      (await t.app.inject({ method: "GET", url: "/api/organisations", headers: bearer(token) })).statusCode,
    ).toBe(200);
    const revoke = await t.request({ method: "DELETE", url: `/api/auth/tokens/${id}`, as: coordinator });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ method: "GET", url: "/api/organisations", headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toMatch(/^API-nyckeln är ogiltig, återkallad eller har gått ut/);
    const listed = (await t.request({ method: "GET", url: "/api/auth/tokens", as: coordinator }))
      .json()
      .items.find((i: { id: string }) => i.id === id);
    expect(listed.revokedAt).not.toBeNull();

    const expiring = await createToken(coordinator, { name: "Utgår", expiresInDays: 1 });
    await t.database.db.execute(
      sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${expiring.id}`,
    );
    const expired = await t.app.inject({
      method: "GET",
      url: "/api/organisations",
      headers: bearer(expiring.token),
    });
    expect(expired.statusCode).toBe(401);
  });

  it("answers a malformed or unknown token with 401 problem+json in Swedish, even on a public route", async () => {
    for (const value of [
      "Bearer",
      "Bearer abc",
      "Bearer smp_kort",
      `Bearer smp_${"A".repeat(43)}`,
      "bearer   ",
    ]) {
      const res = await t.app.inject({
        method: "GET",
        url: "/api/organisations",
        headers: { authorization: value },
      });
      expect(res.statusCode, value).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().detail).toMatch(/^API-nyckeln är ogiltig/);
    }
    const publicRoute = await t.app.inject({
      method: "POST",
      url: "/api/auth/email-link",
      headers: bearer("inte-en-nyckel"),
      payload: { email: "x@example.se" },
    });
    expect(publicRoute.statusCode).toBe(401);
  });

  it("a token of a deactivated user stops working", async () => {
    const partner = await t.login(demo.partner);
    const { token } = await createToken(partner, { name: "Partner", expiresInDays: 1 });
    await t.database.db.execute(sql`update users set active = false where email = ${demo.partner}`);
    const res = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: bearer(token) });
    expect(res.statusCode).toBe(401);
    await t.database.db.execute(sql`update users set active = true where email = ${demo.partner}`);
  });

  it("cannot mint another token, log out or change the password (403)", async () => {
    const { id, token } = await createToken(coordinator, { name: "Begränsad", expiresInDays: 1 });
    const mint = await t.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: bearer(token),
      payload: { name: "Till", expiresInDays: 1 },
    });
    expect(mint.statusCode).toBe(403);
    const logout = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: bearer(token) });
    expect(logout.statusCode).toBe(403);
    expect(logout.json().detail).toBe(
      "Det här kan bara göras inloggad i webbläsaren, inte med en API-nyckel.",
    );
    // Rotating from a script: a token may revoke itself.
    const self = await t.app.inject({
      method: "DELETE",
      url: `/api/auth/tokens/${id}`,
      headers: bearer(token),
    });
    expect(self.statusCode).toBe(204);
  });
});
