import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { followUpFixture, partnerOfSala, TEST_PASSWORD } from "../indicators/test/follow-up.fixture.ts";

const fixture = followUpFixture();
const t = await createTestApp({ seed: fixture.seed });
const { ids } = fixture;
const admin = await t.login(demo.admin);
const coordinator = await t.login(demo.coordinator);
const board = await t.login(demo.groupMember);
const partner = await t.login(partnerOfSala, TEST_PASSWORD);

/** Samhällskontraktet's money table 2010 (seed 003), in the seed's order. */
const seedRows: [string, number][] = [
  ["Sektor Utbildning", 1_226_000],
  ["Sektor Äldreomsorg & socialt arbete", 455_000],
  ["Sektor Morgondagens studenter och arbetskraft", 860_500],
  ["Nationella kommunforskningsprogrammet", 118_000],
  ["Forskargruppen STAMP", 1_000_000],
  ["Processledning och drift", 1_973_000],
  ["Information/kommunikation", 260_000],
];

describe("spend and the money table", () => {
  it("books the seed's seven rows and sums them to 5 892 500 kr in the seed's order", async () => {
    for (const [unitName, amount] of seedRows) {
      const res = await t.request({
        method: "POST",
        url: "/api/spend",
        as: coordinator,
        payload: {
          organisationId: ids.sk,
          date: "2010-12-31",
          amount,
          unitName,
          category: "Förbrukade medel",
        },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ amount, unit: { name: unitName }, enteredBy: "Sara Samordnare" });
    }
    const summary = await t.request({
      method: "GET",
      url: `/api/finance/summary?organisationId=${ids.sk}&year=2010`,
      as: board,
    });
    expect(summary.statusCode).toBe(200);
    const body = summary.json();
    expect(body.units.map((u: { name: string; spent: number }) => [u.name, u.spent])).toEqual(seedRows);
    expect(body.totals.spent).toBe(5_892_500);
    expect(body.organisation.name).toBe("Samhällskontraktet");
  });

  it("adds another entry to the same unit by id and keeps other years apart", async () => {
    const units = (
      await t.request({ method: "GET", url: `/api/finance/units?organisationId=${ids.sk}`, as: board })
    ).json();
    const stamp = units.items.find((u: { name: string }) => u.name === "Forskargruppen STAMP");
    expect(units.items).toHaveLength(7);
    const res = await t.request({
      method: "POST",
      url: "/api/spend",
      as: admin,
      payload: {
        organisationId: ids.sk,
        date: "2011-02-01",
        amount: 50_000,
        unitId: stamp.id,
        note: "Följeforskning",
      },
    });
    expect(res.statusCode).toBe(201);
    const y2010 = (
      await t.request({
        method: "GET",
        url: `/api/finance/summary?organisationId=${ids.sk}&year=2010`,
        as: admin,
      })
    ).json();
    const y2011 = (
      await t.request({
        method: "GET",
        url: `/api/finance/summary?organisationId=${ids.sk}&year=2011`,
        as: admin,
      })
    ).json();
    expect(y2010.totals.spent).toBe(5_892_500);
    expect(y2011.units).toEqual([
      expect.objectContaining({ name: "Forskargruppen STAMP", spent: 50_000, budget: null }),
    ]);
  });

  it("lists spend newest first, filtered and paged", async () => {
    const first = await t.request({
      method: "GET",
      url: `/api/spend?organisationId=${ids.sk}&limit=3`,
      as: board,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().items[0]).toMatchObject({ date: "2011-02-01", amount: 50_000 });
    expect(first.json().items).toHaveLength(3);
    const rest = await t.request({
      method: "GET",
      url: `/api/spend?organisationId=${ids.sk}&limit=10&cursor=${first.json().nextCursor}`,
      as: board,
    });
    expect(rest.json().items).toHaveLength(5);
    expect(rest.json().nextCursor).toBeNull();
    const y2010 = await t.request({
      method: "GET",
      url: `/api/spend?organisationId=${ids.sk}&year=2010`,
      as: board,
    });
    expect(y2010.json().items.reduce((s: number, e: { amount: number }) => s + e.amount, 0)).toBe(5_892_500);
  });

  it("refuses amounts that are not whole kronor, a missing unit, and an unknown project (422, Swedish)", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/spend",
      as: coordinator,
      payload: { organisationId: ids.sk, date: "2010-13-01", amount: 10.5 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toMatchObject({
      date: ["Ange ett datum som ÅÅÅÅ-MM-DD."],
      amount: ["Ange ett belopp i hela kronor."],
    });
    const noUnit = await t.request({
      method: "POST",
      url: "/api/spend",
      as: coordinator,
      payload: { organisationId: ids.sk, date: "2010-05-01", amount: 100 },
    });
    expect(noUnit.json().errors).toEqual({ unitId: ["Välj en enhet eller skriv enhetens namn."] });
    const unknownProject = await t.request({
      method: "POST",
      url: "/api/spend",
      as: coordinator,
      payload: { organisationId: ids.sk, date: "2010-05-01", amount: 100, unitName: "X", projectId: ids.sk },
    });
    expect(unknownProject.json().errors).toEqual({ projectId: ["Projektet finns inte."] });
  });

  it("lets only staff book money, and answers 401 without a session", async () => {
    const payload = {
      organisationId: ids.sk,
      date: "2010-05-01",
      amount: 100,
      unitName: "Sektor Utbildning",
    };
    expect((await t.request({ method: "POST", url: "/api/spend", as: board, payload })).statusCode).toBe(403);
    expect((await t.request({ method: "POST", url: "/api/spend", as: partner, payload })).statusCode).toBe(
      403,
    );
    expect((await t.request({ method: "GET", url: `/api/spend?organisationId=${ids.sk}` })).statusCode).toBe(
      401,
    );
  });

  it("shows a partner only their own organisation's money", async () => {
    const other = await t.request({
      method: "GET",
      url: `/api/finance/summary?organisationId=${ids.sk}&year=2010`,
      as: partner,
    });
    expect(other.statusCode).toBe(404);
    const own = await t.request({
      method: "GET",
      url: `/api/finance/summary?organisationId=${ids.sala}&year=2010`,
      as: partner,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().totals).toEqual({ budget: 0, spent: 0 });
    const list = await t.request({ method: "GET", url: "/api/spend", as: partner });
    expect(list.json().items).toEqual([]);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/budgets",
      "/api/spend",
      "/api/finance/summary",
      "/api/indicators",
      "/api/indicators/{id}",
      "/api/indicators/{id}/records",
      "/api/indicators/{id}/values",
      "/api/reports/annual",
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });

  it("answers 404 for an unknown organisation and 422 for a bad year", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (
        await t.request({
          method: "GET",
          url: `/api/finance/summary?organisationId=${unknown}&year=2010`,
          as: admin,
        })
      ).statusCode,
    ).toBe(404);
    const bad = await t.request({
      method: "GET",
      url: `/api/finance/summary?organisationId=${ids.sk}&year=10`,
      as: admin,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.year).toEqual(["Ange ett årtal med fyra siffror."]);
  });
});

describe("units", () => {
  it("adds a unit last in the table, refuses a second with the same name, and lets only staff add", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/finance/units",
      as: coordinator,
      payload: {
        organisationId: ids.sk,
        name: "Sektor Hållbar stadsutveckling",
        sector: "Hållbar stadsutveckling",
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: "Sektor Hållbar stadsutveckling",
      sector: "Hållbar stadsutveckling",
      sortOrder: 7,
    });
    const again = await t.request({
      method: "POST",
      url: "/api/finance/units",
      as: coordinator,
      payload: { organisationId: ids.sk, name: "sektor hållbar stadsutveckling" },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors).toEqual({ name: ["Organisationen har redan en enhet med det namnet."] });
    const empty = await t.request({
      method: "POST",
      url: "/api/finance/units",
      as: coordinator,
      payload: { organisationId: ids.sk, name: " " },
    });
    expect(empty.json().errors.name).toEqual(["Fältet måste fyllas i."]);
    const fromBoard = await t.request({
      method: "POST",
      url: "/api/finance/units",
      as: board,
      payload: { organisationId: ids.sk, name: "X" },
    });
    expect(fromBoard.statusCode).toBe(403);
  });

  it("lists an organisation's units for readers, 404 for a partner of another organisation or an unknown one", async () => {
    expect(
      (await t.request({ method: "GET", url: `/api/finance/units?organisationId=${ids.sk}`, as: partner }))
        .statusCode,
    ).toBe(404);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (await t.request({ method: "GET", url: `/api/finance/units?organisationId=${unknown}`, as: admin }))
        .statusCode,
    ).toBe(404);
    const bad = await t.request({ method: "GET", url: "/api/finance/units?organisationId=abc", as: admin });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.organisationId).toEqual(["Ogiltig identitet."]);
  });
});

