import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../src/server/test/harness.ts";
import { loadGoalsDemo } from "./goals.ts";
import { loadPlansDemo, PLAN_TITLE } from "./plans.ts";
import { loadProjectsDemo, SECTOR } from "./projects.ts";
import { ORG } from "./registers/names.ts";
import { loadOrganisationsDemo, organisationIdsByName } from "./registers/organisations.ts";
import { loadPeopleDemo } from "./registers/people.ts";

const t = await createTestApp({
  seed: async ({ db }) => {
    await loadOrganisationsDemo(db);
    await loadPeopleDemo(db);
    // Twice: the steps are idempotent.
    for (let i = 0; i < 2; i++) {
      await loadGoalsDemo(db);
      await loadPlansDemo(db);
      await loadProjectsDemo(db);
    }
  },
});
const coordinator = await t.login(demo.coordinator);
const orgs = await organisationIdsByName(t.database.db);
const miun = orgs.get(ORG.miun)!;

describe("demo data of seed 000 and seeds 002/003", () => {
  it("has goals A–F owned by Mittuniversitetet and Samhällskontraktet's eight goals", async () => {
    const list = (await t.request({ method: "GET", url: "/api/frameworks", as: coordinator })).json().items;
    expect(list).toHaveLength(2);
    const miunFramework = list.find((f: { registryNumber: string }) => f.registryNumber === "MIUN 2009/1671");
    expect(miunFramework).toMatchObject({ owner: { name: ORG.miun }, goalCount: 6 });
    expect(
      list.find((f: { owner: { name: string } }) => f.owner?.name === ORG.samhallskontraktet).goalCount,
    ).toBe(8);
  });

  it("has the 2013–2015 plan with the seed's fifteen items, their goals, responsible, start and resources", async () => {
    const plans = (await t.request({ method: "GET", url: "/api/plans", as: coordinator })).json().items;
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ title: PLAN_TITLE, itemCount: 15, resourcesTotal: 200_000 });
    const plan = (
      await t.request({ method: "GET", url: `/api/plans/${plans[0].id}`, as: coordinator })
    ).json();
    expect(plan.phases.map((p: { name: string }) => p.name)).toEqual([
      "Initiering",
      "Erfarenhetsutbyte och analys",
      "Implementering",
    ]);
    const row = (n: number) => plan.items.find((i: { number: number }) => i.number === n);
    const codes = (n: number) =>
      row(n)
        .goals.map((g: { code: string }) => g.code)
        .join(", ");
    expect(
      plan.items.filter((i: { section: { name: string } }) => i.section.name === "Utvecklingsinsatser"),
    ).toHaveLength(6);
    expect(codes(1)).toBe("B, F");
    expect(codes(3)).toBe("A, B, C, D, E, F");
    expect(codes(14)).toBe("E");
    expect(row(1)).toMatchObject({ responsibleText: "SAM", startText: "Q4 2013", startDate: "2013-10-01" });
    expect(row(3)).toMatchObject({ responsibleText: "Jörgen Sparf", status: "ongoing" });
    expect(row(7)).toMatchObject({
      startDate: "2014-01-01",
      recurrence: "1 gång per termin",
      targetGroups: ["Lärare"],
    });
    expect(
      row(10)
        .responsibleOrganisations.map((o: { name: string }) => o.name)
        .sort(),
    ).toEqual([ORG.kom, ORG.rektorsKansli, ORG.sam].sort());
    expect([row(8).resources, row(12).resources, row(13).resources]).toEqual([100_000, 50_000, 50_000]);
    const communication = plan.sections[1].id;
    const coverage = await t.request({
      method: "GET",
      url: `/api/plans/${plan.id}/coverage?section=${communication}`,
      as: coordinator,
    });
    // Every goal A–F is served by at least one communication item (D only by 12 and 13).
    expect(coverage.json().uncoveredGoals).toEqual([]);
    expect(coverage.json().goals.find((g: { code: string }) => g.code === "D").itemNumbers).toEqual([12, 13]);
  });

  it("has appendix 1's thirteen projects with 9 Grön, 3 Gul and 1 Röd, and exports them", async () => {
    const dashboard = (
      await t.request({
        method: "GET",
        url: `/api/projects/dashboard?owner=${miun}&asOf=2013-04-03`,
        as: coordinator,
      })
    ).json();
    expect(dashboard.byColour).toEqual({ green: 9, yellow: 3, red: 1, none: 0, total: 13 });
    expect(dashboard.overdueReports.map((p: { name: string }) => p.name)).toEqual(["HUM"]);

    const list = (
      await t.request({ method: "GET", url: `/api/projects?owner=${miun}&limit=50`, as: coordinator })
    ).json();
    const byName = (name: string) => list.items.find((p: { name: string }) => p.name === name);
    expect(byName("Karriärcoachning")).toMatchObject({
      leadName: "Pernilla Sivertsen",
      leadPersonId: expect.any(String),
      periodLabel: "jun 2012 – jun 2014",
      latestReportType: "delrapport",
      concreteResults: "Ja",
      canScaleUp: "Ja",
      colour: "green",
    });
    expect(byName("HUM")).toMatchObject({
      periodLabel: "2011-? (2015?)",
      latestReportUncertain: true,
      colour: "red",
    });

    const xlsx = await t.request({
      method: "GET",
      url: `/api/projects/export?format=xlsx&owner=${miun}`,
      as: coordinator,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets[0].rowCount).toBe(14);
  });

  it("has Samhällskontraktet's projects in their sector groups, MOPS' four and the 160 000 kr co-financing", async () => {
    const sk = orgs.get(ORG.samhallskontraktet)!;
    const dashboard = (
      await t.request({ method: "GET", url: `/api/projects/dashboard?owner=${sk}`, as: coordinator })
    ).json();
    const sectors = dashboard.bySector.map((s: { sector: string }) => s.sector);
    for (const sector of Object.values(SECTOR)) expect(sectors).toContain(sector);
    const list = (
      await t.request({ method: "GET", url: `/api/projects?owner=${sk}&limit=100`, as: coordinator })
    ).json();
    const find = (name: string) => list.items.find((p: { name: string }) => p.name === name);
    const mops = (
      await t.request({
        method: "GET",
        url: `/api/projects/${find("Framtidens vård, omsorg och socialt arbete").id}`,
        as: coordinator,
      })
    ).json();
    expect(mops.children).toHaveLength(4);
    expect(mops.fundingTotals.total).toBe(1_300_000);
    const unga = (
      await t.request({ method: "GET", url: `/api/projects/${find("Unga matematiker").id}`, as: coordinator })
    ).json();
    expect(unga.fundingTotals).toEqual({ own: 0, cofinancing: 160_000, total: 160_000 });
    for (const name of ["Karriärtorget", "Invandrade akademiker – IVAR"]) expect(find(name)).toBeDefined();
    const umbrella = (
      await t.request({
        method: "GET",
        url: `/api/projects/${find("Samhällskontraktet – första avtalsperioden").id}`,
        as: coordinator,
      })
    ).json();
    // No lump sums on the period: its outputs are records on the projects that produced them.
    expect(umbrella.outputs).toEqual([]);
    expect(umbrella.children).toHaveLength(12); // with MOPS' four under MOPS: 16 R&D projects in all
    const stolt = (
      await t.request({
        method: "GET",
        url: `/api/projects/${find("Yrkesstolthet och organisationsidentitet (STOLT)").id}`,
        as: coordinator,
      })
    ).json();
    expect(stolt.outputs.filter((o: { type: string }) => o.type === "scientific_article")).toEqual([
      expect.objectContaining({ authors: "Welander, J., Berglund, M.", year: 2011, count: 1 }),
      expect.objectContaining({ venue: "Scandinavian Journal of Public Administration", year: 2012 }),
    ]);
  });
});
