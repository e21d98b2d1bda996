import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { type CompassFixture, otherDirectorEmail, seedCompassFixture } from "./test/compass.fixture.ts";

let f: CompassFixture;
const t = await createTestApp({
  seed: async (database) => {
    f = await seedCompassFixture(database);
  },
});
let director: Session;
let otherDirector: Session;
let coordinator: Session;
let admin: Session;
beforeAll(async () => {
  director = await t.login(demo.programmeDirector);
  otherDirector = await t.login(otherDirectorEmail);
  coordinator = await t.login(demo.coordinator);
  admin = await t.login(demo.admin);
});

const levelsOf = (body: { dimensions: { key: string; current: number }[] }) =>
  Object.fromEntries(body.dimensions.map((d) => [d.key, d.current]));

describe("GET /api/compass/programmes/:id", () => {
  it("derives each dimension's level from the done activities of the year", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}?year=2024`,
      as: coordinator,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      programmeId: f.nursing,
      year: 2024,
      modelVersion: 1,
      programmeCode: "HSJUG",
    });
    expect(levelsOf(body)).toEqual({
      placement: 4,
      projects: 0,
      encounters: 1,
      governance: 2,
      simulation: 2,
      career: 3,
      entrepreneurship: 1,
      alumni: 0,
    });
    const governance = body.dimensions.find((d: { key: string }) => d.key === "governance");
    expect(governance).toMatchObject({
      label: "Arbetslivet i utbildningens utveckling",
      activityCount: 3,
      goal: null,
      gap: null,
      assessed: null,
    });
    // Last year is the faint overlay: 2023 had a mandatory placement (3) and the innovation week (1).
    expect(body.dimensions.find((d: { key: string }) => d.key === "placement").lastYear).toBe(3);
    expect(body.abilities).toEqual({ manage: false, recompute: false, workProcess: true });
  });

  it("answers in English when asked", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}?year=2024`,
      headers: { "accept-language": "en" },
      as: coordinator,
    });
    expect(res.json().dimensions[0].label).toBe("Internships and work placements");
  });

  it("rejects a bad year and a malformed id with 422, an unknown programme with 404, the public with 401", async () => {
    const bad = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}?year=19`,
      as: director,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.year).toEqual(["Ange ett år mellan 2000 och 2100."]);
    const malformed = await t.request({
      method: "GET",
      url: "/api/compass/programmes/inte-ett-id",
      as: director,
    });
    expect(malformed.statusCode).toBe(422);
    const missing = await t.request({
      method: "GET",
      url: "/api/compass/programmes/00000000-0000-4000-8000-000000000000?year=2024",
      as: director,
    });
    expect(missing.statusCode).toBe(404);
    const publicRes = await t.request({ method: "GET", url: `/api/compass/programmes/${f.nursing}` });
    expect(publicRes.statusCode).toBe(401);
  });

  it("lists the activities behind the levels with the dimensions they feed", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}/activities?year=2024`,
      as: director,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { title: string; status: string; dimensions: string[] }[];
    expect(items.find((a) => a.title === "VFU termin 3")).toMatchObject({
      status: "done",
      dimensions: ["placement"],
    });
    expect(items.find((a) => a.title === "Studiebesök på akuten")).toMatchObject({ status: "planned" });
    expect(items.some((a) => a.title === "Odaterad alumnträff")).toBe(false);
    const missing = await t.request({
      method: "GET",
      url: "/api/compass/programmes/00000000-0000-4000-8000-000000000000/activities",
      as: director,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe("PUT /api/compass/programmes/:id/goals", () => {
  it("lets the programme's director set the goal picture, and shows the gaps", async () => {
    const res = await t.request({
      method: "PUT",
      url: `/api/compass/programmes/${f.nursing}/goals?year=2024`,
      payload: {
        goals: { placement: 4, encounters: 3, alumni: 2, projects: 0 },
        notes: { alumni: "Bjud in alumner till VFU-seminarierna." },
      },
      as: director,
    });
    expect(res.statusCode).toBe(200);
    const dims = Object.fromEntries(res.json().dimensions.map((d: { key: string }) => [d.key, d]));
    expect(dims.placement).toMatchObject({ goal: 4, gap: 0 });
    expect(dims.encounters).toMatchObject({ goal: 3, current: 1, gap: 2 });
    expect(dims.alumni).toMatchObject({ goal: 2, gap: 2, note: "Bjud in alumner till VFU-seminarierna." });
    expect(dims.career).toMatchObject({ goal: null, gap: null });
    expect(res.json().abilities.manage).toBe(true);
  });

  it("replaces the whole goal picture and keeps notes unless they are given", async () => {
    await t.request({
      method: "PUT",
      url: `/api/compass/programmes/${f.nursing}/goals?year=2024`,
      payload: { goals: { encounters: 2 } },
      as: director,
    });
    const res = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}?year=2024`,
      as: director,
    });
    const dims = Object.fromEntries(res.json().dimensions.map((d: { key: string }) => [d.key, d]));
    expect(dims.encounters.goal).toBe(2);
    expect(dims.placement.goal).toBeNull();
    expect(dims.alumni).toMatchObject({ goal: null, note: "Bjud in alumner till VFU-seminarierna." });
  });

  it("answers 403 to the director of another programme and to a coordinator", async () => {
    for (const as of [otherDirector, coordinator]) {
      const res = await t.request({
        method: "PUT",
        url: `/api/compass/programmes/${f.nursing}/goals?year=2024`,
        payload: { goals: { placement: 1 } },
        as,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe("Du har inte behörighet att göra detta.");
    }
  });

  it("rejects a level outside 0–4 and an unknown dimension with 422 on the field", async () => {
    const level = await t.request({
      method: "PUT",
      url: `/api/compass/programmes/${f.nursing}/goals?year=2024`,
      payload: { goals: { placement: 5 } },
      as: director,
    });
    expect(level.statusCode).toBe(422);
    expect(level.json().errors["goals.placement"]).toEqual(["Välj en nivå mellan 0 och 4."]);
    const unknown = await t.request({
      method: "PUT",
      url: `/api/compass/programmes/${f.nursing}/goals?year=2024`,
      payload: { goals: { rymden: 2 } },
      as: director,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors["goals.rymden"]).toEqual(["Dimensionen finns inte i kompassens modell."]);
    const missingBody = await t.request({
      method: "PUT",
      url: `/api/compass/programmes/${f.nursing}/goals?year=2024`,
      payload: {},
      as: director,
    });
    expect(missingBody.statusCode).toBe(422);
    expect(missingBody.json().errors.goals).toEqual(["Fältet måste fyllas i."]);
  });

  it("answers 404 for an unknown programme", async () => {
    const res = await t.request({
      method: "PUT",
      url: "/api/compass/programmes/00000000-0000-4000-8000-000000000000/goals?year=2024",
      payload: { goals: {} },
      as: admin,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("assessed levels", () => {
  const url = () => `/api/compass/programmes/${f.nursing}/assessments/simulation?year=2024`;

  it("records an assessed level beside the derived one, with justification and who", async () => {
    const res = await t.request({
      method: "PUT",
      url: url(),
      payload: { level: 3, justification: "Patientsimulatorn är obligatorisk från hösten 2024." },
      as: director,
    });
    expect(res.statusCode).toBe(200);
    const sim = res.json().dimensions.find((d: { key: string }) => d.key === "simulation");
    expect(sim).toMatchObject({ current: 2, assessed: 3 });
    expect(sim.assessment).toMatchObject({
      justification: "Patientsimulatorn är obligatorisk från hösten 2024.",
      assessedBy: "Per Programansvarig",
    });
  });

  it("needs a justification (422), the right director (403) and a known dimension (404)", async () => {
    const bad = await t.request({
      method: "PUT",
      url: url(),
      payload: { level: 2, justification: " " },
      as: director,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.justification).toEqual(["Fältet måste fyllas i."]);
    const other = await t.request({
      method: "PUT",
      url: url(),
      payload: { level: 2, justification: "x" },
      as: otherDirector,
    });
    expect(other.statusCode).toBe(403);
    const unknown = await t.request({
      method: "PUT",
      url: `/api/compass/programmes/${f.nursing}/assessments/rymden?year=2024`,
      payload: { level: 2, justification: "x" },
      as: director,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("removes an assessment; removing it again is 404", async () => {
    const first = await t.request({ method: "DELETE", url: url(), as: director });
    expect(first.statusCode).toBe(204);
    const again = await t.request({ method: "DELETE", url: url(), as: director });
    expect(again.statusCode).toBe(404);
  });
});

describe("learning outcomes", () => {
  it("adds, lists and removes outcomes linked to dimensions", async () => {
    const base = `/api/compass/programmes/${f.nursing}/outcomes`;
    const created = await t.request({
      method: "POST",
      url: base,
      payload: {
        text: "Studenten kan redogöra för vårdens organisation utifrån VFU.",
        dimensions: ["placement"],
      },
      as: director,
    });
    expect(created.statusCode).toBe(201);
    const list = await t.request({ method: "GET", url: base, as: coordinator });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0].dimensions).toEqual(["placement"]);
    const forbidden = await t.request({
      method: "DELETE",
      url: `${base}/${created.json().id}`,
      as: otherDirector,
    });
    expect(forbidden.statusCode).toBe(403);
    const removed = await t.request({ method: "DELETE", url: `${base}/${created.json().id}`, as: director });
    expect(removed.statusCode).toBe(204);
    const gone = await t.request({ method: "DELETE", url: `${base}/${created.json().id}`, as: director });
    expect(gone.statusCode).toBe(404);
  });

  it("rejects an outcome without text or with an unknown dimension", async () => {
    const res = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/outcomes`,
      payload: { text: "", dimensions: [] },
      as: director,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toMatchObject({
      text: ["Fältet måste fyllas i."],
      dimensions: ["Välj minst en dimension."],
    });
    const unknown = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/outcomes`,
      payload: { text: "Mål", dimensions: ["rymden"] },
      as: director,
    });
    expect(unknown.statusCode).toBe(422);
  });
});

describe("work process", () => {
  const base = () => `/api/compass/programmes/${f.nursing}/process`;

  it("starts with five steps not started, and records status, dates and who", async () => {
    const empty = await t.request({ method: "GET", url: `${base()}?year=2025`, as: director });
    expect(empty.statusCode).toBe(200);
    expect(empty.json().steps.map((s: { key: string }) => s.key)).toEqual([
      "goals",
      "inventory",
      "analysis",
      "recommendations",
      "workPlan",
    ]);
    expect(empty.json().steps.every((s: { status: string }) => s.status === "not_started")).toBe(true);
    const res = await t.request({
      method: "PUT",
      url: `${base()}/inventory?year=2025`,
      payload: {
        status: "done",
        startDate: "2025-02-01",
        doneDate: "2025-03-10",
        responsible: "Per och SAM",
      },
      as: director,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().steps[1]).toMatchObject({
      key: "inventory",
      status: "done",
      startDate: "2025-02-01",
      doneDate: "2025-03-10",
      responsible: "Per och SAM",
      updatedBy: "Per Programansvarig",
    });
  });

  it("lets the collaboration office help, but not another programme's director", async () => {
    const ok = await t.request({
      method: "PUT",
      url: `${base()}/analysis?year=2025`,
      payload: { status: "in_progress" },
      as: coordinator,
    });
    expect(ok.statusCode).toBe(200);
    const no = await t.request({
      method: "PUT",
      url: `${base()}/analysis?year=2025`,
      payload: { status: "done" },
      as: otherDirector,
    });
    expect(no.statusCode).toBe(403);
  });

  it("rejects an unknown step or status and a done date before the start", async () => {
    const step = await t.request({
      method: "PUT",
      url: `${base()}/dansa?year=2025`,
      payload: { status: "done" },
      as: director,
    });
    expect(step.statusCode).toBe(422);
    const status = await t.request({
      method: "PUT",
      url: `${base()}/goals?year=2025`,
      payload: { status: "klar" },
      as: director,
    });
    expect(status.statusCode).toBe(422);
    expect(status.json().errors.status).toEqual(["Värdet är inte tillåtet."]);
    const dates = await t.request({
      method: "PUT",
      url: `${base()}/goals?year=2025`,
      payload: { status: "done", startDate: "2025-05-01", doneDate: "2025-04-01" },
      as: director,
    });
    expect(dates.statusCode).toBe(422);
    expect(dates.json().errors.doneDate).toEqual(["Klart-datum kan inte vara före startdatum."]);
    const missing = await t.request({
      method: "GET",
      url: "/api/compass/programmes/00000000-0000-4000-8000-000000000000/process",
      as: director,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe("GET /api/compass/my-programmes and /compare", () => {
  it("lists the director's own programmes", async () => {
    const res = await t.request({ method: "GET", url: "/api/compass/my-programmes", as: director });
    expect(res.json().items).toEqual([{ id: f.nursing, code: "HSJUG", name: "Sjuksköterskeprogrammet" }]);
    const none = await t.request({ method: "GET", url: "/api/compass/my-programmes", as: coordinator });
    expect(none.json().items).toEqual([]);
  });

  it("compares programmes side by side, needs two to eight, 404 for an unknown one", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/compass/compare?year=2024&programmeIds=${f.nursing},${f.socialWork}`,
      as: coordinator,
    });
    expect(res.statusCode).toBe(200);
    const [nursing, social] = res.json().programmes;
    expect(nursing.programmeCode).toBe("HSJUG");
    expect(social.dimensions.find((d: { key: string }) => d.key === "simulation").current).toBe(3);
    const one = await t.request({
      method: "GET",
      url: `/api/compass/compare?programmeIds=${f.nursing}`,
      as: coordinator,
    });
    expect(one.statusCode).toBe(422);
    expect(one.json().errors.programmeIds).toEqual(["Välj mellan 2 och 8 program att jämföra."]);
    const unknown = await t.request({
      method: "GET",
      url: `/api/compass/compare?programmeIds=${f.nursing},00000000-0000-4000-8000-000000000000`,
      as: coordinator,
    });
    expect(unknown.statusCode).toBe(404);
  });
});
