import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { registerFixture } from "./test/registers.fixture.ts";

const fixture = registerFixture();
const t = await createTestApp({ seed: fixture.seed });
const ids = fixture.ids;
const missing = "00000000-0000-4000-8000-000000000001";

const [coordinator, director, partner] = await Promise.all([
  t.login(demo.coordinator),
  t.login(demo.programmeDirector),
  t.login(demo.partner),
]);

const codes = (res: { json(): { items: { code: string }[] } }) => res.json().items.map((c) => c.code);

describe("POST /api/courses", () => {
  it("creates a course of 7.5 credits linked to a programme, shown on the programme", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/courses",
      as: coordinator,
      payload: {
        code: "om045g",
        nameSv: "Omvårdnad vid akut sjukdom",
        nameEn: "Nursing in acute illness",
        credits: 7.5,
        level: "grundniva",
        organisationId: ids.org.huv,
        programmeIds: [ids.nursing],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: "OM045G",
      credits: 7.5,
      contract: false,
      clientOrganisation: null,
      programmes: [{ code: "HSJUG" }],
    });
    const programme = await t.request({ method: "GET", url: `/api/programmes/${ids.nursing}`, as: partner });
    expect(programme.json().courses.map((c: { code: string }) => c.code)).toContain("OM045G");
  });

  it("creates a contract course for a client organisation", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/courses",
      as: coordinator,
      payload: {
        code: "PS003U",
        nameSv: "Samtalsmetodik",
        credits: 3,
        organisationId: ids.org.miun,
        contract: true,
        clientOrganisationId: ids.org.harnosand,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ contract: true, clientOrganisation: { name: "Härnösands kommun" } });
  });

  it("requires a client for a contract course and credits with one decimal (422, Swedish)", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/courses",
      as: coordinator,
      payload: { code: "PS004U", nameSv: "Stress", credits: 2.75, contract: true },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({
      credits: ["Ange högskolepoäng med högst en decimal, t.ex. 7,5."],
      clientOrganisationId: ["En uppdragsutbildning behöver en uppdragsgivare."],
    });
    const noCredits = await t.request({
      method: "POST",
      url: "/api/courses",
      as: coordinator,
      payload: { code: "PS004U", nameSv: "Stress" },
    });
    expect(noCredits.json().errors).toEqual({ credits: ["Ange högskolepoäng som ett tal, t.ex. 7,5."] });
  });

  it("refuses unknown programmes and a taken code", async () => {
    const unknown = await t.request({
      method: "POST",
      url: "/api/courses",
      as: coordinator,
      payload: { code: "XX001G", nameSv: "Kurs", credits: 15, programmeIds: [missing] },
    });
    expect(unknown.json().errors).toEqual({ programmeIds: ["Ett eller flera av programmen finns inte."] });
    const taken = await t.request({
      method: "POST",
      url: "/api/courses",
      as: coordinator,
      payload: { code: "OM041G", nameSv: "Kurs", credits: 15 },
    });
    expect(taken.json().errors).toEqual({ code: ["Koden OM041G används redan."] });
  });

  it("is for administrators and coordinators only", async () => {
    for (const as of [director, partner]) {
      const res = await t.request({
        method: "POST",
        url: "/api/courses",
        as,
        payload: { code: "XX002G", nameSv: "Kurs", credits: 15 },
      });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe("GET /api/courses", () => {
  it("filters by programme, contract and client", async () => {
    const byProgramme = await t.request({
      method: "GET",
      url: `/api/courses?programmeId=${ids.tourism}`,
      as: partner,
    });
    expect(codes(byProgramme)).toEqual(["TU016G"]);
    const contract = await t.request({ method: "GET", url: "/api/courses?contract=true", as: partner });
    expect(codes(contract)).toEqual(["PS003U"]);
    const regular = await t.request({ method: "GET", url: "/api/courses?contract=false", as: partner });
    expect(codes(regular)).not.toContain("PS003U");
    const client = await t.request({
      method: "GET",
      url: `/api/courses?clientOrganisationId=${ids.org.harnosand}`,
      as: partner,
    });
    expect(codes(client)).toEqual(["PS003U"]);
    const search = await t.request({ method: "GET", url: "/api/courses?q=destination", as: partner });
    expect(codes(search)).toEqual(["TU016G"]);
  });

  it("sorts by Swedish name and answers 401 to the public, 422 to a bad filter", async () => {
    const res = await t.request({ method: "GET", url: "/api/courses", as: partner });
    const names = res.json().items.map((c: { nameSv: string }) => c.nameSv);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, "sv")));
    expect((await t.request({ method: "GET", url: "/api/courses" })).statusCode).toBe(401);
    const bad = await t.request({ method: "GET", url: "/api/courses?contract=kanske", as: partner });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.contract).toEqual(["Värdet är inte tillåtet."]);
  });
});

describe("PATCH/DELETE /api/courses/{id}", () => {
  it("checks the contract rule on the course as it will be", async () => {
    const res = await t.request({
      method: "PATCH",
      url: `/api/courses/${ids.tourismCourse}`,
      as: coordinator,
      payload: { clientOrganisationId: ids.org.region },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({
      clientOrganisationId: ["Bara uppdragsutbildningar har en uppdragsgivare."],
    });
    const ok = await t.request({
      method: "PATCH",
      url: `/api/courses/${ids.tourismCourse}`,
      as: coordinator,
      payload: { credits: 7.5, programmeIds: [ids.tourism, ids.nursing] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ credits: 7.5, programmes: [{ code: "HSJUG" }, { code: "NTURG" }] });
  });

  it("answers 403 to a programme director and 404 for an unknown course", async () => {
    const res = await t.request({
      method: "PATCH",
      url: `/api/courses/${ids.nursingCourse}`,
      as: director,
      payload: { credits: 15 },
    });
    expect(res.statusCode).toBe(403);
    const gone = await t.request({ method: "GET", url: `/api/courses/${missing}`, as: director });
    expect(gone.statusCode).toBe(404);
  });

  it("tells what deleting would affect, then deletes", async () => {
    const impact = await t.request({
      method: "GET",
      url: `/api/courses/${ids.tourismCourse}/impact`,
      as: partner,
    });
    expect(impact.json().effects).toEqual([
      { kind: "programmeLinks", count: 2, text: "Kursen tas bort från 2 program." },
    ]);
    const english = await t.request({
      method: "GET",
      url: `/api/courses/${ids.tourismCourse}/impact`,
      as: partner,
      headers: { "accept-language": "en" },
    });
    expect(english.json().effects[0].text).toBe("The course is removed from 2 programmes.");
    expect(
      (await t.request({ method: "DELETE", url: `/api/courses/${ids.tourismCourse}`, as: partner }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: "DELETE", url: `/api/courses/${ids.tourismCourse}`, as: coordinator }))
        .statusCode,
    ).toBe(204);
    const programme = await t.request({ method: "GET", url: `/api/programmes/${ids.tourism}`, as: partner });
    expect(programme.json().courses).toEqual([]);
    expect(
      (await t.request({ method: "DELETE", url: `/api/courses/${missing}`, as: coordinator })).statusCode,
    ).toBe(404);
  });
});
