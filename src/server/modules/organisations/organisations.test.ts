import { describe, expect, it } from "vitest";
import { loadOrganisationsDemo } from "../../../../demo/registers/organisations.ts";
import { loadPeopleDemo } from "../../../../demo/registers/people.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { activities, activityOrganisations, activityTypes } from "../activities/activities.schema.ts";
import { courses, programmes } from "../programmes/programmes.schema.ts";

const t = await createTestApp({
  seed: async ({ db }) => {
    await loadOrganisationsDemo(db);
    await loadPeopleDemo(db);
  },
});
const coordinator = await t.login(demo.coordinator);
const partner = await t.login(demo.partner);
const groupMember = await t.login(demo.groupMember);
const missing = "00000000-0000-4000-8000-000000000000";

async function list(query: string, as: Session = coordinator) {
  const res = await t.request({ method: "GET", url: `/api/organisations?${query}`, as });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    items: { id: string; name: string; [k: string]: unknown }[];
    nextCursor: string | null;
  };
}

async function idOf(name: string) {
  const { items } = await list(`q=${encodeURIComponent(name)}&limit=50`);
  const found = items.find((o) => o.name === name);
  if (!found) throw new Error(`no organisation ${name}`);
  return found.id;
}

const create = (payload: Record<string, unknown>, as: Session = coordinator) =>
  t.request({ method: "POST", url: "/api/organisations", payload, as });

