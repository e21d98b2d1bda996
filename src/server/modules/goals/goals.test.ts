import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { GOALS_A_TO_F, insertActivity, insertOrganisation } from "./test/goals.fixture.ts";

let miunId = "";
let activityId = "";
const t = await createTestApp({
  seed: async ({ db }) => {
    miunId = await insertOrganisation(db, "Mittuniversitetet", "larosate");
    activityId = await insertActivity(db, "Studiebesök hos Region Jämtland Härjedalen");
  },
});
const coordinator = await t.login(demo.coordinator);
const member = await t.login(demo.groupMember);
const missing = "00000000-0000-4000-8000-000000000000";

const frameworkBody = {
  name: "Utbildningsstrategi 2011–2015 — arbetslivsanknytning",
  ownerOrganisationId: "",
  registryNumber: "MIUN 2009/1671",
  periodStart: "2011-01-01",
  periodEnd: "2015-12-31",
  goals: GOALS_A_TO_F,
};

async function createFramework() {
  const res = await t.request({
    method: "POST",
    url: "/api/frameworks",
    as: coordinator,
    payload: { ...frameworkBody, ownerOrganisationId: miunId },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe("POST /api/frameworks", () => {
  it("creates a framework with goals A–F as version 1, owned by Mittuniversitetet", async () => {
    const body = await createFramework();
    expect(body).toMatchObject({
      name: "Utbildningsstrategi 2011–2015 — arbetslivsanknytning",
      owner: { id: miunId, name: "Mittuniversitetet" },
      registryNumber: "MIUN 2009/1671",
      currentVersion: 1,
      goalCount: 6,
      version: { number: 1, current: true },
    });
    expect(body.goals.map((g: { code: string }) => g.code)).toEqual(["A", "B", "C", "D", "E", "F"]);
  });

  it("keeps sub-goals under their goal", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/frameworks",
      as: coordinator,
      payload: {
        name: "Samhällskontraktet — vision och övergripande mål",
        vision: "Eskilstuna och Västerås är en stark region …",
        goals: [
          {
            code: "1",
            text: "Höja kompetensnivån",
            subGoals: [{ code: "1.1", text: "Fler lärare med behörighet" }],
          },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().goals[0].subGoals).toMatchObject([{ code: "1.1", text: "Fler lärare med behörighet" }]);
  });

  it("answers 422 in Swedish for a missing name, a duplicate code and an end before the start", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/frameworks",
      as: coordinator,
      payload: { goals: [{ code: "A", text: "x" }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.name).toEqual(["Fältet måste fyllas i."]);

    const dup = await t.request({
      method: "POST",
      url: "/api/frameworks",
      as: coordinator,
      payload: {
        name: "Dubbel",
        goals: [
          { code: "A", text: "x" },
          { code: "a", text: "y" },
        ],
      },
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().errors["goals.1.code"]).toEqual(["Koden a finns redan i ramverket."]);

    const period = await t.request({
      method: "POST",
      url: "/api/frameworks",
      as: coordinator,
      payload: { name: "Baklänges", periodStart: "2015-01-01", periodEnd: "2011-01-01" },
    });
    expect(period.json().errors.periodEnd).toEqual(["Periodens slut kan inte ligga före dess början."]);
  });

  it("answers 422 for an owner that is not in the register", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/frameworks",
      as: coordinator,
      payload: { name: "Utan ägare", ownerOrganisationId: missing },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.ownerOrganisationId).toEqual(["Organisationen finns inte i registret."]);
  });

  it("lets only administrators and coordinators create frameworks", async () => {
    const payload = { ...frameworkBody, ownerOrganisationId: miunId };
    const res = await t.request({ method: "POST", url: "/api/frameworks", as: member, payload });
    expect(res.statusCode).toBe(403);
    const anonymous = await t.request({ method: "POST", url: "/api/frameworks", payload });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("GET /api/frameworks and /api/frameworks/{id}", () => {
  it("lists frameworks for any logged-in user and shows one with its goals", async () => {
    const created = await createFramework();
    const list = await t.request({ method: "GET", url: "/api/frameworks", as: member });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.some((f: { id: string }) => f.id === created.id)).toBe(true);
    const one = await t.request({ method: "GET", url: `/api/frameworks/${created.id}`, as: member });
    expect(one.json().goals[3]).toMatchObject({ code: "D", text: GOALS_A_TO_F[3].text });
  });

  it("answers 404 for an unknown framework or version, 422 for a malformed id, 401 for the public", async () => {
    expect(
      (await t.request({ method: "GET", url: `/api/frameworks/${missing}`, as: member })).statusCode,
    ).toBe(404);
    const created = await createFramework();
    const v9 = await t.request({ method: "GET", url: `/api/frameworks/${created.id}?version=9`, as: member });
    expect(v9.statusCode).toBe(404);
    expect(
      (await t.request({ method: "GET", url: "/api/frameworks/inte-ett-id", as: member })).statusCode,
    ).toBe(422);
    expect((await t.request({ method: "GET", url: "/api/frameworks" })).statusCode).toBe(401);
  });
});

describe("PATCH /api/frameworks/{id}", () => {
  it("changes the metadata without creating a version", async () => {
    const created = await createFramework();
    const res = await t.request({
      method: "PATCH",
      url: `/api/frameworks/${created.id}`,
      as: coordinator,
      payload: { vision: "Erkänt framgångsrik arbetslivsanknytning" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      vision: "Erkänt framgångsrik arbetslivsanknytning",
      currentVersion: 1,
    });
  });

  it("answers 404, 403 and 422 as it should", async () => {
    const created = await createFramework();
    const url = `/api/frameworks/${created.id}`;
    expect(
      (
        await t.request({
          method: "PATCH",
          url: `/api/frameworks/${missing}`,
          as: coordinator,
          payload: { name: "x" },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request({ method: "PATCH", url, as: member, payload: { name: "x" } })).statusCode).toBe(
      403,
    );
    const bad = await t.request({
      method: "PATCH",
      url,
      as: coordinator,
      payload: { periodEnd: "2010-01-01" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.periodEnd).toBeDefined();
  });
});

describe("revising a framework", () => {
  it("adds a version and keeps the earlier one with everything linked to it", async () => {
    const created = await createFramework();
    const goalB = created.goals[1].id;
    const link = await t.request({
      method: "PUT",
      url: `/api/goal-links/activities/${activityId}`,
      as: coordinator,
      payload: { goalIds: [goalB] },
    });
    expect(link.statusCode).toBe(200);

    const revised = await t.request({
      method: "POST",
      url: `/api/frameworks/${created.id}/versions`,
      as: coordinator,
      payload: {
        note: "G tillkommer efter utvärderingen",
        goals: [...GOALS_A_TO_F, { code: "G", text: "Alumnerna ska vara en del av arbetslivsanknytningen." }],
      },
    });
    expect(revised.statusCode).toBe(201);
    const body = revised.json();
    expect(body).toMatchObject({ currentVersion: 2, goalCount: 7, version: { number: 2 } });
    expect(body.goals[1].previousGoalId).toBe(goalB);
    expect(body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);

    const old = await t.request({
      method: "GET",
      url: `/api/frameworks/${created.id}?version=1`,
      as: member,
    });
    expect(old.json().goals.map((g: { id: string }) => g.id)).toContain(goalB);
    const links = await t.request({
      method: "GET",
      url: `/api/goal-links/activities/${activityId}`,
      as: member,
    });
    expect(links.json().items).toMatchObject([{ id: goalB, code: "B", versionNumber: 1, current: false }]);
  });

  it("answers 404 for an unknown framework, 422 for no goals, 403 for a group member", async () => {
    const created = await createFramework();
    const payload = { goals: [{ code: "A", text: "x" }] };
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/frameworks/${missing}/versions`,
          as: coordinator,
          payload,
        })
      ).statusCode,
    ).toBe(404);
    const empty = await t.request({
      method: "POST",
      url: `/api/frameworks/${created.id}/versions`,
      as: coordinator,
      payload: { goals: [] },
    });
    expect(empty.statusCode).toBe(422);
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/frameworks/${created.id}/versions`,
          as: member,
          payload,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("activity goal links", () => {
  it("answers 404 for an unknown activity, 422 for an unknown goal, 403 for a group member", async () => {
    expect(
      (await t.request({ method: "GET", url: `/api/goal-links/activities/${missing}`, as: member }))
        .statusCode,
    ).toBe(404);
    const unknownGoal = await t.request({
      method: "PUT",
      url: `/api/goal-links/activities/${activityId}`,
      as: coordinator,
      payload: { goalIds: [missing] },
    });
    expect(unknownGoal.statusCode).toBe(422);
    expect(unknownGoal.json().errors.goalIds).toEqual(["Ett eller flera av målen finns inte."]);
    const forbidden = await t.request({
      method: "PUT",
      url: `/api/goal-links/activities/${activityId}`,
      as: member,
      payload: { goalIds: [] },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
