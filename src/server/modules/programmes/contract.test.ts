import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";

// Issue 15, item 6: the public contract of earlier issues — programmes and courses take `name` (Swedish)
// and `nameEn`, `nameSv` stays as an alias; an unknown field is reported under its own name.
const t = await createTestApp();
const coordinator = await t.login(demo.coordinator);

async function create(url: string, payload: Record<string, unknown>) {
  return t.request({ method: "POST", url, as: coordinator, payload });
}

describe("POST /api/programmes with the contract's names", () => {
  it("takes name and nameEn, and a GET shows them under name, nameSv and nameEn", async () => {
    const res = await create("/api/programmes", {
      code: "HSOCG",
      name: "Socionomprogrammet",
      nameEn: "Social Work Programme",
      credits: 210,
    });
    expect(res.statusCode).toBe(201);
    const got = await t.request({ method: "GET", url: `/api/programmes/${res.json().id}`, as: coordinator });
    expect(got.json()).toMatchObject({
      code: "HSOCG",
      name: "Socionomprogrammet",
      nameSv: "Socionomprogrammet",
      nameEn: "Social Work Programme",
    });
    const listed = await t.request({ method: "GET", url: "/api/programmes?q=socionom", as: coordinator });
    expect(listed.json().items.map((p: { name: string }) => p.name)).toEqual(["Socionomprogrammet"]);
  });

  it("still takes nameSv alone, and both when they agree", async () => {
    const alias = await create("/api/programmes", { code: "HAMLA", nameSv: "Ämneslärarprogrammet" });
    expect(alias.statusCode).toBe(201);
    expect(alias.json().name).toBe("Ämneslärarprogrammet");
    const both = await create("/api/programmes", {
      code: "HTURG",
      name: "Turismprogrammet",
      nameSv: "Turismprogrammet",
    });
    expect(both.statusCode).toBe(201);
  });

  it("answers 422 naming the field: differing names, no name, an unknown field", async () => {
    const differ = await create("/api/programmes", { code: "HXXXA", name: "Ett", nameSv: "Ett annat" });
    expect(differ.statusCode).toBe(422);
    expect(differ.json().errors).toEqual({
      nameSv: ["name och nameSv är samma fält (det svenska namnet) men har olika värden."],
    });
    const none = await create("/api/programmes", { code: "HXXXB" });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors).toEqual({ name: ["Fältet måste fyllas i."] });
    const bogus = await create("/api/programmes", { name: "X", bogus: 1 });
    expect(bogus.statusCode).toBe(422);
    expect(bogus.headers["content-type"]).toContain("application/problem+json");
    expect(bogus.json().errors.bogus).toEqual(["Okänt fält."]);
    expect(bogus.json().errors._).toBeUndefined();
  });

  it("renames with name in a PATCH", async () => {
    const created = await create("/api/programmes", { code: "HPATA", name: "Gammalt namn" });
    const id = created.json().id;
    const res = await t.request({
      method: "PATCH",
      url: `/api/programmes/${id}`,
      as: coordinator,
      payload: { name: "Nytt namn", nameEn: "New name" },
    });
    expect(res.statusCode).toBe(200);
    const got = await t.request({ method: "GET", url: `/api/programmes/${id}`, as: coordinator });
    expect(got.json()).toMatchObject({ name: "Nytt namn", nameSv: "Nytt namn", nameEn: "New name" });
    const clash = await t.request({
      method: "PATCH",
      url: `/api/programmes/${id}`,
      as: coordinator,
      payload: { name: "A", nameSv: "B" },
    });
    expect(clash.statusCode).toBe(422);
    expect(Object.keys(clash.json().errors)).toEqual(["nameSv"]);
  });
});

describe("POST /api/courses with the contract's names", () => {
  it("takes name and nameEn, and a GET shows them", async () => {
    const res = await create("/api/courses", {
      code: "OM045G",
      name: "Omvårdnadens grunder",
      nameEn: "Foundations of Nursing",
      credits: 7.5,
    });
    expect(res.statusCode).toBe(201);
    const got = await t.request({ method: "GET", url: `/api/courses/${res.json().id}`, as: coordinator });
    expect(got.json()).toMatchObject({
      name: "Omvårdnadens grunder",
      nameSv: "Omvårdnadens grunder",
      nameEn: "Foundations of Nursing",
      credits: 7.5,
    });
    const patched = await t.request({
      method: "PATCH",
      url: `/api/courses/${res.json().id}`,
      as: coordinator,
      payload: { name: "Omvårdnad 1" },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: "Omvårdnad 1", nameSv: "Omvårdnad 1" });
  });

  it("answers 422 for differing names and keeps the contract-course rule", async () => {
    const differ = await create("/api/courses", { code: "OM046G", name: "A", nameSv: "B", credits: 5 });
    expect(differ.statusCode).toBe(422);
    expect(Object.keys(differ.json().errors)).toEqual(["nameSv"]);
    const noClient = await create("/api/courses", {
      code: "UP001A",
      name: "Uppdrag",
      credits: 5,
      contract: true,
    });
    expect(noClient.statusCode).toBe(422);
    expect(noClient.json().errors.clientOrganisationId).toEqual([
      "En uppdragsutbildning behöver en uppdragsgivare.",
    ]);
    const alias = await create("/api/courses", { code: "OM047G", nameSv: "Etik", credits: 3 });
    expect(alias.statusCode).toBe(201);
    expect(alias.json().name).toBe("Etik");
  });
});
