import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../../demo/users.ts";
import { buildApp } from "../../app.ts";
import { openTestDatabase } from "../../test/harness.ts";
import { followUpFixture } from "../indicators/test/follow-up.fixture.ts";

// Issue 15, item 5: a PDF export on a server without Chromium answers a Swedish 503 saying what to
// install, and the operator finds a line about it in the log; the other formats keep working.
const fixture = followUpFixture();
const database = await openTestDatabase();
await fixture.seed(database);
const lines: string[] = [];
const app = await buildApp({ database, webRoot: null, logger: { write: (line) => void lines.push(line) } });
const before = process.env.SAMSPEL_CHROMIUM;
afterAll(async () => {
  if (before === undefined) delete process.env.SAMSPEL_CHROMIUM;
  else process.env.SAMSPEL_CHROMIUM = before;
  await app.close();
  await database.close();
});

const login = await app.inject({
  method: "POST",
  url: "/api/auth/login",
  payload: { email: "styrelse@demo.samspel.se", password: DEMO_PASSWORD },
});
const cookie = `samspel_session=${login.cookies.find((c) => c.name === "samspel_session")!.value}`;
const annual = (format: string) =>
  app.inject({
    method: "GET",
    url: `/api/reports/annual?organisationId=${fixture.ids.sk}&year=2010&format=${format}`,
    headers: { cookie },
  });

describe("a PDF export without Chromium", () => {
  it("answers 503 in Swedish with what to install, and logs the path it tried", async () => {
    process.env.SAMSPEL_CHROMIUM = "/finns/inte/chromium";
    const res = await annual("pdf");
    expect(res.statusCode).toBe(503);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const problem = res.json();
    expect(problem).toMatchObject({
      status: 503,
      code: "pdfRendererMissing",
      title: "PDF kan inte skapas på den här servern",
    });
    expect(problem.detail).toContain("Debians paket chromium");
    expect(problem.detail).toContain("SAMSPEL_CHROMIUM");
    // The user is not shown the server's paths; the log has it, under the request's id.
    expect(problem.detail).not.toContain("/finns/inte");
    const id = res.headers["x-request-id"] as string;
    const logged = lines.map((l) => JSON.parse(l)).find((e) => e.reqId === id && e.chromium);
    expect(logged).toMatchObject({ chromium: "/finns/inte/chromium", level: 50 });
    expect(logged.msg).toContain("SAMSPEL_CHROMIUM");
  });

  it("still gives the report as Word meanwhile", async () => {
    process.env.SAMSPEL_CHROMIUM = "/finns/inte/chromium";
    const res = await annual("docx");
    expect(res.statusCode).toBe(200);
  });
});
