import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { queryRows } from "../../db/client.ts";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { mailsTo } from "../events/test/events.fixture.ts";
import { ensureUser } from "./accounts.service.ts";

// Issue 19, item 3: signing in with a one-time link sent by e-mail.

const t = await createTestApp();
let n = 0;
async function newPartner(roles: { role: string; scopeType: null; scopeId: null }[] = []) {
  const email = `gast-${++n}@foretag.se`;
  await ensureUser(t.database.db, systemActor, {
    email,
    name: `Gäst ${n}`,
    password: "gästens-lösenord-1",
    roles: roles as never,
  });
  return email;
}

const ask = (email: string, remoteAddress?: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/email-link", payload: { email }, remoteAddress });
const signIn = (token: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/email-link/sign-in", payload: { token } });

async function linkTokens(email: string) {
  const mails = await mailsTo(t, email);
  return mails.map((m) => {
    const match = /http:\/\/localhost:3000\/logga-in\/lank\/([A-Za-z0-9_-]+)/.exec(m.text ?? "");
    return match![1];
  });
}

describe("asking for a link", () => {
  it("answers 202 and the same for known and unknown addresses; only the known one gets mail", async () => {
    const email = await newPartner();
    const known = await ask(email);
    const unknown = await ask("finns-inte@foretag.se");
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const mails = await mailsTo(t, email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Din inloggningslänk till Samspel");
    expect(mails[0].text).toContain("Länken fungerar en gång och i 15 minuter.");
    expect(await mailsTo(t, "finns-inte@foretag.se")).toHaveLength(0);
  });

  it("refuses a malformed address with 422 in Swedish", async () => {
    const res = await ask("inte-en-adress");
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.email).toEqual(["Ange en giltig e-postadress."]);
  });

  it("limits requests per address, in the database: a second app on the same database sees the count", async () => {
    const email = await newPartner();
    for (let i = 0; i < 5; i++) expect((await ask(email)).statusCode).toBe(202);
    const other = await buildApp({ database: t.database, webRoot: null });
    // Closed after the file: closing stops the mail sender both apps share for this database.
    afterAll(() => other.close());
    const sixth = await other.inject({ method: "POST", url: "/api/auth/email-link", payload: { email } });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().detail).toBe("För många begärda inloggningslänkar. Vänta 1 minuter och försök igen.");
    expect(await linkTokens(email)).toHaveLength(5);
  });

  it("limits requests per source address, whatever addresses it asks for", async () => {
    const source = "203.0.113.77";
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await ask(`spray-${i}@foretag.se`, source)).statusCode);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(202));
    expect(statuses[20]).toBe(429);
    // Another source is not affected.
    expect((await ask("spray-x@foretag.se", "203.0.113.78")).statusCode).toBe(202);
  });
});

describe("using the link", () => {
  it("signs the user in with a normal session once; the second use signs nobody in", async () => {
    const email = await newPartner();
    await ask(email);
    const [token] = await linkTokens(email);
    const first = await signIn(token);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ email, csrfToken: expect.any(String) });
    const cookie = first.cookies.find((c) => c.name === "samspel_session")!;
    expect(cookie.httpOnly).toBe(true);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: `samspel_session=${cookie.value}` },
    });
    expect(me.json().email).toBe(email);

    const second = await signIn(token);
    expect(second.statusCode).toBe(401);
    expect(second.headers["content-type"]).toContain("application/problem+json");
    expect(second.json().detail).toBe(
      "Inloggningslänken är ogiltig, redan använd eller har gått ut. Begär en ny länk.",
    );
    expect(second.cookies).toHaveLength(0);
  });

  it("refuses an expired link, an unknown one (401) and an empty one (422)", async () => {
    const email = await newPartner();
    await ask(email);
    const [token] = await linkTokens(email);
    await t.database.db.execute(
      sql`update email_link_tokens set expires_at = now() - interval '1 second' where user_id = (select id from users where email = ${email})`,
    );
    const expired = await signIn(token);
    expect(expired.statusCode).toBe(401);
    expect(expired.cookies).toHaveLength(0);
    expect((await signIn("ett-påhittat-token")).statusCode).toBe(401);
    const empty = await signIn("");
    expect(empty.statusCode).toBe(422);
  });

  it("of two parallel uses, exactly one signs in", async () => {
    const email = await newPartner();
    await ask(email);
    const [token] = await linkTokens(email);
    const results = await Promise.all([signIn(token), signIn(token), signIn(token)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401, 401]);
  });

  it("asks an administrator for the second factor after the link", async () => {
    const email = await newPartner([{ role: "admin", scopeType: null, scopeId: null }]);
    await ask(email);
    const [token] = await linkTokens(email);
    const res = await signIn(token);
    expect(res.statusCode).toBe(202);
    expect(res.json().secondFactor).toBe("totpEnrolment");
    expect(res.cookies).toHaveLength(0);
  });
});

describe("restricting a user to e-mail links", () => {
  it("refuses that user's password with a clear message, keeps the link working, and only administrators set it", async () => {
    const email = await newPartner();
    const [{ id }] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = ${email}`,
    );
    const coordinator = await t.login(demo.coordinator);
    const url = `/api/admin/users/${id}/sign-in-methods`;
    const refused = await t.request({
      method: "PUT",
      url,
      as: coordinator,
      payload: { emailLinkOnly: true },
    });
    expect(refused.statusCode).toBe(403);
    const admin = await t.login(demo.admin);
    const bad = await t.request({ method: "PUT", url, as: admin, payload: { emailLinkOnly: "ja" } });
    expect(bad.statusCode).toBe(422);
    const set = await t.request({ method: "PUT", url, as: admin, payload: { emailLinkOnly: true } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ emailLinkOnly: true });

    const password = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: "gästens-lösenord-1" },
    });
    expect(password.statusCode).toBe(403);
    expect(password.json().detail).toBe(
      "Ditt konto loggar in med e-postlänk, inte med lösenord. Välj ”Skicka inloggningslänk” på inloggningssidan.",
    );
    expect(password.cookies).toHaveLength(0);
    // A wrong password tells a stranger nothing about the restriction.
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: "fel" },
    });
    expect(wrong.statusCode).toBe(401);

    await ask(email);
    const [token] = await linkTokens(email);
    expect((await signIn(token)).statusCode).toBe(200);

    const missing = await t.request({
      method: "PUT",
      url: "/api/admin/users/00000000-0000-4000-8000-000000000001/sign-in-methods",
      as: admin,
      payload: { emailLinkOnly: true },
    });
    expect(missing.statusCode).toBe(404);
  });
});
