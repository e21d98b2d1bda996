import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { GOALS_A_TO_F, insertOrganisation, insertPerson } from "../goals/test/goals.fixture.ts";

let miunId = "";
let skId = "";
let rekarneId = "";
let leadPersonId = "";
const t = await createTestApp({
  seed: async ({ db }) => {
    miunId = await insertOrganisation(db, "Mittuniversitetet", "larosate");
    skId = await insertOrganisation(db, "Samhällskontraktet", "annan");
    rekarneId = await insertOrganisation(db, "Sparbanken Rekarne", "stiftelse");
    leadPersonId = await insertPerson(db, "Pernilla Sivertsen");
  },
});
const coordinator = await t.login(demo.coordinator);
const member = await t.login(demo.groupMember);
const missing = "00000000-0000-4000-8000-000000000000";

const framework = (
  await t.request({
    method: "POST",
    url: "/api/frameworks",
    as: coordinator,
    payload: { name: "Mål", goals: GOALS_A_TO_F },
  })
).json();

const karriar = {
  name: "Karriärcoachning",
  leadPersonId: "",
  ownerOrganisationId: "",
  sector: "Arbetslivsanknytning",
  periodStart: "2012-06",
  periodEnd: "2014-06",
  latestReportType: "delrapport",
  latestReportDate: "2013-04-02",
  concreteResults: "Ja",
  canScaleUp: "Ja",
  processLeaderComment: "Process som systematiserats. Bra utfall.",
  colour: "green",
  colourReason: "Avrapportering 2 april 2013",
  colourDate: "2013-04-02",
};

async function create(payload: Record<string, unknown>) {
  const res = await t.request({ method: "POST", url: "/api/projects", as: coordinator, payload });
  expect(res.statusCode).toBe(201);
  return res.json();
}
const createKarriar = () => create({ ...karriar, leadPersonId, ownerOrganisationId: miunId });

describe("POST /api/projects", () => {
  it("registers a project with appendix 1's fields, its first colour in the history, funding and goals", async () => {
    const body = await create({
      ...karriar,
      leadPersonId,
      ownerOrganisationId: miunId,
      funding: [
        { kind: "own", funderOrganisationId: miunId, amount: 200_000, year: 2012 },
        { kind: "cofinancing", funderOrganisationId: rekarneId, amount: 40_000 },
      ],
      goalIds: [framework.goals[3].id],
    });
    expect(body).toMatchObject({
      name: "Karriärcoachning",
      leadName: "Pernilla Sivertsen",
      owner: { id: miunId, name: "Mittuniversitetet" },
      periodStart: "2012-06",
      periodEnd: "2014-06",
      periodLabel: "jun 2012 – jun 2014",
      latestReportType: "delrapport",
      concreteResults: "Ja",
      colour: "green",
      fundingTotals: { own: 200_000, cofinancing: 40_000, total: 240_000 },
      goals: [{ code: "D" }],
      colourHistory: [
        { colour: "green", previousColour: null, reason: "Avrapportering 2 april 2013", date: "2013-04-02" },
      ],
      abilities: { manage: true, report: true },
    });
    expect(body.funding[1]).toMatchObject({
      kind: "cofinancing",
      funder: { name: "Sparbanken Rekarne" },
      amount: 40_000,
    });
  });

  it("keeps a period written without months as written", async () => {
    const body = await create({
      name: "HUM",
      leadName: "Tomas Berglund",
      periodStart: "2011-01",
      periodText: "2011-? (2015?)",
    });
    expect(body).toMatchObject({
      periodLabel: "2011-? (2015?)",
      leadName: "Tomas Berglund",
      colour: null,
      colourHistory: [],
    });
  });

  it("answers 422 in Swedish for bad input", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/projects",
      as: coordinator,
      payload: { periodStart: "2012-13", funding: [{ kind: "own", amount: 10.5 }] },
    });
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors;
    expect(errors.name).toEqual(["Fältet måste fyllas i."]);
    expect(errors.periodStart).toEqual(["Ange månad som ÅÅÅÅ-MM."]);
    expect(errors["funding.0.amount"]).toBeDefined();

    const order = await t.request({
      method: "POST",
      url: "/api/projects",
      as: coordinator,
      payload: { name: "x", periodStart: "2014-06", periodEnd: "2012-06" },
    });
    expect(order.json().errors.periodEnd).toEqual(["Slutet kan inte ligga före början."]);

    const refs = await t.request({
      method: "POST",
      url: "/api/projects",
      as: coordinator,
      payload: { name: "x", leadPersonId: missing, funding: [{ kind: "cofinancing", amount: 160_000 }] },
    });
    expect(refs.json().errors).toEqual({
      leadPersonId: ["Personen finns inte i registret."],
      "funding.0.funderName": ["Ange vem som medfinansierar."],
    });

    const reason = await t.request({
      method: "POST",
      url: "/api/projects",
      as: coordinator,
      payload: { name: "x", colour: "green" },
    });
    expect(reason.json().errors.colourReason).toEqual(["Fältet måste fyllas i."]);
  });

  it("lets only administrators and coordinators register projects", async () => {
    expect(
      (await t.request({ method: "POST", url: "/api/projects", as: member, payload: { name: "x" } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: "POST", url: "/api/projects", payload: { name: "x" } })).statusCode,
    ).toBe(401);
  });
});

