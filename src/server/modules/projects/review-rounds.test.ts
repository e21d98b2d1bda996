import { describe, expect, it } from "vitest";
import { loadGoalsDemo } from "../../../../demo/goals.ts";
import { loadProjectsDemo } from "../../../../demo/projects.ts";
import { loadOrganisationsDemo } from "../../../../demo/registers/organisations.ts";
import { loadPeopleDemo } from "../../../../demo/registers/people.ts";
import { loadReviewRoundsDemo, REVIEW_ROUND_CONCLUSIONS } from "../../../../demo/review-rounds.ts";
import { createTestApp, demo } from "../../test/harness.ts";

const t = await createTestApp({
  seed: async ({ db }) => {
    await loadOrganisationsDemo(db);
    await loadPeopleDemo(db);
    // Twice: the steps are idempotent.
    for (let i = 0; i < 2; i++) {
      await loadGoalsDemo(db);
      await loadProjectsDemo(db);
      await loadReviewRoundsDemo(db);
    }
  },
});
const coordinator = await t.login(demo.coordinator);
const member = await t.login(demo.groupMember);
const partner = await t.login(demo.partner);
const missing = "00000000-0000-4000-8000-000000000000";

const list = async (as = coordinator) => t.request({ method: "GET", url: "/api/review-rounds", as });
const demoRoundId = async () => (await list()).json().items[0].id as string;
const projectIdByName = async (name: string) => {
  const res = await t.request({
    method: "GET",
    url: `/api/projects?q=${encodeURIComponent(name)}`,
    as: coordinator,
  });
  return res.json().items[0].id as string;
};

describe("demo: the review round of 2 April 2013 (seed 000)", () => {
  it("has one round dated 2013-04-02 with the seed's nine general conclusions in order", async () => {
    const items = (await list()).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ date: "2013-04-02", projectCount: 13, conclusionCount: 9 });
    const round = (
      await t.request({ method: "GET", url: `/api/review-rounds/${items[0].id}`, as: coordinator })
    ).json();
    expect(round.conclusions).toEqual(REVIEW_ROUND_CONCLUSIONS);
    expect(round.conclusions).toHaveLength(9);
    expect(round.conclusions[0]).toMatch(/HUM-projektet/);
  });

  it("has the seed's table: each project's report, period, results, scaling, comment and colour", async () => {
    const round = (
      await t.request({ method: "GET", url: `/api/review-rounds/${await demoRoundId()}`, as: member })
    ).json();
    expect(round.projects).toHaveLength(13);
    expect(round.projects[0]).toMatchObject({
      projectName: "Karriärcoachning",
      leadName: "Pernilla Sivertsen",
      periodLabel: "jun 2012 – jun 2014",
      reportType: "delrapport",
      concreteResults: "Ja",
      canScaleUp: "Ja",
      comment: "Process som systematiserats. Bra utfall.",
      colour: "green",
    });
    const hum = round.projects.find((p: { projectName: string }) => p.projectName === "HUM");
    expect(hum).toMatchObject({ reportType: "slutrapport", reportUncertain: true, colour: "red" });
    const colours = round.projects.map((p: { colour: string }) => p.colour);
    expect(colours.filter((c: string) => c === "green")).toHaveLength(9);
    expect(colours.filter((c: string) => c === "yellow")).toHaveLength(3);
    expect(round.abilities).toEqual({ manage: false });
  });
});

describe("/api/review-rounds", () => {
  it("registers a round with its assessments and conclusions, audited, and edits it with If-Match", async () => {
    const projectId = await projectIdByName("Karriärcoachning");
    const created = await t.request({
      method: "POST",
      url: "/api/review-rounds",
      as: coordinator,
      payload: {
        name: "Avrapportering hösten 2013",
        date: "2013-10-15",
        conclusions: ["Satsningen fortsätter."],
        projects: [{ projectId, reportType: "slutrapport", comment: "Klart.", colour: "green" }],
      },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      date: "2013-10-15",
      conclusions: ["Satsningen fortsätter."],
      projects: [{ projectName: "Karriärcoachning", reportType: "slutrapport", colour: "green" }],
      abilities: { manage: true },
    });
    const audit = await t.request({
      method: "GET",
      url: `/api/admin/audit?entityType=review_round&entityId=${body.id}`,
      as: await t.login(demo.admin),
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual([
      "projects.review_round_created",
    ]);

    const get = await t.request({ method: "GET", url: `/api/review-rounds/${body.id}`, as: coordinator });
    const etag = get.headers.etag as string;
    expect(etag).toBeTruthy();
    const stale = await t.request({
      method: "PATCH",
      url: `/api/review-rounds/${body.id}`,
      as: coordinator,
      headers: { "if-match": '"1"' },
      payload: { name: "Gammal" },
    });
    expect(stale.statusCode).toBe(412);
    const patched = await t.request({
      method: "PATCH",
      url: `/api/review-rounds/${body.id}`,
      as: coordinator,
      headers: { "if-match": etag },
      payload: { conclusions: ["Första.", "Andra."], projects: [] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ conclusions: ["Första.", "Andra."], projects: [] });
    expect((await list()).json().items[0]).toMatchObject({
      id: body.id,
      conclusionCount: 2,
      projectCount: 0,
    });
  });

  it("answers 422 in Swedish naming the field for a bad date, a missing name and an unknown project", async () => {
    const bad = await t.request({
      method: "POST",
      url: "/api/review-rounds",
      as: coordinator,
      payload: { name: "", date: "2013-02-30" },
    });
    expect(bad.statusCode).toBe(422);
    const errors = bad.json().errors;
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["name", "date"]));
    const unknown = await t.request({
      method: "POST",
      url: "/api/review-rounds",
      as: coordinator,
      payload: { name: "X", date: "2013-04-02", projects: [{ projectId: missing }] },
    });
    expect(unknown.statusCode).toBe(422);
    expect(JSON.stringify(unknown.json())).toContain("Projektet finns inte i portföljen.");
  });

  it("answers 404 for a round that does not exist", async () => {
    const res = await t.request({ method: "GET", url: `/api/review-rounds/${missing}`, as: coordinator });
    expect(res.statusCode).toBe(404);
    const patch = await t.request({
      method: "PATCH",
      url: `/api/review-rounds/${missing}`,
      as: coordinator,
      payload: { name: "X" },
    });
    expect(patch.statusCode).toBe(404);
  });

  it("lets group members read but not write, and refuses partners the whole round (403)", async () => {
    expect((await list(member)).statusCode).toBe(200);
    const write = await t.request({
      method: "POST",
      url: "/api/review-rounds",
      as: member,
      payload: { name: "X", date: "2013-04-02" },
    });
    expect(write.statusCode).toBe(403);
    expect((await list(partner)).statusCode).toBe(403);
    const one = await t.request({
      method: "GET",
      url: `/api/review-rounds/${await demoRoundId()}`,
      as: partner,
    });
    expect(one.statusCode).toBe(403);
    expect((await t.request({ method: "GET", url: "/api/review-rounds" })).statusCode).toBe(401);
  });
});