describe("GET /api/organisations", () => {
  it("answers the public with 401", async () => {
    const res = await t.request({ method: "GET", url: "/api/organisations" });
    expect(res.statusCode).toBe(401);
  });

  it("filters by type and tag, in Swedish order (Å, Ä, Ö after Z)", async () => {
    const { items, nextCursor } = await list("type=kommun&tag=LC-KOMP&limit=100");
    expect(items).toHaveLength(14);
    expect(nextCursor).toBeNull();
    expect(items.map((o) => o.name).slice(-3)).toEqual([
      "Åtvidabergs kommun",
      "Örebro kommun",
      "Östhammars kommun",
    ]);
  });

  it("finds LC-KOMP's 17 organisations and the 22 municipalities they cover", async () => {
    const participants = (await list("tag=LC-KOMP&limit=100")).items;
    expect(participants).toHaveLength(17);
    const unions = participants.filter((o) => o.type === "kommunalforbund");
    let municipalities = participants.length - unions.length;
    for (const union of unions)
      municipalities += (await list(`parentId=${union.id}&type=kommun`)).items.length;
    expect(municipalities).toBe(22);
  });

  it("accepts the type in Swedish with diacritics and filters by county and municipality code", async () => {
    expect((await list("type=l%C3%A4ros%C3%A4te")).items.map((o) => o.name)).toContain("Mittuniversitetet");
    const sala = await list("municipalityCode=1981");
    expect(sala.items.map((o) => o.name)).toEqual(["Sala kommun"]);
    const uppsala = await list(`county=${encodeURIComponent("Uppsala län")}&type=kommun`);
    expect(uppsala.items.map((o) => o.name)).toEqual(["Tierps kommun", "Östhammars kommun"]);
  });

  it("searches by substring, without diacritics and with a typo", async () => {
    expect((await list("q=miun")).items.map((o) => o.name)).toEqual([
      "Miun Alumni",
      "MIUN Innovation",
      "Miun Karriär",
    ]);
    expect((await list("q=harnosand")).items.map((o) => o.name)).toContain("Härnösands kommun");
    expect((await list(`q=${encodeURIComponent("Härnösand kommun")}`)).items.map((o) => o.name)).toContain(
      "Härnösands kommun",
    );
  });

  it("pages with a cursor through the same order as one big page, in both directions of sort", async () => {
    for (const sort of ["name", "-name", "-createdAt"]) {
      const whole = (await list(`sort=${sort}&limit=500`)).items.map((o) => o.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await list(`sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
        paged.push(...res.items.map((o) => o.id));
        cursor = res.nextCursor;
      } while (cursor);
      expect(paged).toEqual(whole);
    }
  });

  it("rejects a bad cursor and an unknown type with 422", async () => {
    const res = await t.request({
      method: "GET",
      url: "/api/organisations?cursor=x&type=kyrka",
      as: coordinator,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.type).toEqual(["Välj en av organisationstyperna."]);
  });
});

describe("POST /api/organisations", () => {
  it("creates an organisation from Swedish words and a number without dash, and audits it", async () => {
    const res = await create({
      name: "Kramfors kommun",
      type: "Kommun",
      orgNumber: "2120002429",
      municipalityCode: "2282",
      county: "Västernorrlands län",
      website: "www.kramfors.se",
      tags: ["SKO-avtal"],
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      type: "kommun",
      orgNumber: "212000-2429",
      municipalityCode: "2282",
      website: "https://www.kramfors.se",
      abilities: { update: true, delete: true },
    });
    const admin = await t.login(demo.admin);
    const audit = await t.request({
      method: "GET",
      url: `/api/admin/audit?entityType=organisation&entityId=${org.id}`,
      as: admin,
    });
    expect(audit.json().items[0]).toMatchObject({
      action: "organisation.create",
      actorId: expect.any(String),
    });
  });

  it("stores kommunalförbund under its ASCII key", async () => {
    const res = await create({ name: "Utbildningsförbundet Test", type: "kommunalförbund" });
    expect(res.json().type).toBe("kommunalforbund");
  });

  it.each([
    ["21200-2403", "Organisationsnumret ska skrivas NNNNNN-NNNN (tio siffror)."],
    ["212000-2404", "Kontrollsiffran stämmer inte – organisationsnumret är felskrivet."],
    [
      "191212-1212",
      "Siffra 3–4 i ett organisationsnummer ska vara minst 20 (annars är det ett personnummer).",
    ],
  ])("says what is wrong with the organisation number %s", async (orgNumber, message) => {
    const res = await create({ name: "Felaktig AB", type: "företag", orgNumber });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.orgNumber).toEqual([message]);
  });

  it("refuses an organisation number that another organisation has", async () => {
    const res = await create({ name: "Härnösand igen", type: "kommun", orgNumber: "2120002403" });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.orgNumber[0]).toMatch(/finns redan/);
  });

  it("answers missing and malformed fields with Swedish field messages", async () => {
    const res = await create({ type: "kyrka", municipalityCode: "382", website: "inte en adress" });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toMatchObject({
      name: ["Fältet måste fyllas i."],
      type: ["Välj en av organisationstyperna."],
      municipalityCode: ["Kommunkoden ska vara fyra siffror, t.ex. 0382."],
      website: ["Ange en webbadress, t.ex. www.miun.se."],
    });
  });

  it("refuses a parent that does not exist", async () => {
    const res = await create({ name: "Föräldralös", type: "avdelning", parentId: missing });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.parentId).toEqual(["Den överordnade organisationen finns inte."]);
  });

  it("is for staff only: a partner and a group member get 403", async () => {
    expect((await create({ name: "X", type: "annan" }, partner)).statusCode).toBe(403);
    expect((await create({ name: "X", type: "annan" }, groupMember)).statusCode).toBe(403);
  });
});

describe("GET /api/organisations/:id", () => {
  it("shows the chain above, the units and the people of an organisation", async () => {
    const karriar = await t.request({
      method: "GET",
      url: `/api/organisations/${await idOf("Miun Karriär")}`,
      as: groupMember,
    });
    expect(karriar.statusCode).toBe(200);
    expect(karriar.json().ancestors.map((a: { name: string }) => a.name)).toEqual([
      "Mittuniversitetet",
      "Samverkansavdelningen (SAM)",
    ]);
    const sam = (
      await t.request({
        method: "GET",
        url: `/api/organisations/${await idOf("Samverkansavdelningen (SAM)")}`,
        as: coordinator,
      })
    ).json();
    expect(sam.children.map((c: { name: string }) => c.name)).toEqual([
      "Miun Alumni",
      "MIUN Innovation",
      "Miun Karriär",
    ]);
    expect(sam.people.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["Jenny Sandström", "Christina Frimodig", "Robert Pettersson"]),
    );
    expect(sam.abilities).toEqual({ update: true, delete: true });
  });

  it("lists the people, programmes, courses and activities linked to it, each in the page's order", async () => {
    const db = t.database.db;
    const res = await t.request({
      method: "POST",
      url: "/api/organisations",
      payload: { name: "Länkade kommunen", type: "kommun" },
      as: coordinator,
    });
    const id = res.json().id as string;
    for (const [name, membership] of [
      ["Örjan Öberg", { role: "Kommundirektör", startDate: "2024-01-01" }],
      ["Åsa Åberg", { role: null, startDate: "2023-05-01", endDate: "2025-12-31" }],
    ] as const) {
      const person = await t.request({
        method: "POST",
        url: "/api/people",
        payload: { name, memberships: [{ organisationId: id, ...membership }] },
        as: coordinator,
      });
      expect(person.statusCode).toBe(201);
    }
    await db.insert(programmes).values([
      { code: "TLNK2", nameSv: "Zoologi", sortKey: "zoologi", organisationId: id },
      { code: "TLNK1", nameSv: "Ämneslärare", sortKey: swedishSortKey("Ämneslärare"), organisationId: id },
    ]);
    await db.insert(courses).values([
      { code: "TLK01", nameSv: "Egen kurs", sortKey: "egen kurs", credits: 7.5, organisationId: id },
      {
        code: "TLK02",
        nameSv: "Uppdragskurs",
        sortKey: "uppdragskurs",
        contract: true,
        clientOrganisationId: id,
      },
    ]);
    await db
      .insert(activityTypes)
      .values({ key: "test_meeting", labelSv: "Möte", labelEn: "Meeting" })
      .onConflictDoNothing();
    const made = await db
      .insert(activities)
      .values([
        { title: "Utan datum", sortKey: "utan datum", typeKey: "test_meeting" },
        { title: "Tidigt möte", sortKey: "tidigt möte", typeKey: "test_meeting", startDate: "2024-02-01" },
        { title: "Sent möte", sortKey: "sent möte", typeKey: "test_meeting", startDate: "2025-03-01" },
      ])
      .returning();
    await db
      .insert(activityOrganisations)
      .values(made.map((a) => ({ activityId: a.id, organisationId: id, role: "organiser" })));

    const detail = (
      await t.request({ method: "GET", url: `/api/organisations/${id}`, as: coordinator })
    ).json();
    expect(detail.people).toMatchObject([
      { name: "Åsa Åberg", role: null, startDate: "2023-05-01", endDate: "2025-12-31" },
      { name: "Örjan Öberg", role: "Kommundirektör", startDate: "2024-01-01", endDate: null },
    ]);
    expect(detail.programmes.map((p: { name: string }) => p.name)).toEqual(["Zoologi", "Ämneslärare"]);
    expect(detail.courses).toMatchObject([{ code: "TLK01", name: "Egen kurs", credits: 7.5 }]);
    expect(detail.contractCourses).toMatchObject([{ code: "TLK02", name: "Uppdragskurs", credits: null }]);
    expect(
      detail.activities.map((a: { title: string; startDate: string | null }) => [a.title, a.startDate]),
    ).toEqual([
      ["Sent möte", "2025-03-01"],
      ["Tidigt möte", "2024-02-01"],
      ["Utan datum", null],
    ]);
    expect(detail.activities[0]).toMatchObject({ typeKey: "test_meeting", role: "organiser" });
    expect(detail.ancestors).toEqual([]);
    expect(detail.children).toEqual([]);
  });

  it("answers 404 for an organisation that does not exist, and 422 for a malformed id", async () => {
    expect(
      (await t.request({ method: "GET", url: `/api/organisations/${missing}`, as: coordinator })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "GET", url: "/api/organisations/abc", as: coordinator })).statusCode,
    ).toBe(422);
  });
});

describe("PATCH /api/organisations/:id", () => {
  it("lets a partner update their own organisation, not another, and tells the client so", async () => {
    const harnosand = await idOf("Härnösands kommun");
    const own = await t.request({ method: "GET", url: `/api/organisations/${harnosand}`, as: partner });
    expect(own.json().abilities).toEqual({ update: true, delete: false });
    const res = await t.request({
      method: "PATCH",
      url: `/api/organisations/${harnosand}`,
      payload: { description: "Pilotkommun för SKO-avtal." },
      as: partner,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ description: "Pilotkommun för SKO-avtal.", orgNumber: "212000-2403" });

    const eskilstuna = await idOf("Eskilstuna kommun");
    const other = await t.request({ method: "GET", url: `/api/organisations/${eskilstuna}`, as: partner });
    expect(other.json().abilities).toEqual({ update: false, delete: false });
    const denied = await t.request({
      method: "PATCH",
      url: `/api/organisations/${eskilstuna}`,
      payload: { description: "Nej" },
      as: partner,
    });
    expect(denied.statusCode).toBe(403);
  });

  it("refuses a parent that would make a cycle", async () => {
    const miun = await idOf("Mittuniversitetet");
    for (const parentId of [miun, await idOf("Miun Karriär")]) {
      const res = await t.request({
        method: "PATCH",
        url: `/api/organisations/${miun}`,
        payload: { parentId },
        as: coordinator,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.parentId).toEqual([
        "Organisationen kan inte ingå i sig själv eller i en av sina egna underordnade enheter.",
      ]);
    }
  });

  it("renames and re-sorts, and clears a field with null", async () => {
    const id = (await create({ name: "Aaa-test", type: "annan", county: "Uppsala län" })).json().id;
    const res = await t.request({
      method: "PATCH",
      url: `/api/organisations/${id}`,
      payload: { name: "Ödmjuka testbolaget", county: null },
      as: coordinator,
    });
    expect(res.json()).toMatchObject({ name: "Ödmjuka testbolaget", county: null });
    const names = (await list("type=annan&limit=100")).items.map((o) => o.name);
    expect(names.at(-1)).toBe("Ödmjuka testbolaget");
  });

  it("answers 404 for an unknown organisation", async () => {
    const res = await t.request({
      method: "PATCH",
      url: `/api/organisations/${missing}`,
      payload: { name: "X" },
      as: coordinator,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("DELETE /api/organisations/:id", () => {
  it("tells what it would affect, then deletes and leaves the units independent", async () => {
    const parent = (await create({ name: "Raderas AB", type: "foretag" })).json().id;
    const child = (await create({ name: "Raderas AB, filial", type: "avdelning", parentId: parent })).json()
      .id;
    await t.request({
      method: "POST",
      url: "/api/people",
      payload: { name: "Ragnar Raderad", memberships: [{ organisationId: parent, role: "VD" }] },
      as: coordinator,
    });
    const impact = await t.request({
      method: "GET",
      url: `/api/organisations/${parent}/impact`,
      as: coordinator,
    });
    expect(impact.json()).toEqual({
      children: 1,
      memberships: 1,
      people: 1,
      programmes: 0,
      courses: 0,
      activities: 0,
    });

    expect(
      (await t.request({ method: "DELETE", url: `/api/organisations/${parent}`, as: partner })).statusCode,
    ).toBe(403);
    const res = await t.request({ method: "DELETE", url: `/api/organisations/${parent}`, as: coordinator });
    expect(res.statusCode).toBe(204);
    expect(
      (await t.request({ method: "GET", url: `/api/organisations/${parent}`, as: coordinator })).statusCode,
    ).toBe(404);
    const orphan = await t.request({ method: "GET", url: `/api/organisations/${child}`, as: coordinator });
    expect(orphan.json()).toMatchObject({ parentId: null, parent: null });
  });

  it("answers 404 for an unknown organisation and its impact", async () => {
    expect(
      (await t.request({ method: "DELETE", url: `/api/organisations/${missing}`, as: coordinator }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/organisations/${missing}/impact`, as: coordinator }))
        .statusCode,
    ).toBe(404);
  });
});