describe("GET /api/projects", () => {
  it("filters by colour, sector, owner and text, and pages by period end", async () => {
    await createKarriar();
    await create({
      name: "SAMLAB",
      leadName: "Magnus Ottelid",
      sector: "Arbetslivsanknytning",
      ownerOrganisationId: miunId,
      periodStart: "2011-03",
      periodEnd: "2012-09",
      colour: "yellow",
      colourReason: "Inte riktigt framme ännu.",
    });
    await create({
      name: "Karriärtorget",
      sector: "Morgondagens studenter och arbetskraft",
      ownerOrganisationId: skId,
      periodStart: "2010-01",
    });

    await create({ name: "Första avtalsperioden", ownerOrganisationId: skId });
    // Without a sector group a project is counted (and filtered) under its owner, as on the dashboard.
    const byOwnerName = await t.request({
      method: "GET",
      url: `/api/projects?sector=${encodeURIComponent("Samhällskontraktet")}`,
      as: member,
    });
    expect(byOwnerName.json().items.map((p: { name: string }) => p.name)).toEqual(["Första avtalsperioden"]);

    const yellow = await t.request({ method: "GET", url: "/api/projects?colour=yellow", as: member });
    expect(yellow.statusCode).toBe(200);
    expect(yellow.json().items.every((p: { colour: string }) => p.colour === "yellow")).toBe(true);
    const none = await t.request({
      method: "GET",
      url: `/api/projects?colour=none&owner=${skId}`,
      as: member,
    });
    expect(none.json().items.map((p: { name: string }) => p.name)).toEqual([
      "Första avtalsperioden",
      "Karriärtorget",
    ]);
    const text = await t.request({ method: "GET", url: "/api/projects?q=sivertsen", as: member });
    expect(text.json().items.length).toBeGreaterThan(0);
    expect(text.json().items.every((p: { leadName: string }) => p.leadName === "Pernilla Sivertsen")).toBe(
      true,
    );

    const first = await t.request({
      method: "GET",
      url: `/api/projects?owner=${miunId}&sort=periodEnd&limit=1`,
      as: member,
    });
    expect(first.json().items[0].name).toBe("SAMLAB");
    expect(first.json().nextCursor).toBeTruthy();
    const second = await t.request({
      method: "GET",
      url: `/api/projects?owner=${miunId}&sort=periodEnd&limit=1&cursor=${first.json().nextCursor}`,
      as: member,
    });
    expect(second.json().items[0].name).toBe("Karriärcoachning");
  });

  it("answers 422 for an unknown colour or sort and 401 for the public", async () => {
    const bad = await t.request({ method: "GET", url: "/api/projects?colour=blue&sort=colour", as: member });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().errors).sort()).toEqual(["colour", "sort"]);
    expect((await t.request({ method: "GET", url: "/api/projects" })).statusCode).toBe(401);
  });
});

