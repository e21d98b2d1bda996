import { sql } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll } from "vitest";
import { DEMO_PASSWORD } from "../../../demo/users.ts";
import { buildApp } from "../app.ts";
import type { Database } from "../db/client.ts";
import { totpCode } from "../modules/accounts/totp.ts";
import { defaultAnonymousMailCaps } from "../modules/mail/outbox.ts";
import type { AppConfig } from "../platform/context.ts";
import { leaseTestDatabase } from "./database-pool.ts";

/**
 * Opens the database this test project runs on, as the run's template holds it (global-setup.ts: migrated, with
 * the demo users and activity types): one of the worker's databases, emptied back to the template's rows when a
 * file gave it back (database-pool.ts) — in-memory PGlite, or a clone of the PostgreSQL template.
 */
export async function openTestDatabase(): Promise<Database> {
  return leaseTestDatabase();
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Logs in a demo user (or any user with the given password) and returns cookie + CSRF token. */
  login(email: string, password?: string): Promise<Session>;
  /** `app.inject` as a given session (or the public when omitted); writes carry the CSRF token. */
  request(options: InjectOptions & { as?: Session }): Promise<LightMyRequestResponse>;
}

/**
 * One app per test file on its own database, with the demo users and activity types (and optionally more
 * demo data).
 * Closed automatically after the file.
 */
export async function createTestApp(
  options: { config?: Partial<AppConfig>; seed?: (database: Database) => Promise<void> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  if (options.seed) await options.seed(database);
  const app = await buildApp({
    database,
    webRoot: null,
    // Test files log in and register many times from one address (app.inject's 127.0.0.1): the limits per
    // source are lifted unless a test sets them; the limits per account and per recipient stay.
    config: {
      loginRateLimit: 10_000,
      maxFailedLoginsPerSource: 10_000,
      anonymousMail: { ...defaultAnonymousMailCaps, perSource: 10_000 },
      // Fixtures change users and roles with SQL and the next request must see it at once: sessions are
      // resolved in the database (the kept sessions have their own tests, session-cache.test.ts).
      sessionCache: false,
      ...options.config,
    },
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const login = async (email: string, password = DEMO_PASSWORD): Promise<Session> => {
    let res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
    if (res.statusCode === 202) res = await secondStep(email.trim().toLowerCase(), res.json());
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "samspel_session")!;
    return { cookie: `samspel_session=${cookie.value}`, csrfToken: res.json().csrfToken };
  };
  // Administrators sign in in two steps (accounts/second-factor.ts). The harness goes through them as a
  // person would: it enrols on the first sign-in and keeps the secret to compute codes. Tests sign one
  // administrator in many times within a 30-second step, which the replay guard rightly refuses, so on
  // this test database the harness forgets the last accepted step before each code; the replay guard
  // has its own tests (accounts/second-factor.test.ts).
  const totpSecrets = new Map<string, string>();
  const secondStep = async (email: string, answer: { secondFactor: string; challenge: string }) => {
    const { challenge } = answer;
    if (answer.secondFactor === "totpEnrolment") {
      const enrolment = await app.inject({
        method: "POST",
        url: "/api/auth/totp/enrolment",
        payload: { challenge },
      });
      totpSecrets.set(email, enrolment.json().secret);
    }
    const secret = totpSecrets.get(email);
    if (!secret) throw new Error(`no TOTP secret known for ${email}: enrol through the harness's login`);
    await database.db.execute(sql`update users set totp_last_step = null where email = ${email}`);
    const url =
      answer.secondFactor === "totpEnrolment" ? "/api/auth/totp/enrolment/confirm" : "/api/auth/login/totp";
    return app.inject({ method: "POST", url, payload: { challenge, code: totpCode(secret, Date.now()) } });
  };
  const request = ({ as, ...options }: InjectOptions & { as?: Session }) => {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (as) {
      headers.cookie = as.cookie;
      headers["x-csrf-token"] = as.csrfToken;
    }
    return app.inject({ ...options, headers });
  };
  return { app, database, login, request };
}

export const demo = {
  admin: "admin@demo.samspel.se",
  coordinator: "samordnare@demo.samspel.se",
  programmeDirector: "programansvarig@demo.samspel.se",
  groupMember: "styrelse@demo.samspel.se",
  partner: "partner@demo.samspel.se",
};
