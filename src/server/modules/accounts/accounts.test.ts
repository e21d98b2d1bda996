import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";

const t = await createTestApp({ config: { maxFailedLogins: 3 } });

describe("login", () => {
  it("logs in with e-mail and password and sets an httpOnly, SameSite=Lax session cookie", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "Samordnare@Demo.Samspel.se", password: "samspel-demo-2026" },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "samspel_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(res.json()).toMatchObject({
      email: demo.coordinator,
      roles: [{ role: "coordinator" }],
      abilities: { coordinate: true },
    });
  });

  it("asks an administrator for the second step instead of opening a session (second-factor.test.ts)", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "Admin@Demo.Samspel.se", password: "samspel-demo-2026" },
    });
    expect(res.statusCode).toBe(202);
    expect(res.cookies.find((c) => c.name === "samspel_session")).toBeUndefined();
    expect(res.json()).toMatchObject({ secondFactor: "totpEnrolment", challenge: expect.any(String) });
  });

  it("answers a wrong password with 401 and a Swedish message", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: demo.coordinator, password: "fel-lösenord" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toBe("Fel e-postadress eller lösenord.");
  });

  it("answers in English when asked", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": "en" },
      payload: { email: demo.coordinator, password: "nope" },
    });
    expect(res.json().detail).toBe("Wrong e-mail address or password.");
  });

  it("locks an address out after repeated failures, even for the right password", async () => {
    for (let i = 0; i < 3; i++) {
      await t.request({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: demo.groupMember, password: "wrong" },
      });
    }
    const res = await t.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: demo.groupMember, password: "samspel-demo-2026" },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().detail).toMatch(/För många misslyckade inloggningsförsök/);
  });

  it("rejects a malformed body with 422 and field errors", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "inte-en-adress" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toMatchObject({
      email: ["Ange en giltig e-postadress."],
      password: ["Fältet måste fyllas i."],
    });
  });
});

describe("session", () => {
  it("returns the user with roles from /api/auth/me, and 401 without a session", async () => {
    const session = await t.login(demo.coordinator);
    const me = await t.request({ method: "GET", url: "/api/auth/me", as: session });
    expect(me.json()).toMatchObject({
      name: "Sara Samordnare",
      roles: [{ role: "coordinator" }],
      abilities: { administer: false, coordinate: true },
    });
    const anon = await t.request({ method: "GET", url: "/api/auth/me" });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().detail).toBe("Du behöver logga in.");
  });

  it("answers 401 to an expired session and to the session of a deactivated account", async () => {
    const expired = await t.login(demo.programmeDirector);
    const deactivated = await t.login(demo.partner);
    const db = t.database.db;
    await db.execute(sql`update sessions set expires_at = now() - interval '1 minute'
      where user_id = (select id from users where email = ${demo.programmeDirector})`);
    expect((await t.request({ method: "GET", url: "/api/auth/me", as: expired })).statusCode).toBe(401);
    await db.execute(sql`update users set active = false where email = ${demo.partner}`);
    expect((await t.request({ method: "GET", url: "/api/auth/me", as: deactivated })).statusCode).toBe(401);
    await db.execute(sql`update users set active = true where email = ${demo.partner}`);
    expect((await t.request({ method: "GET", url: "/api/auth/me", as: deactivated })).statusCode).toBe(200);
  });

  it("refuses a cookie-authenticated write without the CSRF token", async () => {
    const session = await t.login(demo.coordinator);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: session.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf");
  });

  it("ends the session on logout", async () => {
    const session = await t.login(demo.coordinator);
    expect((await t.request({ method: "POST", url: "/api/auth/logout", as: session })).statusCode).toBe(204);
    expect((await t.request({ method: "GET", url: "/api/auth/me", as: session })).statusCode).toBe(401);
  });

  it("changes the password, checks the current one, and ends other sessions", async () => {
    const s1 = await t.login(demo.partner);
    const s2 = await t.login(demo.partner);
    const wrong = await t.request({
      method: "POST",
      url: "/api/auth/password",
      as: s1,
      payload: { currentPassword: "x", newPassword: "ett-nytt-lösenord" },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors.currentPassword).toEqual(["Nuvarande lösenord stämmer inte."]);
    const short = await t.request({
      method: "POST",
      url: "/api/auth/password",
      as: s1,
      payload: { currentPassword: "samspel-demo-2026", newPassword: "kort" },
    });
    expect(short.json().errors.newPassword).toEqual(["Lösenordet måste ha minst 10 tecken."]);
    const ok = await t.request({
      method: "POST",
      url: "/api/auth/password",
      as: s1,
      payload: { currentPassword: "samspel-demo-2026", newPassword: "ett-nytt-lösenord" },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.request({ method: "GET", url: "/api/auth/me", as: s1 })).statusCode).toBe(200);
    expect((await t.request({ method: "GET", url: "/api/auth/me", as: s2 })).statusCode).toBe(401);
    await t.login(demo.partner, "ett-nytt-lösenord");
  });
});

