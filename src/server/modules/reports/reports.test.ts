import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../../common/reports.ts";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { recordAttendanceList } from "../events/attendance-list.service.ts";
import { createEvent } from "../events/events.service.ts";
import { createSpend, createUnit } from "../finance/finance.service.ts";
import { createFramework, getFramework } from "../goals/goals.service.ts";
import { createIndicator } from "../indicators/indicators.service.ts";
import { followUpFixture, partnerOfSala, TEST_PASSWORD } from "../indicators/test/follow-up.fixture.ts";
import { addOutput, createProject } from "../projects/projects.service.ts";
import { inspectPdf, unzipEntry } from "./file-checks.ts";

const fixture = followUpFixture();
const { ids } = fixture;
const extra = { programme: "" };
const moneyTable: [string, string | null, number][] = [
  ["Sektor Utbildning", "Utbildning", 1_226_000],
  ["Sektor Äldreomsorg & socialt arbete", "Äldreomsorg och socialt arbete", 455_000],
  ["Sektor Morgondagens studenter och arbetskraft", "Morgondagens studenter och arbetskraft", 860_500],
  ["Nationella kommunforskningsprogrammet", null, 118_000],
  ["Forskargruppen STAMP", null, 1_000_000],
  ["Processledning och drift", null, 1_973_000],
  ["Information/kommunikation", null, 260_000],
];

const t = await createTestApp({
  seed: async (database) => {
    await fixture.seed(database);
    const { db } = database;
    for (const [name, sector, amount] of moneyTable) {
      await createUnit(db, systemActor, { organisationId: ids.sk, name, sector });
      await createSpend(db, systemActor, {
        organisationId: ids.sk,
        date: "2010-12-31",
        amount,
        unitName: name,
      });
    }
    const workshop = await createEvent(db, systemActor, {
      title: "Workshop Framtidens vård & omsorg",
      typeKey: "workshop",
      status: "done",
      organiserIds: [ids.sk],
      registrationEnabled: false,
      estimatedParticipants: 90,
      tags: ["Äldreomsorg och socialt arbete"],
      sessions: [
        { date: "2010-02-19", startTime: "09:00", endTime: "16:00", place: "Stadshotellet Västerås" },
      ],
    });
    const conference = await createEvent(db, systemActor, {
      title: "Bemötande av varandra och andra",
      typeKey: "konferens",
      status: "done",
      organiserIds: [ids.sk],
      organisationIds: [ids.motala],
      registrationEnabled: false,
      estimatedParticipants: 400,
      sessions: [
        { date: "2010-11-09", startTime: "09:00", endTime: "16:00", place: "Eskilstuna" },
        { date: "2010-11-10", startTime: "09:00", endTime: "16:00", place: "Västerås" },
      ],
    });
    await recordAttendanceList(db, systemActor, conference.id, [
      { name: "Kim Konferens", email: "kim@test.se", attended: true },
      { name: "Lo Anmäld", email: "lo@test.se", attended: false },
    ]);
    void workshop;
    const framework = await createFramework(db, systemActor, {
      name: "Samhällskontraktet — vision och övergripande mål",
      ownerOrganisationId: ids.sk,
      vision:
        "Eskilstuna och Västerås är en stark region som skapar värde för individer, organisationer och företag.",
      goals: [{ code: "7", text: "Öka kompetensen hos personal i kommunalt finansierad verksamhet" }],
    });
    const goal7 = (await getFramework(db, systemActor, framework))!.goals[0];
    await createIndicator(db, systemActor, {
      name: "Uppskattat antal deltagare i mötesplatser",
      unit: "personer",
      goalId: goal7.id,
      organisationId: ids.sk,
      target: 1000,
      startDate: "2010-01-01",
      deadline: "2010-12-31",
      definition: {
        kind: "sum_participants",
        filters: { organisationId: ids.sk, from: "2010-01-01", to: "2010-12-31" },
      },
    });
    extra.programme = await createProject(db, systemActor, {
      name: "Första avtalsperioden",
      ownerOrganisationId: ids.sk,
    });
    const child = await createProject(db, systemActor, {
      name: "Delprojekt A",
      ownerOrganisationId: ids.sk,
      parentId: extra.programme,
    });
    await createProject(db, systemActor, {
      name: "Delprojekt B",
      ownerOrganisationId: ids.sk,
      parentId: child,
    });
    // One record per output: fourteen articles on the programme, ten models on a sub-project.
    for (let i = 1; i <= 14; i++)
      await addOutput(db, systemActor, extra.programme, {
        type: "scientific_article",
        title: `Artikel ${i}`,
        authors: "Andersson, A.",
        venue: "Arbetsliv i omvandling",
        year: 2011,
        doi: `10.5555/test.${i}`,
      });
    for (let i = 1; i <= 10; i++)
      await addOutput(db, systemActor, child, { type: "documented_model", title: `Modell ${i}` });
  },
});
const admin = await t.login(demo.admin);
const board = await t.login(demo.groupMember);
const partner = await t.login(partnerOfSala, TEST_PASSWORD);
const annual = (format: string, as = board) =>
  t.request({
    method: "GET",
    url: `/api/reports/annual?organisationId=${ids.sk}&year=2010&format=${format}`,
    as,
  });
