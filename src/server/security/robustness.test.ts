import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../common/i18n/platform.ts";
import { createEvent } from "../modules/events/test/events.fixture.ts";
import { createTestApp, demo, type Session } from "../test/harness.ts";

/**
 * Regressions of issue 11's findings 7 (500s on NUL, lone surrogates and forged cursors), 9 (CSV
 * injection past the cell start) and 12 (ICS injection), re-enacted as the probe did, on this database.
 */
const t = await createTestApp();
let admin: Session;
beforeAll(async () => {
  admin = await t.login(demo.admin);
});

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const uuid = "0b6f1b0e-5a4e-4e0e-9d3b-6a8f0d1c2e3f";

function expectSwedishProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): any },
  status: number,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toContain("application/problem+json");
  expect(res.json().detail).toBe("Uppgifterna innehåller fel. Rätta de markerade fälten.");
}

describe("finding 7: unstorable text answers 422 naming the field", () => {
  const routes = [
    ["/api/frameworks", { name: "Ram\u0000verk" }, "name"],
    ["/api/plans", { title: "Plan\u0000", periodStart: "2026-01-01" }, "title"],
    ["/api/projects", { name: "Projekt", sector: "x\u0000y" }, "sector"],
    ["/api/frameworks", { name: "Ram\ud800verk" }, "name"],
    ["/api/plans", { title: "Plan\ud800", periodStart: "2026-01-01" }, "title"],
    ["/api/projects", { name: "Projekt\udc00" }, "name"],
    [
      "/api/projects",
      { name: "Projekt", funding: [{ kind: "own", amount: 1, note: "\u0000" }] },
      "funding.0.note",
    ],
  ] as const;
  for (const [url, payload, field] of routes) {
    it(`POST ${url} with ${JSON.stringify(payload)}`, async () => {
      const res = await t.request({ method: "POST", url, as: admin, payload });
      expectSwedishProblem(res, 422);
      expect(res.json().errors).toEqual({
        [field]: [
          "Texten innehåller tecken som inte kan sparas (till exempel NUL eller ett ensamt surrogattecken).",
        ],
      });
    });
  }

  it("refuses a NUL in a field name and keeps a valid surrogate pair (an emoji)", async () => {
    const key = await t.request({
      method: "POST",
      url: "/api/frameworks",
      as: admin,
      payload: { "na\u0000me": "x" },
    });
    expectSwedishProblem(key, 422);
    expect(Object.keys(key.json().errors)).toEqual(["na\ufffdme"]);
    const emoji = await t.request({
      method: "POST",
      url: "/api/frameworks",
      as: admin,
      payload: { name: "Ramverk 🌱" },
    });
    expect(emoji.statusCode).toBe(201);
    expect(emoji.json().name).toBe("Ramverk 🌱");
  });

  it("answers 422 for a NUL in q on list and export routes, in English when asked", async () => {
    for (const url of [
      "/api/projects",
      "/api/activities",
      "/api/events",
      "/api/organisations",
      "/api/people",
      "/api/projects/export",
    ]) {
      const res = await t.request({ method: "GET", url: `${url}?q=a%00b`, as: admin });
      expectSwedishProblem(res, 422);
      expect(Object.keys(res.json().errors)).toEqual(["q"]);
    }
    const english = await t.request({
      method: "GET",
      url: "/api/projects?q=%00",
      as: admin,
      headers: { "accept-language": "en" },
    });
    expect(english.statusCode).toBe(422);
    expect(english.json().detail).toBe(en.errors.validation);
  });

  it("answers 422 naming the cursor for a forged cursor on every list route of the API", async () => {
    const doc = (await t.request({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>
      >;
    };
    // A list that needs a parent (e.g. /api/ideas?callId=) is asked with one, so the cursor is what is wrong.
    const lists = Object.entries(doc.paths)
      .filter(
        ([path, ops]) =>
          !path.includes("{") && ops.get?.parameters?.some((p) => p.in === "query" && p.name === "cursor"),
      )
      .map(([path, ops]) => {
        const required = (ops.get?.parameters ?? []).filter((p) => p.in === "query" && p.required);
        return required.length ? `${path}?${required.map((p) => `${p.name}=${uuid}`).join("&")}` : path;
      });
    expect(lists.length).toBeGreaterThanOrEqual(11);
    const cursors = [
      forged(["a", "not-a-uuid"]),
      forged(["a\u0000", uuid]),
      forged({ a: 1 }),
      forged([1, 2, 3]),
      "%%%",
      "bm90IGpzb24",
    ];
    for (const path of lists) {
      for (const cursor of cursors) {
        const res = await t.request({
          method: "GET",
          url: `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`,
          as: admin,
        });
        expect(res.statusCode, `${path} ${cursor}: ${res.body}`).toBe(422);
        expect(res.headers["content-type"]).toContain("application/problem+json");
        expect(res.json().errors.cursor).toEqual(["Ogiltig sidmarkör. Börja om från första sidan."]);
      }
    }
  }, 180_000);

  it("checks a cursor's sort value against its column: dates, timestamps, years", async () => {
    const cases = [
      ["/api/spend", forged(["not-a-date", uuid])],
      ["/api/spend", forged(["2026-02-30", uuid])],
      ["/api/budgets", forged(["2026", uuid])],
      ["/api/organisations?sort=-createdAt", forged(["yesterday", uuid])],
      ["/api/people?sort=-createdAt", forged(["2026-01-01 25:00:00+00", uuid])],
      ["/api/projects?sort=periodStart", forged(["a", uuid])],
      ["/api/admin/audit", forged([null, "1 or 1=1"])],
    ] as const;
    for (const [url, cursor] of cases) {
      const res = await t.request({
        method: "GET",
        url: `${url}${url.includes("?") ? "&" : "?"}cursor=${cursor}`,
        as: admin,
      });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(422);
      expect(Object.keys(res.json().errors)).toEqual(["cursor"]);
    }
    // A cursor the server wrote itself still pages.
    const ok = await t.request({
      method: "GET",
      url: `/api/organisations?sort=-createdAt&cursor=${forged(["2026-01-01 10:00:00.123456+00", uuid])}`,
      as: admin,
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe("500s the fuzz suite found, closed at the root", () => {
  it("answers problem+json for Fastify's own refusals, numbers out of range and year 0000", async () => {
    const long = await t.request({ method: "GET", url: `/api/projects/${"a".repeat(300)}`, as: admin });
    expect(long.statusCode).toBe(400);
    expect(long.headers["content-type"]).toContain("application/problem+json");
    expect(long.json().detail).toBe("Begäran kunde inte tolkas.");
    const huge = await t.request({
      method: "GET",
      url: "/api/compass/model?version=978728128961517",
      as: admin,
    });
    expect(huge.statusCode).toBe(422);
    expect(huge.headers["content-type"]).toContain("application/problem+json");
    expect(huge.json().detail).toContain("Ett värde går inte att spara");
    const yearZero = await t.request({
      method: "GET",
      url: "/api/projects/dashboard?asOf=0000-02-29",
      as: admin,
    });
    expectSwedishProblem(yearZero, 422);
    expect(yearZero.json().errors.asOf).toEqual(["Ange ett datum som ÅÅÅÅ-MM-DD."]);
  });
});

describe("finding 9: CSV export quotes fields and neutralises every part a reader could split off", () => {
  it("exports `Probe,=cmd|' /C calc'!A0` as one quoted, neutralised field", async () => {
    const created = await t.request({
      method: "POST",
      url: "/api/projects",
      as: admin,
      payload: { name: "Probe,=cmd|' /C calc'!A0", sector: "CSV-sond" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const csv = await t.request({
      method: "GET",
      url: "/api/projects/export?format=csv&sector=CSV-sond",
      as: admin,
    });
    expect(csv.statusCode).toBe(200);
    const row = csv.body.split("\r\n")[1];
    expect(row.startsWith(`"Probe,'=cmd|' /C calc'!A0";`)).toBe(true);
    // What a comma-reading spreadsheet sees: no cell starts a formula.
    for (const cell of row.split(/[,;\t]/)) expect(cell.replace(/^"/, "").trim()).not.toMatch(/^[=+\-@]/);
  });
});

describe("finding 12: a CR in an event's title or place stays inside its property", () => {
  it("escapes CR, LF, ; and , in the .ics so ical.js reads the attacker text back inside SUMMARY", async () => {
    const title = "Möte\rATTENDEE:mailto:angripare@example.com\r\nX-EVIL:1";
    const place = "Sal 1\rORGANIZER:mailto:angripare@example.com; B, C";
    const event = await createEvent(t, admin, {
      title,
      sessions: [{ date: "2027-03-10", startTime: "09:00", endTime: "12:00", place }],
    });
    const res = await t.request({ method: "GET", url: `/api/public/events/${event.id}/calendar.ics` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/\r(?!\n)/);
    for (const line of res.body.split("\r\n")) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/^(ATTENDEE|ORGANIZER|X-EVIL)/);
    }
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    const [vevent, ...more] = calendar.getAllSubcomponents("vevent");
    expect(more).toEqual([]);
    expect(vevent.getAllProperties("attendee")).toEqual([]);
    expect(vevent.getAllProperties("organizer")).toEqual([]);
    expect(vevent.getFirstPropertyValue("x-evil")).toBeNull();
    expect(vevent.getFirstPropertyValue("summary")).toBe(
      "Möte\nATTENDEE:mailto:angripare@example.com\nX-EVIL:1",
    );
    expect(vevent.getFirstPropertyValue("location")).toContain(
      "ORGANIZER:mailto:angripare@example.com; B, C",
    );
  });
});