describe("invitations and roles", () => {
  it("lets an administrator invite a user who activates the account with the one-time link", async () => {
    const admin = await t.login(demo.admin);
    const inv = await t.request({
      method: "POST",
      url: "/api/admin/invitations",
      as: admin,
      payload: { email: "ny@kommun.se", name: "Ny Användare", roles: [{ role: "coordinator" }] },
    });
    expect(inv.statusCode).toBe(201);
    const token = inv.json().url.split("/inbjudan/")[1];
    expect((await t.request({ method: "GET", url: `/api/auth/invitations/${token}` })).json()).toEqual({
      email: "ny@kommun.se",
      name: "Ny Användare",
    });
    const accept = await t.request({
      method: "POST",
      url: `/api/auth/invitations/${token}/accept`,
      payload: { password: "mitt-eget-lösenord" },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().roles).toEqual([{ role: "coordinator", scopeType: null, scopeId: null }]);
    const again = await t.request({
      method: "POST",
      url: `/api/auth/invitations/${token}/accept`,
      payload: { password: "mitt-eget-lösenord" },
    });
    expect(again.statusCode).toBe(410);
  });

  it("forbids non-administrators from inviting or listing users", async () => {
    const coordinator = await t.login(demo.coordinator);
    const res = await t.request({
      method: "POST",
      url: "/api/admin/invitations",
      as: coordinator,
      payload: { email: "x@y.se", name: "X" },
    });
    expect(res.statusCode).toBe(403);
    expect((await t.request({ method: "GET", url: "/api/admin/users", as: coordinator })).statusCode).toBe(
      403,
    );
  });

  it("assigns scoped roles, records them in the audit log, and keeps at least one administrator", async () => {
    const admin = await t.login(demo.admin);
    const users = (await t.request({ method: "GET", url: "/api/admin/users", as: admin })).json().items;
    const director = users.find((u: { email: string }) => u.email === demo.programmeDirector);
    const scopeId = "7d8f3a52-8f0e-4c2b-9a57-1f2d3c4b5a69";
    const res = await t.request({
      method: "PUT",
      url: `/api/admin/users/${director.id}/roles`,
      as: admin,
      payload: { roles: [{ role: "programme_director", scopeType: "programme", scopeId }] },
    });
    expect(res.json().roles).toEqual([{ role: "programme_director", scopeType: "programme", scopeId }]);
    const audit = await t.request({
      method: "GET",
      url: `/api/admin/audit?entityType=user&entityId=${director.id}&action=user.roles_set`,
      as: admin,
    });
    expect(audit.json().items[0]).toMatchObject({
      actorLabel: expect.stringContaining(demo.admin),
      after: { roles: [{ role: "programme_director" }] },
    });

    const me = users.find((u: { email: string }) => u.email === demo.admin);
    const last = await t.request({
      method: "PUT",
      url: `/api/admin/users/${me.id}/roles`,
      as: admin,
      payload: { roles: [] },
    });
    expect(last.statusCode).toBe(409);
    expect(last.json().detail).toBe("Det måste finnas minst en administratör.");
  });

  it("answers 404 for an unknown user and 422 for a malformed id", async () => {
    const admin = await t.login(demo.admin);
    expect(
      (
        await t.request({
          method: "GET",
          url: "/api/admin/users/7d8f3a52-8f0e-4c2b-9a57-1f2d3c4b5a69",
          as: admin,
        })
      ).statusCode,
    ).toBe(404);
    const bad = await t.request({ method: "GET", url: "/api/admin/users/abc", as: admin });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.id).toEqual(["Ogiltig identitet."]);
  });
});

const withDemo = await createTestApp({
  config: { demoLogin: { email: demo.admin, password: "pw-1234567" } },
});

describe("demo login", () => {
  it("tells the public login page the demo login when the server has one", async () => {
    const res = await withDemo.request({ method: "GET", url: "/api/auth/demo-login" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ email: demo.admin, password: "pw-1234567" });
  });

  it("answers null when the server runs without demo data", async () => {
    const res = await t.request({ method: "GET", url: "/api/auth/demo-login" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toBeNull();
  });
});
