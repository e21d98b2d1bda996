import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { ensureUser } from "./accounts.service.ts";
import { totpCode } from "./totp.ts";

// Issue 19, item 5: administrators sign in with a password and a TOTP code.

const t = await createTestApp();
const PASSWORD = "ett-långt-adminlösenord";
let n = 0;
async function newAdmin() {
  const email = `admin-${++n}@universitet.se`;
  await ensureUser(t.database.db, systemActor, {
    email,
    name: `Admin ${n}`,
    password: PASSWORD,
    roles: [{ role: "admin", scopeType: null, scopeId: null }],
  });
  return email;
}

const passwordStep = async (email: string) => {
  const res = await t.request({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password: PASSWORD },
  });
  expect(res.statusCode).toBe(202);
  expect(res.cookies).toHaveLength(0);
  return res.json() as { secondFactor: string; challenge: string };
};
const post = (url: string, payload: Record<string, unknown>) => t.request({ method: "POST", url, payload });
const sessionOf = (res: { cookies: { name: string }[] }) =>
  res.cookies.find((c) => c.name === "samspel_session");

/** Enrols a new administrator; answers the secret and the moment whose code confirmed it. */
async function enrol(email: string) {
  const first = await passwordStep(email);
  expect(first.secondFactor).toBe("totpEnrolment");
  const enrolment = await post("/api/auth/totp/enrolment", { challenge: first.challenge });
  expect(enrolment.statusCode).toBe(200);
  const { secret } = enrolment.json();
  const at = Date.now();
  const done = await post("/api/auth/totp/enrolment/confirm", {
    challenge: first.challenge,
    code: totpCode(secret, at),
  });
  expect(done.statusCode).toBe(200);
  return { secret: secret as string, at, session: sessionOf(done) };
}

describe("enrolment", () => {
  it("sends an administrator without TOTP to enrolment: secret, otpauth URI and QR code, then a code signs in", async () => {
    const email = await newAdmin();
    const first = await passwordStep(email);
    expect(first.secondFactor).toBe("totpEnrolment");
    const enrolment = await post("/api/auth/totp/enrolment", { challenge: first.challenge });
    const body = enrolment.json();
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUri).toBe(
      `otpauth://totp/Samspel%3A${encodeURIComponent(email)}?secret=${body.secret}&issuer=Samspel&algorithm=SHA1&digits=6&period=30`,
    );
    expect(body.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(body.qrCode.split(",")[1], "base64").subarray(1, 4).toString()).toBe("PNG");

    const wrong = await post("/api/auth/totp/enrolment/confirm", {
      challenge: first.challenge,
      code: totpCode(body.secret, Date.now() + 5 * 60_000),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(
      "Koden stämmer inte eller är redan använd. Vänta på nästa kod i appen och försök igen.",
    );
    expect(sessionOf(wrong)).toBeUndefined();

    const done = await post("/api/auth/totp/enrolment/confirm", {
      challenge: first.challenge,
      code: totpCode(body.secret, Date.now()),
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ email, abilities: { administer: true } });
    const cookie = sessionOf(done) as { name: string; value: string };
    const me = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: `samspel_session=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
    const actions = await queryRows<{ action: string }>(
      t.database.db,
      sql`select a.action from audit_log a join users u on u.id::text = a.entity_id where u.email = ${email} and a.action like 'auth.%' order by a.id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      "auth.second_factor_requested",
      "auth.totp_failed",
      "auth.totp_enrolled",
      "auth.login",
    ]);
  });

  it("refuses an enrolment code before a secret was fetched, and a challenge meant for the other step", async () => {
    const email = await newAdmin();
    const first = await passwordStep(email);
    const early = await post("/api/auth/totp/enrolment/confirm", {
      challenge: first.challenge,
      code: "123456",
    });
    expect(early.statusCode).toBe(401);
    expect(early.json().detail).toBe("Inloggningen har gått ut eller avbrutits. Börja om från början.");
    const other = await post("/api/auth/login/totp", { challenge: first.challenge, code: "123456" });
    expect(other.statusCode).toBe(401);
  });
});

describe("the second step", () => {
  it("asks an enrolled administrator for a code; the right one signs in, the same code twice does not", async () => {
    const email = await newAdmin();
    const { secret, at } = await enrol(email);
    const again = await passwordStep(email);
    expect(again.secondFactor).toBe("totp");
    // The code that confirmed the enrolment, in the same step: a replay.
    const replay = await post("/api/auth/login/totp", {
      challenge: again.challenge,
      code: totpCode(secret, at),
    });
    expect(replay.statusCode).toBe(401);
    expect(sessionOf(replay)).toBeUndefined();
    // The next step's code (a phone a little ahead) is accepted, once.
    const next = totpCode(secret, at + 30_000);
    const ok = await post("/api/auth/login/totp", { challenge: again.challenge, code: next });
    expect(ok.statusCode).toBe(200);
    expect(sessionOf(ok)).toBeDefined();
    const third = await passwordStep(email);
    const reused = await post("/api/auth/login/totp", { challenge: third.challenge, code: next });
    expect(reused.statusCode).toBe(401);
    // A challenge signs in once.
    const spent = await post("/api/auth/login/totp", { challenge: again.challenge, code: next });
    expect(spent.statusCode).toBe(401);
  });

  it("spends a challenge after five wrong codes, so the right code no longer helps", async () => {
    const email = await newAdmin();
    const { secret } = await enrol(email);
    const challenge = (await passwordStep(email)).challenge;
    const wrong = totpCode(secret, Date.now() + 10 * 60_000);
    for (let i = 0; i < 5; i++) {
      expect((await post("/api/auth/login/totp", { challenge, code: wrong })).statusCode).toBe(401);
    }
    const late = await post("/api/auth/login/totp", {
      challenge,
      code: totpCode(secret, Date.now() + 30_000),
    });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe("challengeInvalid");
  });

  it("answers malformed codes with 422 and unknown challenges with 401", async () => {
    const bad = await post("/api/auth/login/totp", { challenge: "x", code: "12ab56" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.code).toEqual(["Ange de sex siffrorna från appen."]);
    const unknown = await post("/api/auth/login/totp", { challenge: "okand-utmaning", code: "123456" });
    expect(unknown.statusCode).toBe(401);
    expect((await post("/api/auth/totp/enrolment", { challenge: "okand" })).statusCode).toBe(401);
  });

  it("lets an administrator reset another's TOTP, who then enrols anew; others may not", async () => {
    const email = await newAdmin();
    await enrol(email);
    const [{ id }] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = ${email}`,
    );
    const coordinator = await t.login(demo.coordinator);
    const refused = await t.request({
      method: "DELETE",
      url: `/api/admin/users/${id}/totp`,
      as: coordinator,
    });
    expect(refused.statusCode).toBe(403);
    const admin = await t.login(demo.admin);
    const reset = await t.request({ method: "DELETE", url: `/api/admin/users/${id}/totp`, as: admin });
    expect(reset.statusCode).toBe(204);
    expect((await passwordStep(email)).secondFactor).toBe("totpEnrolment");
    const missing = await t.request({
      method: "DELETE",
      url: "/api/admin/users/00000000-0000-4000-8000-000000000001/totp",
      as: admin,
    });
    expect(missing.statusCode).toBe(404);
  });
});
