import { describe, expect, it } from "vitest";
import { loadOrganisationsDemo } from "../../../../demo/registers/organisations.ts";
import { loadPeopleDemo } from "../../../../demo/registers/people.ts";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { programmes } from "../programmes/programmes.schema.ts";

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

type Item = { id: string; name: string; [k: string]: unknown };

async function list(url: string, as: Session = coordinator) {
  const res = await t.request({ method: "GET", url, as });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Item[]; nextCursor: string | null };
}

async function orgId(name: string) {
  const { items } = await list(`/api/organisations?q=${encodeURIComponent(name)}&limit=50`);
  return items.find((o) => o.name === name)!.id;
}

async function personId(name: string) {
  const { items } = await list(`/api/people?q=${encodeURIComponent(name)}&limit=50`);
  return items.find((p) => p.name === name)!.id;
}

const create = (payload: Record<string, unknown>, as: Session = coordinator) =>
  t.request({ method: "POST", url: "/api/people", payload, as });

describe("GET /api/people", () => {
  it("answers the public with 401", async () => {
    expect((await t.request({ method: "GET", url: "/api/people" })).statusCode).toBe(401);
  });

  it("lists the members of an organisation with their memberships, in Swedish order", async () => {
    const sam = await orgId("Samverkansavdelningen (SAM)");
    const { items } = await list(`/api/people?organisationId=${sam}`, groupMember);
    expect(items.map((p) => p.name)).toEqual([
      "Christina Frimodig",
      "Jenny Sandström",
      "Kristina Rådberg",
      "Robert Pettersson",
    ]);
    expect(items[3]).toMatchObject({
      title: "Processledare arbetslivsanknytning",
      memberships: [{ organisationId: sam, organisationName: "Samverkansavdelningen (SAM)" }],
      abilities: { update: false, delete: false },
    });
  });

  it("searches by name with or without diacritics", async () => {
    expect((await list("/api/people?q=sandstrom")).items.map((p) => p.name)).toEqual(["Jenny Sandström"]);
    expect((await list("/api/people?q=Hj%C3%A4rpe")).items.map((p) => p.name)).toEqual(["Karin Hjärpe"]);
  });

  it("pages with a cursor without losing or repeating anyone", async () => {
    const whole = (await list("/api/people?limit=500")).items.map((p) => p.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(`/api/people?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      paged.push(...res.items.map((p) => p.id));
      cursor = res.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);
    expect(whole.length).toBeGreaterThan(25);
  });

  it("rejects a malformed organisation filter with 422", async () => {
    const res = await t.request({ method: "GET", url: "/api/people?organisationId=x", as: coordinator });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.organisationId).toEqual(["Ogiltig identitet."]);
  });
});

describe("POST /api/people", () => {
  it("creates a person with memberships and a lower-cased e-mail", async () => {
    const tierp = await orgId("Tierps kommun");
    const res = await create({
      name: "Vera Vägledare",
      email: "Vera.Vagledare@Tierp.example",
      phone: "0293-21 80 00",
      title: "Studie- och yrkesvägledare",
      lawfulBasis: "consent",
      memberships: [
        { organisationId: tierp, role: "Studie- och yrkesvägledare", startDate: "2009-08-01", endDate: "" },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: "vera.vagledare@tierp.example",
      lawfulBasis: "consent",
      consentAt: expect.any(String),
      memberships: [{ organisationName: "Tierps kommun", startDate: "2009-08-01", endDate: null }],
    });
  });

  it("answers bad fields with Swedish messages, nested ones by their path", async () => {
    const res = await create({
      name: " ",
      email: "inte-en-adress",
      phone: "ring mig",
      lawfulBasis: "magkänsla",
      memberships: [
        { organisationId: await orgId("Sala kommun"), startDate: "2012-01-01", endDate: "2011-01-01" },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({
      name: ["Fältet måste fyllas i."],
      email: ["Ange en giltig e-postadress."],
      phone: ["Ange ett telefonnummer med siffror, t.ex. 060-14 86 00."],
      lawfulBasis: ["Välj en rättslig grund."],
      "memberships.0.endDate": ["Slutdatumet kan inte ligga före startdatumet."],
    });
  });

  it("refuses an unknown organisation, a taken e-mail and an unknown user account", async () => {
    const unknownOrg = await create({ name: "Ola Okänd", memberships: [{ organisationId: missing }] });
    expect(unknownOrg.json().errors).toEqual({
      "memberships.0.organisationId": ["Organisationen finns inte."],
    });
    const taken = await create({ name: "Dubbel", email: "partner@demo.samspel.se" });
    expect(taken.json().errors.email[0]).toMatch(/finns redan/);
    const noUser = await create({ name: "Utan konto", userId: missing }, await t.login(demo.admin));
    expect(noUser.json().errors.userId).toEqual(["Användarkontot finns inte."]);
  });

  it("is for staff only", async () => {
    expect((await create({ name: "X" }, partner)).statusCode).toBe(403);
    expect((await create({ name: "X" }, groupMember)).statusCode).toBe(403);
  });
});

describe("GET /api/people/:id", () => {
  it("shows the linked user account of the HR director", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/people/${await personId("Hanna Personaldirektör")}`,
      as: partner,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: "Personaldirektör",
      user: { email: "partner@demo.samspel.se" },
      memberships: [{ organisationName: "Härnösands kommun" }],
      abilities: { update: true, delete: false },
    });
  });

  it("answers 404 for an unknown person", async () => {
    expect(
      (await t.request({ method: "GET", url: `/api/people/${missing}`, as: coordinator })).statusCode,
    ).toBe(404);
  });
});