const nbsp = (s: string) => s.replaceAll("\u00a0", " ");

type Table = Extract<ReportDocument["blocks"][number], { type: "table" }>;
const tables = (doc: ReportDocument) => doc.blocks.filter((b): b is Table => b.type === "table");

describe("annual report", () => {
  it("reproduces the seed's money table, summing to 5 892 500 kr", async () => {
    const res = await annual("json");
    expect(res.statusCode).toBe(200);
    const doc: ReportDocument = res.json();
    expect(doc.title).toBe("Verksamhetsberättelse för Samhällskontraktet 2010");
    const money = tables(doc).find((b) => b.caption === "Förbrukade medel 2010 per enhet")!;
    expect(money.rows).toEqual(moneyTable.map(([name, , amount]) => [name, amount]));
    expect(money.footer).toEqual(["TOTAL", 5_892_500]);
  });

  it("lists the meeting places with dates, registered, attended and estimated counts kept apart", async () => {
    const doc: ReportDocument = (await annual("json")).json();
    const meetings = tables(doc).find((b) => b.caption.startsWith("Mötesplatser 2010"))!;
    expect(meetings.columns.map((c) => c.header)).toEqual([
      "Datum",
      "Rubrik",
      "Typ",
      "Plats",
      "Tillsammans med",
      "Anmälda",
      "Deltog",
      "Uppskattat antal",
    ]);
    expect(meetings.rows).toEqual([
      // No registrations were taken: registered and attended are empty, not zero.
      [
        "2010-02-19",
        "Workshop Framtidens vård & omsorg",
        "Workshop",
        "Stadshotellet Västerås",
        "",
        null,
        null,
        90,
      ],
      [
        "2010-11-09, 2010-11-10",
        "Bemötande av varandra och andra",
        "Konferens",
        "Eskilstuna; Västerås",
        "Motala kommun",
        2,
        1,
        400,
      ],
    ]);
    expect(meetings.footer).toEqual(["TOTAL", null, null, null, null, 2, 1, 490]);
  });

  it("shows vision, goals with indicator status at the year's end, sectors with projects, co-financing and outputs", async () => {
    const doc: ReportDocument = (await annual("json")).json();
    const text = JSON.stringify(doc.blocks);
    expect(text).toContain("Visionen: ”Eskilstuna och Västerås är en stark region");
    const goals = tables(doc).find((b) => b.caption.includes("mål och indikatorer"))!;
    expect(goals.rows[0]).toEqual([
      "7. Öka kompetensen hos personal i kommunalt finansierad verksamhet",
      "Uppskattat antal deltagare i mötesplatser",
      "minst 1\u00a0000 personer",
      490,
      "Efter plan",
    ]);
    const headings = doc.blocks.filter((b) => b.type === "heading").map((b) => b.text);
    expect(headings).toEqual(
      expect.arrayContaining([
        "Sektor Utbildning",
        "Sektor Äldreomsorg och socialt arbete",
        "Mötesplatser",
        "Resultat",
      ]),
    );
    const sectorActivities = tables(doc).find(
      (b) => b.caption === "Aktiviteter inom Äldreomsorg och socialt arbete 2010",
    )!;
    expect(sectorActivities.rows).toEqual([["2010-02-19", "Workshop Framtidens vård & omsorg", "Workshop"]]);
    const projects = tables(doc).find((b) => b.caption === "Projekt inom Utbildning")!;
    expect(projects.rows[0][0]).toBe("Unga matematiker");
    const cofinancing = tables(doc).find((b) => b.caption === "Medfinansiering 2010 per finansiär")!;
    expect(cofinancing.rows).toEqual([["Sparbanksstiftelserna", "Unga matematiker", 160_000]]);
    const outputs = tables(doc).find((b) => b.caption === "Projektresultat daterade 2010 per typ")!;
    expect(outputs.rows).toEqual([["Vetenskaplig artikel", 3]]);
  });

  it("is reproducible: the same data gives the same content hash, new data a new one", async () => {
    const first: ReportDocument = (await annual("json")).json();
    const second: ReportDocument = (await annual("json")).json();
    expect(second.hash).toBe(first.hash);
    // The cover says when and from what; the hash is in the files' properties, not on the cover.
    expect(first.provenance).toMatch(/^Genererad .+ från data per .+\.$/);
    expect(first.provenance).not.toContain(first.hash.slice(0, 16));
    await createSpend(t.database.db, systemActor, {
      organisationId: ids.sk,
      date: "2010-06-01",
      amount: 1,
      unitName: "Information/kommunikation",
    });
    const third: ReportDocument = (await annual("json")).json();
    expect(third.hash).not.toBe(first.hash);
    await createSpend(t.database.db, systemActor, {
      organisationId: ids.sk,
      date: "2010-06-02",
      amount: -1,
      unitName: "Information/kommunikation",
    });
  });

  it("is a readable HTML page with the total", async () => {
    const res = await annual("html");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain('<html lang="sv">');
    expect(res.body).toContain("<caption>Förbrukade medel 2010 per enhet</caption>");
    expect(nbsp(res.body)).toContain(
      '<tfoot><tr><th scope="row">TOTAL</th><td class="num">5 892 500 kr</td></tr></tfoot>',
    );
    expect(res.body).toContain("<h2>Mötesplatser</h2>");
    // The hash is in the page's head (a meta property), not on its cover.
    const { hash } = (await annual("json")).json() as ReportDocument;
    const [head, body] = res.body.split("<body>");
    expect(head).toContain(`<meta name="content-hash" content="${hash}">`);
    expect(body).not.toContain(hash.slice(0, 16));
  });

  it("downloads as a Word document whose text holds the total", async () => {
    const res = await annual("docx");
    expect(res.statusCode).toBe(200);
    // RFC 6266: an ASCII fallback, and the real name with å/ä/ö as filename*.
    expect(res.headers["content-disposition"]).toBe(
      "attachment; " +
        'filename="Verksamhetsberattelse-for-Samhallskontraktet-2010.docx"; ' +
        "filename*=UTF-8''Verksamhetsber%C3%A4ttelse-f%C3%B6r-Samh%C3%A4llskontraktet-2010.docx",
    );
    const xml = nbsp(unzipEntry(res.rawPayload, "word/document.xml")!.toString("utf8"));
    expect(xml).toContain("5 892 500 kr");
    expect(xml).toContain("Verksamhetsberättelse för Samhällskontraktet 2010");
    expect(xml).toContain('w:val="Heading1"');
    // No content hash in the document's text; it is in its properties.
    const { hash } = (await annual("json")).json() as ReportDocument;
    expect(xml).not.toContain(hash.slice(0, 16));
    expect(xml).not.toContain("Innehållshash");
    const core = unzipEntry(res.rawPayload, "docProps/core.xml")!.toString("utf8");
    expect(core).toContain(`<cp:keywords>sha256:${hash}</cp:keywords>`);
  });

  it("sizes the Word tables' columns to their content, so the goals table breaks no word", async () => {
    const xml = nbsp(unzipEntry((await annual("docx")).rawPayload, "word/document.xml")!.toString("utf8"));
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]);
    const text = (cellXml: string) =>
      [...cellXml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    const goals = tables.find((tbl) => tbl.includes("Uppskattat antal deltagare i mötesplatser"))!;
    expect(goals).toBeDefined();
    const widths = [...goals.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(5);
    // The page's text width (A4 less the margins) is shared out, and not in equal parts.
    expect(widths.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1440);
    expect(new Set(widths).size).toBeGreaterThan(1);
    expect(goals).toContain('<w:tblLayout w:type="fixed"/>');
    // Every word of every cell fits its column: at a generous 110 twips (5.5 pt) a letter, plus padding.
    const rows = [...goals.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) =>
      [...m[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1])),
    );
    expect(rows.length).toBeGreaterThan(1);
    for (const cells of rows)
      cells.forEach((cell, i) => {
        const longest = Math.max(...cell.split(" ").map((w) => [...w].length));
        expect(widths[i], `"${cell}" in column ${i + 1}`).toBeGreaterThanOrEqual(longest * 110 + 200);
      });
    // The goal's long text gets more room than the actual figure beside it.
    expect(widths[0]).toBeGreaterThan(widths[3]);
  });

  it("downloads as a workbook with the money sheet's numbers as numbers", async () => {
    const res = await annual("xlsx");
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Kr")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Enhet", "Kr"]);
    expect(sheet.getRow(9).values).toEqual([undefined, "TOTAL", 5_892_500]);
    expect(workbook.getWorksheet("Om rapporten")!.getRow(5).getCell(2).value).toMatch(/^[0-9a-f]{64}$/);
    // The hash is also in the workbook's properties.
    expect(workbook.keywords).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("writes dates in the workbook as date cells, and when it was generated as a date and time", async () => {
    const res = await annual("xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const about = workbook.getWorksheet("Om rapporten")!;
    const generated = about.getRow(3).getCell(2);
    expect(generated.value).toBeInstanceOf(Date);
    expect(generated.numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(about.getRow(4).getCell(2).value).toBeInstanceOf(Date);
    // A meeting place's day is a date cell formatted yyyy-mm-dd, not text.
    const isDay = (v: unknown): v is Date => v instanceof Date && v.toISOString().startsWith("2010-02-19");
    const sheet = workbook.worksheets.find((ws) => (ws.getColumn(1).values as unknown[]).some(isDay))!;
    expect(sheet).toBeDefined();
    const rowNumber = (sheet.getColumn(1).values as unknown[]).findIndex(isDay);
    expect(sheet.getRow(rowNumber).getCell(1).numFmt).toBe("yyyy-mm-dd");
  });

  it("prints as a tagged PDF with extractable text", async () => {
    const res = await annual("pdf");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(inspectPdf(res.rawPayload)).toEqual({
      isPdf: true,
      drawsText: true,
      extractableText: true,
      tagged: true,
    });
    // The content hash is in the PDF's document properties (Keywords), as UTF-16 text.
    const { hash } = (await annual("json")).json() as ReportDocument;
    const keywords = /\/Keywords <([0-9A-F]+)>/.exec(res.rawPayload.toString("latin1"));
    expect(keywords).not.toBeNull();
    expect(Buffer.from(keywords![1], "hex").swap16().toString("utf16le")).toBe(`\uFEFFsha256:${hash}`);
    expect(res.headers["content-disposition"]).toContain(
      "filename*=UTF-8''Verksamhetsber%C3%A4ttelse-f%C3%B6r-Samh%C3%A4llskontraktet-2010.pdf",
    );
  });

  it("answers 422 for a bad year or format, 404 for an unknown organisation, and hides others' reports from a partner", async () => {
    const bad = await t.request({
      method: "GET",
      url: `/api/reports/annual?organisationId=${ids.sk}&year=tjugotio&format=doc`,
      as: board,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toMatchObject({
      year: ["Ange ett årtal med fyra siffror."],
      format: ["Välj html, pdf, docx, xlsx eller json."],
    });
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (
        await t.request({
          method: "GET",
          url: `/api/reports/annual?organisationId=${unknown}&year=2010`,
          as: admin,
        })
      ).statusCode,
    ).toBe(404);
    expect((await annual("json", partner)).statusCode).toBe(404);
    const own = await t.request({
      method: "GET",
      url: `/api/reports/annual?organisationId=${ids.sala}&year=2010&format=json`,
      as: partner,
    });
    expect(own.statusCode).toBe(200);
    expect(
      (await t.request({ method: "GET", url: `/api/reports/annual?organisationId=${ids.sk}&year=2010` }))
        .statusCode,
    ).toBe(401);
  });
});

describe("progress report", () => {
  it("shows the project's activities, participants by role, indicators and money for the period", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/reports/progress?projectId=${ids.lcKomp}&from=2009-08-01&to=2011-07-31&format=json`,
      as: board,
    });
    expect(res.statusCode).toBe(200);
    const doc: ReportDocument = res.json();
    expect(doc.title).toBe("Lägesrapport för LC-KOMP, 2009-08-01 – 2011-07-31");
    const activities = tables(doc).find((b) => b.caption.startsWith("Aktiviteter"))!;
    expect(activities.rows.map((r) => r[1])).toEqual([
      "Seminarium: omvärldsförändringar",
      "Tematisk workshop: behovsanalys",
      "Nätverksträff: mäklarroll",
    ]);
    const roles = tables(doc).find((b) => b.caption.includes("per roll"))!;
    expect(roles.rows).toEqual([
      ["Projektledare/utvecklingsledare", 1],
      ["Lärare/utbildare", 4],
      ["Kompetensmäklare", 1],
    ]);
    expect(roles.footer).toEqual(["Totalt (varje person en gång)", 6]);
  });

  it("answers 422 for a period that ends before it starts and 404 for a project a partner may not see", async () => {
    const bad = await t.request({
      method: "GET",
      url: `/api/reports/progress?projectId=${ids.lcKomp}&from=2011-01-01&to=2010-01-01`,
      as: board,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.to).toEqual(["Periodens slut kan inte ligga före dess början."]);
    const hidden = await t.request({
      method: "GET",
      url: `/api/reports/progress?projectId=${ids.lcKomp}&from=2009-08-01&to=2011-07-31`,
      as: partner,
    });
    expect(hidden.statusCode).toBe(404);
  });
});

describe("follow-up of an agreement period", () => {
  it("counts the projects within the programme and their output records by type, each count opening its records", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/reports/follow-up?projectId=${extra.programme}&format=json`,
      as: board,
    });
    expect(res.statusCode).toBe(200);
    const doc: ReportDocument = res.json();
    const summary = doc.blocks.find((b) => b.type === "list");
    expect(summary).toEqual({
      type: "list",
      items: [
        "2 forsknings- och utvecklingsprojekt",
        "14 publicerade vetenskapliga artiklar",
        "10 dokumenterade modeller/metoder",
      ],
      anchors: [
        "follow-up-projects",
        "follow-up-outputs-scientific_article",
        "follow-up-outputs-documented_model",
      ],
    });
    // Each figure opens its records: a table per type listing exactly the outputs it counts.
    const articles = tables(doc).find((b) => b.caption === "14 publicerade vetenskapliga artiklar")!;
    expect(articles.rows).toHaveLength(14);
    expect(articles.rows[0]).toEqual([
      "Artikel 1",
      "Första avtalsperioden",
      "Andersson, A.",
      "Arbetsliv i omvandling",
      2011,
      "10.5555/test.1",
    ]);
    const models = tables(doc).find((b) => b.caption === "10 dokumenterade modeller/metoder")!;
    expect(models.rows.map((r) => r[1])).toEqual(Array(10).fill("Delprojekt A"));
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (await t.request({ method: "GET", url: `/api/reports/follow-up?projectId=${unknown}`, as: board }))
        .statusCode,
    ).toBe(404);
  });
});
