import { describe, expect, it } from "vitest";
import { findProgrammeIdByCode } from "../../src/server/modules/programmes/programmes.service.ts";
import { createTestApp, demo } from "../../src/server/test/harness.ts";
import { loadActivitiesDemo } from "./activities.ts";
import { HARNOSAND_COURSES, PROGRAMME } from "./names.ts";
import { loadOrganisationsDemo } from "./organisations.ts";
import { loadPeopleDemo } from "./people.ts";
import { loadProgrammesDemo } from "./programmes.ts";

// The demo steps in their order (users are loaded by the harness), run through the real services.
const t = await createTestApp({
  seed: async ({ db }) => {
    await loadOrganisationsDemo(db);
    await loadPeopleDemo(db);
    await loadProgrammesDemo(db);
    await loadActivitiesDemo(db);
  },
});
const partner = await t.login(demo.partner);

describe("programmes demo", () => {
  it("creates Mittuniversitetet's programmes owned by their faculties, with courses", async () => {
    const res = await t.request({ method: "GET", url: "/api/programmes?limit=100", as: partner });
    const items = res.json().items;
    expect(items).toHaveLength(Object.keys(PROGRAMME).length);
    const nursing = items.find((p: { code: string }) => p.code === "HSJUG");
    expect(nursing).toMatchObject({
      nameSv: "Sjuksköterskeprogrammet",
      credits: 180,
      organisation: { name: "Fakulteten för humanvetenskap (HUV)" },
      responsiblePerson: { name: "Per Programansvarig" },
    });
    expect(nursing.courses.map((c: { credits: number }) => c.credits)).toContain(7.5);
    expect(items.every((p: { courses: unknown[] }) => p.courses.length >= 2)).toBe(true);
  });

  it("has the eight Härnösand contract courses of seed 001, 27 hp in all", async () => {
    const orgs = await t.request({ method: "GET", url: "/api/courses?contract=true&limit=100", as: partner });
    const items = orgs.json().items;
    expect(items.map((c: { code: string }) => c.code).sort()).toEqual(
      HARNOSAND_COURSES.map((c) => c.code).sort(),
    );
    expect(items.reduce((sum: number, c: { credits: number }) => sum + c.credits, 0)).toBe(27);
    expect(
      items.every(
        (c: { clientOrganisation: { name: string } }) => c.clientOrganisation.name === "Härnösands kommun",
      ),
    ).toBe(true);
    expect(
      items.every((c: { organisation: { name: string } }) => c.organisation.name === "Mittuniversitetet"),
    ).toBe(true);
  });

  it("scopes the demo programme director to the nursing programme", async () => {
    const director = await t.login(demo.programmeDirector);
    const nursingId = await findProgrammeIdByCode(t.database.db, "HSJUG");
    const me = await t.request({ method: "GET", url: "/api/auth/me", as: director });
    expect(me.json().roles).toEqual([
      { role: "programme_director", scopeType: "programme", scopeId: nursingId },
    ]);
  });

  it("is idempotent: running the steps again adds nothing", async () => {
    const before = (await t.request({ method: "GET", url: "/api/courses?limit=500", as: partner })).json()
      .items.length;
    await loadProgrammesDemo(t.database.db);
    const after = (await t.request({ method: "GET", url: "/api/courses?limit=500", as: partner })).json()
      .items.length;
    expect(after).toBe(before);
  });
});

describe("activities demo", () => {
  it("records activities for 2023–2025 with every status", async () => {
    for (const status of ["done", "planned", "cancelled"]) {
      const res = await t.request({
        method: "GET",
        url: `/api/activities?status=${status}&limit=1`,
        as: partner,
      });
      expect(res.json().items).toHaveLength(1);
    }
    for (const year of [2023, 2024, 2025]) {
      const res = await t.request({
        method: "GET",
        url: `/api/activities?from=${year}-01-01&to=${year}-12-31&limit=500`,
        as: partner,
      });
      expect(res.json().items.length).toBeGreaterThan(20);
    }
  });

  it("makes nursing strong, tourism medium and journalism weak, so compasses differ", async () => {
    const db = t.database.db;
    const done = async (code: string) => {
      const programmeId = await findProgrammeIdByCode(db, code);
      const res = await t.request({
        method: "GET",
        url: `/api/activities?programmeId=${programmeId}&status=done&from=2025-01-01&to=2025-12-31&limit=500`,
        as: partner,
      });
      return res.json().items as {
        evaluated: boolean;
        typeKey: string;
        mandatory: boolean;
        partners: unknown[];
      }[];
    };
    const [nursing, tourism, journalism] = await Promise.all([done("HSJUG"), done("NTURG"), done("NJOUG")]);
    const evaluated = (list: { evaluated: boolean }[]) => list.filter((a) => a.evaluated).length;
    expect(nursing.length).toBeGreaterThan(tourism.length);
    expect(tourism.length).toBeGreaterThan(journalism.length);
    expect(evaluated(nursing)).toBeGreaterThan(evaluated(tourism));
    expect(evaluated(journalism)).toBe(0);
    expect(nursing.some((a) => a.typeKey === "vfu" && a.mandatory && a.partners.length > 0)).toBe(true);
    expect(nursing.some((a) => a.typeKey === "simulering")).toBe(true);
  });

  it("has SimChild in social work, Turism 2.0 in tourism and the mentor programme in engineering", async () => {
    for (const q of ["SimChild", "Turism 2.0", "Mentorprogram för civilingenjörsstudenter"]) {
      const res = await t.request({
        method: "GET",
        url: `/api/activities?q=${encodeURIComponent(q)}`,
        as: partner,
      });
      expect(res.json().items.length).toBeGreaterThanOrEqual(3);
    }
  });
});