describe("PATCH /api/people/:id", () => {
  it("lets a partner update members of their organisation, and no one else", async () => {
    const hanna = await personId("Hanna Personaldirektör");
    const ok = await t.request({
      method: "PATCH",
      url: `/api/people/${hanna}`,
      payload: { phone: "0611-34 80 00" },
      as: partner,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ phone: "0611-34 80 00", title: "Personaldirektör" });
    const robert = await personId("Robert Pettersson");
    const denied = await t.request({
      method: "PATCH",
      url: `/api/people/${robert}`,
      payload: { phone: "060-14 86 00" },
      as: partner,
    });
    expect(denied.statusCode).toBe(403);
  });

  it("replaces memberships when they are sent, and keeps them when they are not", async () => {
    const id = (
      await create({ name: "Byter Jobb", memberships: [{ organisationId: await orgId("Flens kommun") }] })
    ).json().id;
    const kept = await t.request({
      method: "PATCH",
      url: `/api/people/${id}`,
      payload: { title: "Rektor" },
      as: coordinator,
    });
    expect(kept.json().memberships).toHaveLength(1);
    const nykoping = await orgId("Nyköpings kommun");
    const moved = await t.request({
      method: "PATCH",
      url: `/api/people/${id}`,
      payload: { memberships: [{ organisationId: nykoping, role: "Rektor" }] },
      as: coordinator,
    });
    expect(moved.json().memberships).toMatchObject([
      { organisationName: "Nyköpings kommun", role: "Rektor" },
    ]);
  });

  it("answers 404 for an unknown person", async () => {
    const res = await t.request({
      method: "PATCH",
      url: `/api/people/${missing}`,
      payload: { name: "X" },
      as: coordinator,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("DELETE /api/people/:id", () => {
  it("tells what it would affect, then deletes; partners may not", async () => {
    const id = (
      await create({ name: "Tas Bort", memberships: [{ organisationId: await orgId("Motala kommun") }] })
    ).json().id;
    await t.database.db
      .insert(programmes)
      .values({ code: "TDEL1", nameSv: "Testprogram", sortKey: "testprogram", responsiblePersonId: id });
    const impact = await t.request({ method: "GET", url: `/api/people/${id}/impact`, as: coordinator });
    expect(impact.json()).toEqual({ memberships: 1, programmes: 1, courses: 0 });
    expect((await t.request({ method: "DELETE", url: `/api/people/${id}`, as: partner })).statusCode).toBe(
      403,
    );
    expect(
      (await t.request({ method: "DELETE", url: `/api/people/${id}`, as: coordinator })).statusCode,
    ).toBe(204);
    expect((await t.request({ method: "GET", url: `/api/people/${id}`, as: coordinator })).statusCode).toBe(
      404,
    );
    expect(
      (await t.request({ method: "DELETE", url: `/api/people/${id}`, as: coordinator })).statusCode,
    ).toBe(404);
  });
});

describe("POST /api/people/:id/merge", () => {
  it("moves memberships and responsibilities, collapses identical memberships and fills empty details", async () => {
    const kinda = await orgId("Kinda kommun");
    const target = (
      await create({
        name: "Maria Mäklare",
        memberships: [{ organisationId: kinda, role: "Kompetensmäklare" }],
      })
    ).json().id;
    const source = (
      await create({
        name: "Maria Mäklare (dubblett)",
        email: "maria@kinda.example",
        notes: "Träffades på seminariet.",
        memberships: [
          { organisationId: kinda, role: "Kompetensmäklare" },
          { organisationId: await orgId("Regionförbundet Östsam"), role: "Nätverk" },
        ],
      })
    ).json().id;
    await t.database.db.insert(programmes).values({
      code: "TMRG2",
      nameSv: "Mäklarprogram",
      sortKey: "maklarprogram",
      responsiblePersonId: source,
    });

    const res = await t.request({
      method: "POST",
      url: `/api/people/${source}/merge`,
      payload: { intoId: target },
      as: coordinator,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: target,
      name: "Maria Mäklare",
      email: "maria@kinda.example",
      notes: "Träffades på seminariet.",
    });
    expect(
      res
        .json()
        .memberships.map((m: { organisationName: string }) => m.organisationName)
        .sort(),
    ).toEqual(["Kinda kommun", "Regionförbundet Östsam"]);
    const after = (await t.request({ method: "GET", url: `/api/people/${target}`, as: coordinator })).json();
    expect(after.responsibleForProgrammes.map((p: { code: string }) => p.code)).toEqual(["TMRG2"]);
    expect(
      (await t.request({ method: "GET", url: `/api/people/${source}`, as: coordinator })).statusCode,
    ).toBe(404);
  });

  it("refuses bad targets and non-staff", async () => {
    const id = await personId("Jonas Welander");
    const self = await t.request({
      method: "POST",
      url: `/api/people/${id}/merge`,
      payload: { intoId: id },
      as: coordinator,
    });
    expect(self.json().errors.intoId).toEqual(["Välj en annan person att slå samman med."]);
    const none = await t.request({
      method: "POST",
      url: `/api/people/${id}/merge`,
      payload: { intoId: missing },
      as: coordinator,
    });
    expect(none.json().errors.intoId).toEqual(["Personen att slå samman med finns inte."]);
    const other = await personId("Monica Falk");
    const denied = await t.request({
      method: "POST",
      url: `/api/people/${id}/merge`,
      payload: { intoId: other },
      as: partner,
    });
    expect(denied.statusCode).toBe(403);
  });
});