describe("GET and PATCH /api/projects/{id}", () => {
  it("shows a project to any logged-in user and answers 404 for an unknown one", async () => {
    const p = await createKarriar();
    const res = await t.request({ method: "GET", url: `/api/projects/${p.id}`, as: member });
    expect(res.json()).toMatchObject({
      name: "Karriärcoachning",
      abilities: { manage: false, report: false },
    });
    expect((await t.request({ method: "GET", url: `/api/projects/${missing}`, as: member })).statusCode).toBe(
      404,
    );
  });

  it("changes the follow-up fields and replaces the funding lines", async () => {
    const p = await createKarriar();
    const res = await t.request({
      method: "PATCH",
      url: `/api/projects/${p.id}`,
      as: coordinator,
      payload: { concreteResults: "Ja, bl.a. i form av lokaler", funding: [{ kind: "own", amount: 75_000 }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      concreteResults: "Ja, bl.a. i form av lokaler",
      fundingTotals: { total: 75_000 },
    });
  });

  it("refuses a colour through PATCH (it needs a reason), and answers 404 and 403", async () => {
    const p = await createKarriar();
    const colour = await t.request({
      method: "PATCH",
      url: `/api/projects/${p.id}`,
      as: coordinator,
      payload: { colour: "red" },
    });
    expect(colour.statusCode).toBe(422);
    expect(colour.json().errors).toBeDefined();
    const order = await t.request({
      method: "PATCH",
      url: `/api/projects/${p.id}`,
      as: coordinator,
      payload: { periodEnd: "2011-01" },
    });
    expect(order.json().errors.periodEnd).toEqual(["Slutet kan inte ligga före början."]);
    const self = await t.request({
      method: "PATCH",
      url: `/api/projects/${p.id}`,
      as: coordinator,
      payload: { parentId: p.id },
    });
    expect(self.json().errors.parentId).toEqual(["Det överordnade projektet finns inte."]);
    expect(
      (
        await t.request({
          method: "PATCH",
          url: `/api/projects/${missing}`,
          as: coordinator,
          payload: { name: "x" },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "PATCH", url: `/api/projects/${p.id}`, as: member, payload: { name: "x" } }))
        .statusCode,
    ).toBe(403);
  });
});

describe("POST /api/projects/{id}/status", () => {
  it("changes Gul to Grön with a reason and keeps both in the history, newest first", async () => {
    const p = await create({
      name: "Distansarbetsplatser",
      leadName: "Jan Eriksson",
      colour: "yellow",
      colourReason: "Kan och bör kopplas närmare Alumni.",
      colourDate: "2013-04-02",
    });
    const res = await t.request({
      method: "POST",
      url: `/api/projects/${p.id}/status`,
      as: coordinator,
      payload: { colour: "green", reason: "Kopplat till Alumni, bra resultat i slutrapporten." },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.colour).toBe("green");
    expect(body.colourHistory).toMatchObject([
      {
        colour: "green",
        previousColour: "yellow",
        reason: "Kopplat till Alumni, bra resultat i slutrapporten.",
        authorName: "Sara Samordnare",
        date: new Date().toISOString().slice(0, 10),
      },
      { colour: "yellow", previousColour: null, date: "2013-04-02" },
    ]);
  });

  it("answers 422 for an unknown colour or a missing reason, 404 and 403", async () => {
    const p = await createKarriar();
    const url = `/api/projects/${p.id}/status`;
    const bad = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { colour: "blue", reason: " " },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual({
      colour: ["Värdet är inte tillåtet."],
      reason: ["Fältet måste fyllas i."],
    });
    const payload = { colour: "red", reason: "x" };
    expect(
      (await t.request({ method: "POST", url: `/api/projects/${missing}/status`, as: coordinator, payload }))
        .statusCode,
    ).toBe(404);
    expect((await t.request({ method: "POST", url, as: member, payload })).statusCode).toBe(403);
  });
});

describe("outputs", () => {
  it("records each output as its own typed record with authors, venue, year and DOI, and removes one", async () => {
    const p = await createKarriar();
    const article = {
      type: "scientific_article",
      title: "Karriärcoachning som systematiserad process",
      authors: "Sivertsen, P., Berg, K.",
      venue: "Arbetsliv i omvandling",
      year: 2013,
      doi: "10.5555/miun.2013.1",
    };
    const res = await t.request({
      method: "POST",
      url: `/api/projects/${p.id}/outputs`,
      as: coordinator,
      payload: article,
    });
    expect(res.statusCode).toBe(201);
    const output = res.json().outputs[0];
    expect(output).toMatchObject({ ...article, count: 1, date: null, url: null });
    const bad = await t.request({
      method: "POST",
      url: `/api/projects/${p.id}/outputs`,
      as: coordinator,
      payload: { type: "poem", title: "x", count: 14, doi: "https://doi.org/x" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual({
      count: ["Varje resultat registreras för sig: antal ska vara 1."],
      doi: ["Ange en DOI som börjar med 10., till exempel 10.1234/abc."],
      type: ["Värdet är inte tillåtet."],
    });
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/projects/${p.id}/outputs`,
          as: member,
          payload: { type: "report", title: "x" },
        })
      ).statusCode,
    ).toBe(403);
    const url = `/api/projects/${p.id}/outputs/${output.id}`;
    expect((await t.request({ method: "DELETE", url, as: coordinator })).statusCode).toBe(204);
    expect((await t.request({ method: "DELETE", url, as: coordinator })).statusCode).toBe(404);
  });
});

describe("portfolio views", () => {
  it("exports the appendix table as XLSX with typed cells and neutralised formulas, and as CSV", async () => {
    await create({
      ...karriar,
      name: "Export-1",
      leadPersonId,
      ownerOrganisationId: skId,
      sector: "Exportsektor",
    });
    await create({
      name: "=cmd|' /C calc'!A0",
      leadName: "@ond",
      ownerOrganisationId: skId,
      sector: "Exportsektor",
    });
    const xlsx = await t.request({
      method: "GET",
      url: `/api/projects/export?format=xlsx&sector=Exportsektor`,
      as: member,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain("projektportfolj.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(7).value).toBe("Färgkodning Röd/gul/grön");
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe("Export-1 (Pernilla Sivertsen)");
    expect(row.getCell(2).value).toBe("Delrapport");
    expect(row.getCell(3).value).toBe("jun 2012 – jun 2014");
    expect(row.getCell(7).value).toBe("Grön");
    expect(row.getCell(8).value).toEqual(new Date("2013-04-02T00:00:00Z"));
    expect(sheet.getRow(2).getCell(1).value).toBe("'=cmd|' /C calc'!A0 (@ond)");

    const csv = await t.request({
      method: "GET",
      url: `/api/projects/export?format=csv&sector=Exportsektor`,
      as: member,
    });
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFProjektnamn;Slut- eller delrapport;Start- och (beräknad) avslutningstid;Finns konkreta resultat?;Kan projektet skalas upp?;Processledarens kommentarer;Färgkodning Röd/gul/grön;Rapportdatum;Start (månad);Slut (månad);Sektor eller område",
    );
    expect(lines[1].startsWith("'=cmd|' /C calc'!A0 (@ond);")).toBe(true);
    expect(lines[2]).toContain(
      ";jun 2012 – jun 2014;Ja;Ja;Process som systematiserats. Bra utfall.;Grön;2013-04-02;2012-06-01;2014-06-01;",
    );
    expect(
      (await t.request({ method: "GET", url: "/api/projects/export?format=doc", as: member })).statusCode,
    ).toBe(422);
    expect((await t.request({ method: "GET", url: "/api/projects/export" })).statusCode).toBe(401);
  });

  it("counts by colour and sector, lists projects ending soon and overdue reports as of a day", async () => {
    const owner = await insertOrganisationViaApi();
    await create({
      name: "A",
      ownerOrganisationId: owner,
      sector: "Utbildning",
      periodEnd: "2013-05",
      colour: "green",
      colourReason: "x",
    });
    await create({
      name: "B",
      ownerOrganisationId: owner,
      sector: "Utbildning",
      periodEnd: "2014-12",
      colour: "red",
      colourReason: "x",
      reportDueDate: "2013-03-15",
    });
    await create({
      name: "C",
      ownerOrganisationId: owner,
      sector: "Äldreomsorg och socialt arbete",
      periodEnd: "2013-04",
    });
    const res = await t.request({
      method: "GET",
      url: `/api/projects/dashboard?owner=${owner}&asOf=2013-04-02&months=2`,
      as: member,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.byColour).toEqual({ green: 1, yellow: 0, red: 1, none: 1, total: 3 });
    expect(body.bySector).toEqual([
      { sector: "Utbildning", green: 1, yellow: 0, red: 1, none: 0, total: 2 },
      { sector: "Äldreomsorg och socialt arbete", green: 0, yellow: 0, red: 0, none: 1, total: 1 },
    ]);
    expect(body.endingSoon.map((p: { name: string }) => p.name)).toEqual(["C", "A"]);
    expect(body.overdueReports).toMatchObject([{ name: "B", reportDueDate: "2013-03-15", daysOverdue: 18 }]);
    const bad = await t.request({
      method: "GET",
      url: "/api/projects/dashboard?asOf=2013-02-30",
      as: member,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.asOf).toEqual(["Ange ett datum som ÅÅÅÅ-MM-DD."]);
    expect((await t.request({ method: "GET", url: "/api/projects/dashboard" })).statusCode).toBe(401);
  });

  it("gives the projects' periods for the timeline", async () => {
    const owner = await insertOrganisationViaApi();
    await create({
      name: "Turism 2.0",
      ownerOrganisationId: owner,
      periodStart: "2013-04",
      periodEnd: "2013-12",
    });
    const res = await t.request({ method: "GET", url: `/api/projects/timeline?owner=${owner}`, as: member });
    expect(res.json().items).toEqual([
      expect.objectContaining({
        name: "Turism 2.0",
        periodStart: "2013-04",
        periodEnd: "2013-12",
        periodLabel: "apr 2013 – dec 2013",
      }),
    ]);
    expect(
      (await t.request({ method: "GET", url: "/api/projects/timeline?owner=x", as: member })).statusCode,
    ).toBe(422);
  });
});

let orgCounter = 0;
/** A fresh owner per test keeps the views' counts independent of the other tests. */
async function insertOrganisationViaApi() {
  return insertOrganisation(t.database.db, `Ägare ${++orgCounter}`);
}

describe("OpenAPI", () => {
  it("documents the portfolio, plan and framework paths", async () => {
    const res = await t.request({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const path of [
      "/api/frameworks",
      "/api/frameworks/{id}",
      "/api/plans",
      "/api/plans/{id}",
      "/api/projects",
      "/api/projects/{id}",
      "/api/projects/{id}/status",
      "/api/projects/export",
      "/api/projects/dashboard",
      "/api/projects/reports/overdue",
    ])
      expect(paths).toContain(path);
  });
});
