import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, installationDemoPassword } from "../../../../demo/users.ts";
import { queryRows } from "../../db/client.ts";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo, type TestApp } from "../../test/harness.ts";
import { mailsTo } from "../events/test/events.fixture.ts";
import { ensureUser } from "./accounts.service.ts";

// Regression tests of issue 11, findings 4, 5 and 8: forwarded addresses, the lock-out, the demo login.

const t = await createTestApp(); // the production limits per account: 5 failures
const limited = await createTestApp({ config: { loginRateLimit: 10 } }); // requests per minute per address
const sourceLimited = await createTestApp({ config: { maxFailedLoginsPerSource: 10 } });
const proxied = await createTestApp({ config: { loginRateLimit: 10, trustProxy: ["127.0.0.1"] } });

const PASSWORD = "ett-riktigt-lösenord";
let users = 0;
async function newUser(app: TestApp) {
  const email = `agare-${++users}@kommun.se`;
  await ensureUser(app.database.db, systemActor, { email, name: "Ägare", password: PASSWORD, roles: [] });
  return email;
}

const login = (app: TestApp, email: string, password: string, extra: Record<string, unknown> = {}) =>
  app.request({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password, ...(extra.payload as object) },
    headers: extra.headers as Record<string, string>,
  });

const failedChecks = async (app: TestApp, email: string) =>
  (
    await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from audit_log where action = 'auth.login_failed' and after->>'email' = ${email}`,
    )
  )[0].n;

const xff = (i: number) => ({ "x-forwarded-for": `198.51.100.${i}` });

describe("X-Forwarded-For (finding 4)", () => {
  it("does not reset the per-address login limit unless the proxy is configured", async () => {
    const statuses = [];
    for (let i = 0; i < 35; i++) {
      statuses.push((await login(limited, `okand-${i}@example.se`, "fel", { headers: xff(i) })).statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
  }, 120_000);

  it("does not lift the newsletter's limit either", async () => {
    const statuses = [];
    for (let i = 0; i < 35; i++) {
      const res = await limited.request({
        method: "POST",
        url: "/api/public/newsletter/subscriptions",
        headers: xff(i),
        payload: { email: `xff-${i}@example.se`, themes: [] },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  }, 120_000);

  it("believes X-Forwarded-For from a configured proxy (SAMSPEL_TRUST_PROXY)", async () => {
    const statuses = [];
    for (let i = 0; i < 35; i++) {
      statuses.push((await login(proxied, `okand-${i}@example.se`, "fel", { headers: xff(i) })).statusCode);
    }
    expect(statuses).toEqual(Array(35).fill(401));
  }, 120_000);
});

describe("the lock-out (finding 5)", () => {
  it("checks at most the limit of 50 parallel guesses at one account, then refuses even the right password", async () => {
    const email = await newUser(t);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => login(t, email, `gissning-${i}`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(45);
    expect(await failedChecks(t, email)).toBe(5);
    const owner = await login(t, email, PASSWORD);
    expect(owner.statusCode).toBe(429);
    expect(owner.json().detail).toBe(
      "För många misslyckade inloggningsförsök. Vänta 1 minuter och försök igen. Är det ditt konto har du fått en länk med e-post som låter dig logga in direkt.",
    );
  }, 120_000);

  it("lets the owner in with the one-time link the lock mailed, and only once", async () => {
    const email = await newUser(t);
    for (let i = 0; i < 5; i++) expect((await login(t, email, "fel")).statusCode).toBe(401);
    const mails = await mailsTo(t, email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Inloggningen till ditt Samspel-konto är tillfälligt spärrad");
    const link = mails[0].text!.match(/http:\/\/localhost:3000\/logga-in\?upplasning=([\w-]+)/)!;
    const token = link[1];

    // A stranger's guess with a made-up token, or the owner's token with a wrong password: still locked out.
    expect((await login(t, email, PASSWORD, { payload: { unlockToken: "x".repeat(43) } })).statusCode).toBe(
      429,
    );
    expect((await login(t, email, "fel", { payload: { unlockToken: token } })).statusCode).toBe(401);
    // The owner with the link and the password is in, despite the lock.
    expect((await login(t, email, PASSWORD, { payload: { unlockToken: token } })).statusCode).toBe(200);

    // Locked again: the used link does not open it a second time; the new lock mails a new link.
    for (let i = 0; i < 5; i++) await login(t, email, "fel");
    expect((await login(t, email, PASSWORD, { payload: { unlockToken: token } })).statusCode).toBe(429);
    expect(await mailsTo(t, email)).toHaveLength(2);
  }, 120_000);

  it("grows the delay with each lock-out, and a successful login starts the account over", async () => {
    const email = await newUser(t);
    const expire = () =>
      t.database.db.execute(
        sql`update login_throttle set locked_until = now() - interval '1 second' where key = ${`account:${email}`}`,
      );
    for (let i = 0; i < 5; i++) await login(t, email, "fel");
    expect((await login(t, email, "fel")).json().detail).toMatch(/Vänta 1 minuter/);
    await expire();
    for (let i = 0; i < 5; i++) expect((await login(t, email, "fel")).statusCode).toBe(401);
    expect((await login(t, email, "fel")).json().detail).toMatch(/Vänta 2 minuter/);
    await expire();
    for (let i = 0; i < 5; i++) await login(t, email, "fel");
    expect((await login(t, email, "fel")).json().detail).toMatch(/Vänta 4 minuter/);
    await expire();
    expect((await login(t, email, PASSWORD)).statusCode).toBe(200);
    const [row] = await queryRows(
      t.database.db,
      sql`select * from login_throttle where key = ${`account:${email}`}`,
    );
    expect(row).toBeUndefined();
  }, 120_000);

  it("slows a source that guesses across many accounts, whatever X-Forwarded-For says", async () => {
    const codes = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        (await login(sourceLimited, `konto-${i}@example.se`, "fel", { headers: xff(i) })).statusCode,
      );
    }
    expect(codes).toEqual([...Array(10).fill(401), 429, 429]);
    // The owner of an account elsewhere, from the same source, waits too: the source is what is slowed.
    const email = await newUser(sourceLimited);
    expect((await login(sourceLimited, email, PASSWORD)).statusCode).toBe(429);
  }, 120_000);
});

describe("the demo login (finding 8)", () => {
  const withDemo = createTestApp({
    config: { demoLogin: { email: demo.admin, password: "genererat-1234" } },
  });

  it("is told only to a browser on the server's own machine", async () => {
    const app = await withDemo;
    const local = await app.request({ method: "GET", url: "/api/auth/demo-login" });
    expect(local.json()).toEqual({ email: demo.admin, password: "genererat-1234" });
    const remote = await app.app.inject({
      method: "GET",
      url: "/api/auth/demo-login",
      remoteAddress: "203.0.113.9",
    });
    expect(remote.json()).toBeNull();
    // Nor to a remote client a proxy on this machine forwarded, nor to a forged header.
    for (const header of [{ "x-forwarded-for": "127.0.0.1" }, { forwarded: "for=127.0.0.1" }]) {
      const res = await app.request({ method: "GET", url: "/api/auth/demo-login", headers: header });
      expect(res.json()).toBeNull();
    }
  }, 120_000);

  it("is generated per installation, kept, and replaces the published password of an older installation", async () => {
    // `t` was loaded as installations were before: the demo users have the published DEMO_PASSWORD.
    const password = await installationDemoPassword(t.database.db);
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(await installationDemoPassword(t.database.db)).toBe(password); // the next start reads it back
    expect((await login(t, demo.coordinator, DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login(t, demo.coordinator, password)).statusCode).toBe(200);
    // An operator's explicit choice wins and is not stored.
    expect(await installationDemoPassword(t.database.db, "valt-av-drift")).toBe("valt-av-drift");
    expect(await installationDemoPassword(t.database.db)).toBe(password);
  }, 120_000);
});

describe("security headers (finding 13)", () => {
  it("sends a Content-Security-Policy without inline script, nosniff and a referrer policy", async () => {
    const res = await t.request({ method: "GET", url: "/api/health" });
    const csp = res.headers["content-security-policy"] as string;
    expect(csp).toContain("script-src 'self';");
    // No inline script and no eval (inline styles are allowed: libraries set them at run time).
    expect(/script-src ([^;]*)/.exec(csp)![1]).toBe("'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
    const docs = await t.request({ method: "GET", url: "/api/docs/" });
    expect(docs.headers["content-security-policy"]).toContain("script-src 'self';");
    expect(docs.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});
