import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { insertOrganisation, insertPerson } from "../goals/test/goals.fixture.ts";

let ownerId = "";
let leadPersonId = "";
const t = await createTestApp({
  seed: async ({ db }) => {
    ownerId = await insertOrganisation(db, "Mittuniversitetet", "larosate");
    // The programme director's account is the lead person of the project below.
    leadPersonId = await insertPerson(db, "Kristina Rådberg", demo.programmeDirector);
  },
});
const coordinator = await t.login(demo.coordinator);
const lead = await t.login(demo.programmeDirector);
const otherUser = await t.login(demo.partner);
const missing = "00000000-0000-4000-8000-000000000000";

async function createProject(extra: Record<string, unknown> = {}) {
  const res = await t.request({
    method: "POST",
    url: "/api/projects",
    as: coordinator,
    payload: {
      name: "Kompetenskontraktet",
      leadPersonId,
      ownerOrganisationId: ownerId,
      periodStart: "2013-01",
      periodEnd: "2014-12",
      colour: "yellow",
      colourReason: "Startar sent.",
      reportDueDate: "2013-06-30",
      reportIntervalMonths: 6,
      ...extra,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const report = {
  periodFrom: "2013-01-01",
  periodTo: "2013-06-30",
  doneSinceLast: "Tre externa partner har tecknat avtal.",
  deviations: "Starten försenades en månad.",
  results: "Första kontrakten undertecknade.",
  nextSteps: "Pilot med ingenjörsprogrammen.",
  budgetUsed: 85_000,
};

describe("POST /api/projects/{id}/reports", () => {
  it("lets the project's lead submit a lägesrapport, which becomes the latest report and moves the due date", async () => {
    const p = await createProject();
    expect(p.abilities).toEqual({ manage: true, report: true });
    const leadView = await t.request({ method: "GET", url: `/api/projects/${p.id}`, as: lead });
    expect(leadView.json().abilities).toEqual({ manage: false, report: true });

    const res = await t.request({
      method: "POST",
      url: `/api/projects/${p.id}/reports`,
      as: lead,
      payload: report,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    const today = new Date().toISOString().slice(0, 10);
    expect(body).toMatchObject({ latestReportType: "delrapport", latestReportDate: today });
    expect(body.reportDueDate > today).toBe(true);
    expect(body.reports[0]).toMatchObject({
      doneSinceLast: "Tre externa partner har tecknat avtal.",
      budgetUsed: 85_000,
      submittedByName: "Per Programansvarig",
      reviewedAt: null,
    });
  });

  it("refuses another user's report on the project with 403", async () => {
    const p = await createProject();
    const res = await t.request({
      method: "POST",
      url: `/api/projects/${p.id}/reports`,
      as: otherUser,
      payload: report,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe("Du har inte behörighet att göra detta.");
  });

  it("answers 422 for a report without what was done, 404 for an unknown project, 401 for the public", async () => {
    const p = await createProject();
    const bad = await t.request({
      method: "POST",
      url: `/api/projects/${p.id}/reports`,
      as: lead,
      payload: { ...report, doneSinceLast: "", budgetUsed: -1 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.doneSinceLast).toEqual(["Fältet måste fyllas i."]);
    expect(bad.json().errors.budgetUsed).toBeDefined();
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/projects/${missing}/reports`,
          as: lead,
          payload: report,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "POST", url: `/api/projects/${p.id}/reports`, payload: report })).statusCode,
    ).toBe(401);
  });
});

describe("PATCH /api/projects/{id}/reports/{reportId}", () => {
  it("lets the lead correct their report until a coordinator has reviewed it", async () => {
    const p = await createProject();
    const submitted = await t.request({
      method: "POST",
      url: `/api/projects/${p.id}/reports`,
      as: lead,
      payload: report,
    });
    const reportId = submitted.json().reports[0].id;
    const url = `/api/projects/${p.id}/reports/${reportId}`;

    const edited = await t.request({ method: "PATCH", url, as: lead, payload: { budgetUsed: 90_000 } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().reports[0].budgetUsed).toBe(90_000);
    expect(
      (await t.request({ method: "PATCH", url, as: otherUser, payload: { budgetUsed: 1 } })).statusCode,
    ).toBe(403);

    const reviewed = await t.request({
      method: "POST",
      url: `${url}/review`,
      as: coordinator,
      payload: { colour: "green", comment: "Lovar gott. Flera externa partner." },
    });
    expect(reviewed.statusCode).toBe(200);
    expect((await t.request({ method: "PATCH", url, as: lead, payload: { budgetUsed: 1 } })).statusCode).toBe(
      403,
    );
  });

  it("answers 422, and 404 for a report of another project", async () => {
    const a = await createProject();
    const b = await createProject();
    const submitted = await t.request({
      method: "POST",
      url: `/api/projects/${a.id}/reports`,
      as: lead,
      payload: report,
    });
    const reportId = submitted.json().reports[0].id;
    const bad = await t.request({
      method: "PATCH",
      url: `/api/projects/${a.id}/reports/${reportId}`,
      as: lead,
      payload: { periodTo: "2012-01-01" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.periodTo).toEqual(["Slutet kan inte ligga före början."]);
    const wrong = await t.request({
      method: "PATCH",
      url: `/api/projects/${b.id}/reports/${reportId}`,
      as: coordinator,
      payload: { budgetUsed: 1 },
    });
    expect(wrong.statusCode).toBe(404);
  });
});

describe("POST /api/projects/{id}/reports/{reportId}/review", () => {
  it("sets the colour from the review, with the comment as the reason and the report linked", async () => {
    const p = await createProject();
    const submitted = await t.request({
      method: "POST",
      url: `/api/projects/${p.id}/reports`,
      as: lead,
      payload: report,
    });
    const reportId = submitted.json().reports[0].id;
    const res = await t.request({
      method: "POST",
      url: `/api/projects/${p.id}/reports/${reportId}/review`,
      as: coordinator,
      payload: { colour: "green", comment: "Sannolikt ett gott exempel." },
    });
    const body = res.json();
    expect(body.colour).toBe("green");
    expect(body.colourHistory[0]).toMatchObject({
      colour: "green",
      previousColour: "yellow",
      reason: "Sannolikt ett gott exempel.",
      reportId,
      authorName: "Sara Samordnare",
    });
    expect(body.reports[0]).toMatchObject({
      reviewedByName: "Sara Samordnare",
      reviewComment: "Sannolikt ett gott exempel.",
    });
  });

  it("lets only coordinators review: the lead gets 403; 422 without a comment; 404 for an unknown report", async () => {
    const p = await createProject();
    const submitted = await t.request({
      method: "POST",
      url: `/api/projects/${p.id}/reports`,
      as: lead,
      payload: report,
    });
    const url = `/api/projects/${p.id}/reports/${submitted.json().reports[0].id}/review`;
    expect(
      (
        await t.request({
          method: "POST",
          url,
          as: lead,
          payload: { colour: "green", comment: "Jag tycker grönt." },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: "POST", url, as: coordinator, payload: { colour: "green" } })).statusCode,
    ).toBe(422);
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/projects/${p.id}/reports/${missing}/review`,
          as: coordinator,
          payload: { colour: "green", comment: "x" },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe("GET /api/projects/reports/overdue", () => {
  it("lists projects whose report is overdue until the lead submits it", async () => {
    const p = await createProject({ name: "HUM", reportDueDate: "2013-03-15" });
    const before = await t.request({
      method: "GET",
      url: `/api/projects/reports/overdue?owner=${ownerId}&asOf=2013-04-02`,
      as: coordinator,
    });
    expect(before.statusCode).toBe(200);
    expect(before.json().items.find((i: { id: string }) => i.id === p.id)).toMatchObject({
      name: "HUM",
      daysOverdue: 18,
    });
    await t.request({
      method: "POST",
      url: `/api/projects/${p.id}/reports`,
      as: lead,
      payload: { ...report, kind: "slutrapport" },
    });
    const after = await t.request({
      method: "GET",
      url: `/api/projects/reports/overdue?owner=${ownerId}`,
      as: coordinator,
    });
    expect(after.json().items.some((i: { id: string }) => i.id === p.id)).toBe(false);
    expect(
      (await t.request({ method: "GET", url: "/api/projects/reports/overdue?asOf=igår", as: coordinator }))
        .statusCode,
    ).toBe(422);
    expect((await t.request({ method: "GET", url: "/api/projects/reports/overdue" })).statusCode).toBe(401);
  });
});
