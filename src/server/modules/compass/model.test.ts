import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { defaultDimensions } from "./model.defaults.ts";
import { type CompassFixture, otherDirectorEmail, seedCompassFixture } from "./test/compass.fixture.ts";

let f: CompassFixture;
const t = await createTestApp({
  seed: async (database) => {
    f = await seedCompassFixture(database);
  },
});
let admin: Session;
let coordinator: Session;
let director: Session;
let otherDirector: Session;
beforeAll(async () => {
  admin = await t.login(demo.admin);
  coordinator = await t.login(demo.coordinator);
  director = await t.login(demo.programmeDirector);
  otherDirector = await t.login(otherDirectorEmail);
});

/** Version 2: programme councils need four meetings for level 2 (nursing had three in 2024). */
const stricter = () => ({
  note: "Programråd: minst fyra möten för nivå 2",
  dimensions: defaultDimensions.map((d) =>
    d.key === "governance" ? { ...d, thresholds: { minCourses: 2, minCount: 4 } } : d,
  ),
});

const governanceOf = (body: { dimensions: { key: string; current: number }[] }) =>
  body.dimensions.find((d) => d.key === "governance")!.current;

describe("GET /api/compass/model", () => {
  it("has the issue's eight dimensions and the activity types that feed each", async () => {
    const res = await t.request({ method: "GET", url: "/api/compass/model", as: director });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.version).toBe(1);
    expect(body.period).toBe("calendar");
    expect(
      body.dimensions.map((d: { key: string; label: string; activityTypes: string[] }) => [
        d.key,
        d.label,
        d.activityTypes,
      ]),
    ).toEqual([
      ["placement", "Praktik och VFU", ["praktik", "vfu"]],
      ["projects", "Projekt och uppdrag med arbetslivet", ["foretagsprojekt", "examensarbete"]],
      ["encounters", "Möten med arbetslivet", ["gastforelasning", "studiebesok", "mingel", "branschdag"]],
      ["governance", "Arbetslivet i utbildningens utveckling", ["programrad"]],
      ["simulation", "Simulering och verklighetsnära lärande", ["simulering"]],
      ["career", "Mentorskap och karriär", ["mentorprogram", "karriarcoachning"]],
      ["entrepreneurship", "Entreprenörskap och innovation", ["entreprenorskap"]],
      ["alumni", "Alumner", ["alumnmedverkan"]],
    ]);
    expect(body.dimensions[0].levels).toHaveLength(5);
  });

  it("answers 401 without a session and 404 for a version that does not exist", async () => {
    expect((await t.request({ method: "GET", url: "/api/compass/model" })).statusCode).toBe(401);
    const missing = await t.request({ method: "GET", url: "/api/compass/model?version=99", as: director });
    expect(missing.statusCode).toBe(404);
    const bad = await t.request({ method: "GET", url: "/api/compass/model?version=noll", as: director });
    expect(bad.statusCode).toBe(422);
  });
});

describe("model versions", () => {
  it("keeps a computed year on its version when an administrator publishes a new one", async () => {
    // Nursing 2024 is computed (and so pinned to version 1) before the model changes.
    const before = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}?year=2024`,
      as: director,
    });
    expect(before.json().modelVersion).toBe(1);
    expect(governanceOf(before.json())).toBe(2);

    const published = await t.request({
      method: "POST",
      url: "/api/compass/model/versions",
      payload: stricter(),
      as: admin,
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ version: 2, note: "Programråd: minst fyra möten för nivå 2" });
    const latest = await t.request({ method: "GET", url: "/api/compass/model", as: director });
    expect(latest.json().version).toBe(2);
    const old = await t.request({ method: "GET", url: "/api/compass/model?version=1", as: director });
    expect(
      old.json().dimensions.find((d: { key: string }) => d.key === "governance").thresholds.minCount,
    ).toBe(3);

    const after = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}?year=2024`,
      as: director,
    });
    expect(after.json()).toMatchObject({ modelVersion: 1, latestModelVersion: 2 });
    expect(governanceOf(after.json())).toBe(2);

    // A year never computed before takes the latest version.
    const fresh = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}?year=2022`,
      as: director,
    });
    expect(fresh.json().modelVersion).toBe(2);
  });

  it("recomputes a year on request with the latest version", async () => {
    const res = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/recompute?year=2024`,
      as: director,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ modelVersion: 2, latestModelVersion: 2 });
    expect(governanceOf(res.json())).toBe(1);
  });

  it("lists every version, oldest first", async () => {
    const res = await t.request({ method: "GET", url: "/api/compass/model/versions", as: coordinator });
    expect(res.json().items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it("lets only administrators publish (403), and only directors of the programme recompute", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/compass/model/versions",
      payload: stricter(),
      as: coordinator,
    });
    expect(res.statusCode).toBe(403);
    const other = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/recompute?year=2024`,
      as: otherDirector,
    });
    expect(other.statusCode).toBe(403);
    const missing = await t.request({
      method: "POST",
      url: "/api/compass/programmes/00000000-0000-4000-8000-000000000000/recompute?year=2024",
      as: admin,
    });
    expect(missing.statusCode).toBe(404);
    const badYear = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/recompute?year=abc`,
      as: director,
    });
    expect(badYear.statusCode).toBe(422);
  });

  it("rejects duplicate keys, missing level texts and unknown activity types with 422", async () => {
    const dims = defaultDimensions.slice(0, 2);
    const duplicate = await t.request({
      method: "POST",
      url: "/api/compass/model/versions",
      payload: { dimensions: [dims[0], { ...dims[1], key: dims[0].key }] },
      as: admin,
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json().errors["dimensions.1.key"]).toEqual([
      "Två dimensioner kan inte ha samma nyckel.",
    ]);
    const levels = await t.request({
      method: "POST",
      url: "/api/compass/model/versions",
      payload: { dimensions: [{ ...dims[0], levelsSv: ["a", "b"] }] },
      as: admin,
    });
    expect(levels.statusCode).toBe(422);
    expect(levels.json().errors["dimensions.0.levelsSv"]).toEqual(["Beskriv alla fem nivåerna 0–4."]);
    const types = await t.request({
      method: "POST",
      url: "/api/compass/model/versions",
      payload: { dimensions: [{ ...dims[0], activityTypes: ["vfu", "dans"] }] },
      as: admin,
    });
    expect(types.statusCode).toBe(422);
    expect(types.json().errors["dimensions.0.activityTypes"]).toEqual([
      "Aktivitetstypen finns inte i katalogen.",
    ]);
  });
});

describe("OpenAPI", () => {
  it("documents the compass routes with their schemas", async () => {
    const res = await t.request({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const path of [
      "/api/compass/model",
      "/api/compass/programmes/{programmeId}",
      "/api/compass/programmes/{programmeId}/goals",
      "/api/compass/units/{organisationId}",
      "/api/compass/units/{organisationId}/heatmap.xlsx",
    ])
      expect(paths).toContain(path);
  });
});
