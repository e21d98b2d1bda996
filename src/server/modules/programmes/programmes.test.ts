import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { registerFixture } from "./test/registers.fixture.ts";

const fixture = registerFixture();
const t = await createTestApp({ seed: fixture.seed });
const ids = fixture.ids;
const missing = "00000000-0000-4000-8000-000000000001";

const [coordinator, director, partner, groupMember, admin] = await Promise.all([
  t.login(demo.coordinator),
  t.login(demo.programmeDirector),
  t.login(demo.partner),
  t.login(demo.groupMember),
  t.login(demo.admin),
]);

describe("GET /api/programmes", () => {
  it("lists programmes in Swedish order with owning unit, courses and credits", async () => {
    await t.request({
      method: "POST",
      url: "/api/programmes",
      as: coordinator,
      payload: { code: "HAMLA", nameSv: "Ämneslärarprogrammet", credits: 300, level: "avancerad" },
    });
    const res = await t.request({ method: "GET", url: "/api/programmes", as: partner });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((p: { nameSv: string }) => p.nameSv);
    // Ä sorts after T in Swedish (and would sort before S in a naive byte order of "A").
    expect(names).toEqual(["Sjuksköterskeprogrammet", "Turismprogrammet", "Ämneslärarprogrammet"]);
    const nursing = res.json().items[0];
    expect(nursing).toMatchObject({
      code: "HSJUG",
      credits: 180,
      organisation: { name: "Fakulteten för humanvetenskap (HUV)" },
      courses: [{ code: "OM041G", credits: 7.5 }],
      abilities: { update: false, delete: false },
    });
  });

  it("pages with a cursor and filters by unit, level and search", async () => {
    const first = await t.request({ method: "GET", url: "/api/programmes?limit=2", as: partner });
    expect(first.json().items).toHaveLength(2);
    const second = await t.request({
      method: "GET",
      url: `/api/programmes?limit=2&cursor=${first.json().nextCursor}`,
      as: partner,
    });
    expect(second.json().items.map((p: { code: string }) => p.code)).toEqual(["HAMLA"]);
    expect(second.json().nextCursor).toBeNull();

    const byUnit = await t.request({
      method: "GET",
      url: `/api/programmes?organisationId=${ids.org.nmt}`,
      as: partner,
    });
    expect(byUnit.json().items.map((p: { code: string }) => p.code)).toEqual(["NTURG"]);
    const byLevel = await t.request({ method: "GET", url: "/api/programmes?level=avancerad", as: partner });
    expect(byLevel.json().items.map((p: { code: string }) => p.code)).toEqual(["HAMLA"]);
    const search = await t.request({ method: "GET", url: "/api/programmes?q=sjuksk", as: groupMember });
    expect(search.json().items.map((p: { code: string }) => p.code)).toEqual(["HSJUG"]);
  });

  it("answers the public with 401 and a bad filter with 422", async () => {
    expect((await t.request({ method: "GET", url: "/api/programmes" })).statusCode).toBe(401);
    const bad = await t.request({ method: "GET", url: "/api/programmes?level=master", as: partner });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.level).toEqual(["Välj grundnivå, avancerad nivå eller forskarnivå."]);
  });
});

describe("POST /api/programmes", () => {
  it("creates a programme with courses, upper-cases the code and records it in the audit log", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/programmes",
      as: coordinator,
      payload: {
        code: "hsocg",
        nameSv: "Socionomprogrammet",
        nameEn: "Social Work Programme",
        credits: 210,
        level: "grundniva",
        organisationId: ids.org.huv,
        responsiblePersonId: ids.personId,
        courseIds: [ids.nursingCourse],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: "HSOCG",
      credits: 210,
      responsiblePerson: { name: "Karin Lärare" },
      courses: [{ id: ids.nursingCourse }],
      abilities: { update: true, delete: true },
    });
    const audit = await t.request({
      method: "GET",
      url: `/api/admin/audit?entityType=programme&entityId=${res.json().id}`,
      as: admin,
    });
    expect(audit.json().items[0]).toMatchObject({
      action: "programme.create",
      actorLabel: expect.stringContaining("Sara"),
    });
  });

  it("answers bad input with 422 and Swedish messages per field", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/programmes",
      as: coordinator,
      payload: { code: "D", nameSv: " ", credits: 7.25 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({
      code: ["Ange en kod med 2–12 bokstäver (A–Z) och siffror, t.ex. DD1321."],
      nameSv: ["Fältet måste fyllas i."],
      credits: ["Ange högskolepoäng med högst en decimal, t.ex. 7,5."],
    });
    const zero = await t.request({
      method: "POST",
      url: "/api/programmes",
      as: coordinator,
      payload: { code: "ABCDE", nameSv: "Noll", credits: 0 },
    });
    expect(zero.json().errors.credits).toEqual(["Högskolepoängen måste vara större än 0."]);
  });

  it("refuses a duplicate code and unknown linked ids with 422 on the field", async () => {
    const dup = await t.request({
      method: "POST",
      url: "/api/programmes",
      as: coordinator,
      payload: { code: "hsjug", nameSv: "Ett annat program" },
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().errors).toEqual({ code: ["Koden HSJUG används redan."] });
    const unknown = await t.request({
      method: "POST",
      url: "/api/programmes",
      as: coordinator,
      payload: { code: "NYTT1", nameSv: "Nytt", organisationId: missing, courseIds: [] },
    });
    expect(unknown.json().errors).toEqual({ organisationId: ["Organisationen finns inte."] });
    const unknownCourse = await t.request({
      method: "POST",
      url: "/api/programmes",
      as: coordinator,
      payload: { code: "NYTT1", nameSv: "Nytt", courseIds: [missing] },
    });
    expect(unknownCourse.json().errors).toEqual({ courseIds: ["En eller flera av kurserna finns inte."] });
  });

  it("lets only administrators and coordinators create programmes", async () => {
    for (const as of [director, partner, groupMember]) {
      const res = await t.request({
        method: "POST",
        url: "/api/programmes",
        as,
        payload: { code: "XYZAB", nameSv: "Otillåtet" },
      });
      expect(res.statusCode).toBe(403);
    }
    const anon = await t.request({
      method: "POST",
      url: "/api/programmes",
      payload: { code: "XYZAB", nameSv: "x" },
    });
    expect(anon.statusCode).toBe(401);
  });
});

