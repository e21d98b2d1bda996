import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { type CompassFixture, seedCompassFixture } from "./test/compass.fixture.ts";

let f: CompassFixture;
const t = await createTestApp({
  seed: async (database) => {
    f = await seedCompassFixture(database);
  },
});
let member: Session;
let director: Session;
beforeAll(async () => {
  member = await t.login(demo.groupMember);
  director = await t.login(demo.programmeDirector);
  await t.request({
    method: "PUT",
    url: `/api/compass/programmes/${f.nursing}/goals?year=2024`,
    payload: { goals: { placement: 4, simulation: 3 } },
    as: director,
  });
});

type Dim = { key: string; mean: number | null; distribution: number[]; meanGoal: number | null };
const byKey = (dims: Dim[]) => Object.fromEntries(dims.map((d) => [d.key, d]));

describe("GET /api/compass/units/:id", () => {
  it("aggregates a faculty over its own and its departments' programmes", async () => {
    const res = await t.request({ method: "GET", url: `/api/compass/units/${f.huv}?year=2024`, as: member });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.programmes).toBe(2);
    const dims = byKey(body.dimensions);
    // nursing simulation 2, social work (SimChild, mandatory) 3.
    expect(dims.simulation).toMatchObject({ mean: 2.5, distribution: [0, 0, 1, 1, 0], meanGoal: 3 });
    expect(dims.placement).toMatchObject({ mean: 2, distribution: [1, 0, 0, 0, 1], meanGoal: 4 });
    expect(dims.alumni).toMatchObject({ mean: 0, distribution: [2, 0, 0, 0, 0], meanGoal: null });
  });

  it("aggregates the whole university, mean with one decimal", async () => {
    const res = await t.request({ method: "GET", url: `/api/compass/units/${f.miun}?year=2024`, as: member });
    const body = res.json();
    expect(body.programmes).toBe(4);
    const dims = byKey(body.dimensions);
    expect(dims.projects).toMatchObject({ mean: 0.3, distribution: [3, 1, 0, 0, 0] });
    expect(dims.entrepreneurship).toMatchObject({ mean: 0.5, distribution: [2, 2, 0, 0, 0] });
    for (const d of body.dimensions as Dim[]) expect(d.distribution.reduce((s, n) => s + n, 0)).toBe(4);
  });

  it("answers 404 for an unknown unit, 422 for a bad id or year, 401 for the public", async () => {
    expect(
      (
        await t.request({
          method: "GET",
          url: "/api/compass/units/00000000-0000-4000-8000-000000000000",
          as: member,
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request({ method: "GET", url: "/api/compass/units/abc", as: member })).statusCode).toBe(
      422,
    );
    expect(
      (await t.request({ method: "GET", url: `/api/compass/units/${f.miun}?year=1800`, as: member }))
        .statusCode,
    ).toBe(422);
    expect((await t.request({ method: "GET", url: `/api/compass/units/${f.miun}` })).statusCode).toBe(401);
  });
});

describe("heat-map, trend, units and years", () => {
  it("gives every programme × dimension with goals", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/compass/units/${f.miun}/heatmap?year=2024`,
      as: member,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.dimensions).toHaveLength(8);
    // Swedish name order.
    expect(body.rows.map((r: { code: string }) => r.code)).toEqual(["HSJUG", "NSKOG", "HSOCG", "NTURG"]);
    const nursing = body.rows.find((r: { code: string }) => r.code === "HSJUG");
    expect(nursing).toMatchObject({
      organisationName: "Institutionen för hälsovetenskaper",
      levels: { placement: 4, simulation: 2, alumni: 0 },
      goals: { placement: 4, simulation: 3, alumni: null },
    });
    expect(
      (
        await t.request({
          method: "GET",
          url: "/api/compass/units/00000000-0000-4000-8000-000000000000/heatmap",
          as: member,
        })
      ).statusCode,
    ).toBe(404);
  });

  it("gives the mean per dimension and year", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/compass/units/${f.huv}/trend?from=2023&to=2024`,
      as: member,
    });
    expect(res.statusCode).toBe(200);
    const years = res.json().years as { year: number; means: Record<string, number> }[];
    expect(years.map((y) => [y.year, y.means.placement])).toEqual([
      [2023, 1.5],
      [2024, 2],
    ]);
    const reversed = await t.request({
      method: "GET",
      url: `/api/compass/units/${f.huv}/trend?from=2024&to=2020`,
      as: member,
    });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors.from).toEqual(["Startåret kan inte vara efter slutåret."]);
    const tooLong = await t.request({
      method: "GET",
      url: `/api/compass/units/${f.huv}/trend?from=2000&to=2024`,
      as: member,
    });
    expect(tooLong.statusCode).toBe(422);
    expect(
      (
        await t.request({
          method: "GET",
          url: "/api/compass/units/00000000-0000-4000-8000-000000000000/trend",
          as: member,
        })
      ).statusCode,
    ).toBe(404);
  });

  it("lists the units that own programmes, with counts", async () => {
    const res = await t.request({ method: "GET", url: "/api/compass/units", as: member });
    expect(res.statusCode).toBe(200);
    const counts = Object.fromEntries(
      res.json().items.map((u: { id: string; programmes: number }) => [u.id, u.programmes]),
    );
    expect(counts).toEqual({ [f.miun]: 4, [f.huv]: 2, [f.hv]: 1, [f.nmt]: 2 });
    expect((await t.request({ method: "GET", url: "/api/compass/units" })).statusCode).toBe(401);
  });

  it("tells which years have data", async () => {
    const res = await t.request({ method: "GET", url: "/api/compass/years", as: member });
    expect(res.statusCode).toBe(200);
    expect(res.json().latestWithData).toBe(2024);
    expect(res.json().years[0]).toBe(2023);
  });
});
