import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../demo/users.ts";
import { buildApp } from "../app.ts";
import { openTestDatabase } from "../test/harness.ts";

// The request log an operator reads: JSON lines with request ids, and never a password or token.
const lines: string[] = [];
const database = await openTestDatabase();
const app = await buildApp({ database, webRoot: null, logger: { write: (line) => void lines.push(line) } });
afterAll(async () => {
  await app.close();
  await database.close();
});
const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe("the request log", () => {
  it("writes JSON lines with the request id it answers in X-Request-Id, and no password or token", async () => {
    const wrong = "fel-lösenord-Zq81";
    const refused = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "samordnare@demo.samspel.se", password: wrong },
    });
    expect(refused.statusCode).toBe(401);
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "samordnare@demo.samspel.se", password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const id = res.headers["x-request-id"] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const mine = entries().filter((e) => e.reqId === id);
    // One line per request, with what was asked and how it was answered.
    expect(mine.map((e) => e.msg)).toEqual(["request completed"]);
    expect(mine[0].req).toMatchObject({ method: "POST", url: "/api/auth/login" });
    expect(mine[0].res).toMatchObject({ statusCode: 200 });
    expect(mine[0].responseTime).toBeGreaterThan(0);

    const session = res.cookies.find((c) => c.name === "samspel_session")!.value;
    const csrf = res.json().csrfToken as string;
    // A personal API token, made and then used as an integration would: it never reaches the log either.
    const made = await app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      cookies: { samspel_session: session },
      headers: { "x-csrf-token": csrf },
      payload: { name: "Loggtest", expiresInDays: 1 },
    });
    expect(made.statusCode).toBe(201);
    const bearer = made.json().token as string;
    const viaToken = await app.inject({
      url: "/api/organisations",
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(viaToken.statusCode).toBe(200);
    const all = lines.join("\n");
    for (const secret of [wrong, DEMO_PASSWORD, session, csrf, bearer]) {
      expect(all).not.toContain(secret);
    }
  });

  it("hides tokens in paths and query strings, and keeps a plain id a proxy sends", async () => {
    const token = "HemligToken_abc123XYZ";
    const pathRes = await app.inject({ url: `/api/public/registrations/${token}` });
    const queryRes = await app.inject({
      url: `/api/organisations?resetToken=${token}&q=kommun`,
      headers: { "x-request-id": "lb-4711" },
    });
    expect(pathRes.statusCode).toBe(404);
    expect(queryRes.headers["x-request-id"]).toBe("lb-4711");
    expect(lines.join("\n")).not.toContain(token);
    const urls = entries()
      .filter((e) => e.msg === "request completed")
      .map((e) => (e.req as { url: string }).url);
    expect(urls).toContain("/api/public/registrations/[dold]");
    expect(urls).toContain("/api/organisations?resetToken=[dold]&q=kommun");
    expect(entries().some((e) => e.reqId === "lb-4711")).toBe(true);
  });

  it("also writes the arrival line at debug level (SAMSPEL_LOG_LEVEL=debug), with the secrets hidden", async () => {
    const before = process.env.SAMSPEL_LOG_LEVEL;
    process.env.SAMSPEL_LOG_LEVEL = "debug";
    const debugLines: string[] = [];
    const debugApp = await buildApp({
      database,
      webRoot: null,
      logger: { write: (line) => void debugLines.push(line) },
    });
    if (before === undefined) delete process.env.SAMSPEL_LOG_LEVEL;
    else process.env.SAMSPEL_LOG_LEVEL = before;
    const res = await debugApp.inject({ url: "/api/organisations?resetToken=HemligToken_debug1" });
    await debugApp.close();
    const id = res.headers["x-request-id"];
    const mine = debugLines.map((line) => JSON.parse(line)).filter((e) => e.reqId === id);
    expect(mine.map((e) => e.msg)).toEqual(["incoming request", "request completed"]);
    expect(mine[0].req.url).toBe("/api/organisations?resetToken=[dold]");
    expect(debugLines.join("\n")).not.toContain("HemligToken_debug1");
  });

  it("makes its own id when the one sent could forge a line", async () => {
    const res = await app.inject({ url: "/api/health", headers: { "x-request-id": 'x"\n{"level":60}' } });
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