describe("budgets and co-financing", () => {
  it("sets a budget per unit and year and shows what remains", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/budgets",
      as: coordinator,
      payload: { organisationId: ids.sk, year: 2010, unitName: "Sektor Utbildning", amount: 1_300_000 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2010, amount: 1_300_000, unit: { name: "Sektor Utbildning" } });
    const summary = (
      await t.request({
        method: "GET",
        url: `/api/finance/summary?organisationId=${ids.sk}&year=2010`,
        as: admin,
      })
    ).json();
    expect(summary.units[0]).toMatchObject({
      name: "Sektor Utbildning",
      budget: 1_300_000,
      spent: 1_226_000,
      remaining: 74_000,
    });
    expect(summary.totals.budget).toBe(1_300_000);
    const list = await t.request({
      method: "GET",
      url: `/api/budgets?organisationId=${ids.sk}&year=2010`,
      as: board,
    });
    expect(list.json().items).toHaveLength(1);
  });

  it("budgets a project and refuses a budget for nothing or with a negative amount", async () => {
    const project = await t.request({
      method: "POST",
      url: "/api/budgets",
      as: coordinator,
      payload: { organisationId: ids.sk, year: 2010, projectId: ids.ungaMatematiker, amount: 200_000 },
    });
    expect(project.statusCode).toBe(201);
    expect(project.json().project).toEqual({ id: ids.ungaMatematiker, name: "Unga matematiker" });
    const nothing = await t.request({
      method: "POST",
      url: "/api/budgets",
      as: coordinator,
      payload: { organisationId: ids.sk, year: 2010, amount: -5 },
    });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().errors.amount).toEqual(["Beloppet kan inte vara negativt."]);
    const forbidden = await t.request({
      method: "POST",
      url: "/api/budgets",
      as: board,
      payload: { organisationId: ids.sk, year: 2010, projectId: ids.ungaMatematiker, amount: 1 },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it("reads the 160 000 kr co-financing from the project's funding lines, with the leverage", async () => {
    const summary = (
      await t.request({
        method: "GET",
        url: `/api/finance/summary?organisationId=${ids.sk}&year=2010`,
        as: admin,
      })
    ).json();
    expect(summary.cofinancing.byFunder).toEqual([
      {
        funder: "Sparbanksstiftelserna",
        funderOrganisationId: null,
        amount: 160_000,
        projects: [{ id: ids.ungaMatematiker, name: "Unga matematiker" }],
      },
    ]);
    expect(summary.cofinancing.total).toBe(160_000);
    expect(summary.cofinancing.own).toBe(5_892_500);
    expect(summary.cofinancing.leverage).toBeCloseTo(160_000 / 5_892_500, 3);
    expect(summary.projectBudgets).toEqual([
      { projectId: ids.ungaMatematiker, name: "Unga matematiker", budget: 200_000, spent: 0 },
    ]);
    const first = (
      await t.request({ method: "GET", url: `/api/budgets?organisationId=${ids.sk}&limit=1`, as: board })
    ).json();
    const second = (
      await t.request({
        method: "GET",
        url: `/api/budgets?organisationId=${ids.sk}&limit=1&cursor=${first.nextCursor}`,
        as: board,
      })
    ).json();
    expect([...first.items, ...second.items].map((b: { amount: number }) => b.amount).sort()).toEqual([
      1_300_000, 200_000,
    ]);
    expect(second.nextCursor).toBeNull();
  });
});