describe("GET/PATCH /api/programmes/{id}", () => {
  it("shows one programme, 404 for an unknown id and 422 for a malformed one", async () => {
    const res = await t.request({ method: "GET", url: `/api/programmes/${ids.nursing}`, as: director });
    expect(res.json()).toMatchObject({ code: "HSJUG", abilities: { update: true, delete: false } });
    const gone = await t.request({ method: "GET", url: `/api/programmes/${missing}`, as: director });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().detail).toBe("Det du sökte finns inte, eller så saknar du behörighet att se det.");
    expect((await t.request({ method: "GET", url: "/api/programmes/abc", as: director })).statusCode).toBe(
      422,
    );
  });

  it("lets the programme director update their own programme", async () => {
    const res = await t.request({
      method: "PATCH",
      url: `/api/programmes/${ids.nursing}`,
      as: director,
      payload: { nameEn: "Programme in Nursing", credits: 180 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nameEn: "Programme in Nursing", nameSv: "Sjuksköterskeprogrammet" });
  });

  it("answers a programme director of another programme with 403 on PATCH", async () => {
    const res = await t.request({
      method: "PATCH",
      url: `/api/programmes/${ids.tourism}`,
      as: director,
      payload: { nameEn: "Tourism" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe("Du har inte behörighet att göra detta.");
    const after = await t.request({ method: "GET", url: `/api/programmes/${ids.tourism}`, as: director });
    expect(after.json().nameEn).toBeNull();
  });

  it("validates a PATCH (422), refuses a taken code, and answers 404 for an unknown programme", async () => {
    const bad = await t.request({
      method: "PATCH",
      url: `/api/programmes/${ids.tourism}`,
      as: coordinator,
      payload: { credits: -5, bogus: 1 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.credits).toEqual(["Högskolepoängen måste vara större än 0."]);
    const taken = await t.request({
      method: "PATCH",
      url: `/api/programmes/${ids.tourism}`,
      as: coordinator,
      payload: { code: "HSJUG" },
    });
    expect(taken.json().errors).toEqual({ code: ["Koden HSJUG används redan."] });
    const gone = await t.request({
      method: "PATCH",
      url: `/api/programmes/${missing}`,
      as: coordinator,
      payload: { nameEn: "x" },
    });
    expect(gone.statusCode).toBe(404);
  });
});

describe("DELETE /api/programmes/{id} and its impact", () => {
  it("tells what deleting would affect, deletes, and removes directors' scopes", async () => {
    const created = await t.request({
      method: "POST",
      url: "/api/programmes",
      as: coordinator,
      payload: {
        code: "TBORT",
        nameSv: "Program att ta bort",
        courseIds: [ids.nursingCourse, ids.tourismCourse],
      },
    });
    const id = created.json().id;
    const impact = await t.request({ method: "GET", url: `/api/programmes/${id}/impact`, as: coordinator });
    expect(impact.statusCode).toBe(200);
    expect(impact.json().effects).toEqual([
      { kind: "courseLinks", count: 2, text: "2 kurser kopplas bort från programmet (kurserna finns kvar)." },
    ]);
    expect(
      (await t.request({ method: "DELETE", url: `/api/programmes/${id}`, as: director })).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: "DELETE", url: `/api/programmes/${id}`, as: coordinator })).statusCode,
    ).toBe(204);
    expect(
      (await t.request({ method: "GET", url: `/api/programmes/${id}`, as: coordinator })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/courses/${ids.tourismCourse}`, as: coordinator }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.request({ method: "DELETE", url: `/api/programmes/${id}`, as: coordinator })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/programmes/${id}/impact`, as: coordinator })).statusCode,
    ).toBe(404);
  });

  it("counts the programme directors who would lose their scope", async () => {
    const impact = await t.request({
      method: "GET",
      url: `/api/programmes/${ids.nursing}/impact`,
      as: coordinator,
    });
    expect(impact.json().effects).toContainEqual({
      kind: "directorScopes",
      count: 1,
      text: "1 programansvarig förlorar sin behörighet för programmet.",
    });
  });
});
