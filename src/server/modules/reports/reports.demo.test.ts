import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadFinanceDemo, MONEY_2010, MONEY_2010_TOTAL } from "../../../../demo/finance.ts";
import { loadDemoData } from "../../../../demo/index.ts";
import { loadIndicatorsDemo } from "../../../../demo/indicators.ts";
import { ORG } from "../../../../demo/registers/names.ts";
import type { ReportDocument } from "../../../common/reports.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { projects } from "../projects/projects.schema.ts";

/** The demo data reproduces the seeds' follow-up figures, generated from data. */

const t = await createTestApp({
  seed: async ({ db }) => {
    await loadDemoData(db);
    // No-ops once the demo index runs them; here so the check holds while steps are being added.
    await loadIndicatorsDemo(db);
    await loadFinanceDemo(db);
  },
});
const db = t.database.db;
const board = await t.login(demo.groupMember);
const [sk] = await db.select().from(organisations).where(eq(organisations.name, ORG.samhallskontraktet));
type Table = Extract<ReportDocument["blocks"][number], { type: "table" }>;
const tables = (doc: ReportDocument) => doc.blocks.filter((b): b is Table => b.type === "table");

describe("demo follow-up", () => {
  it("gives Samhällskontraktet's 2010 annual report the seed's money table, total 5 892 500 kr", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/reports/annual?organisationId=${sk.id}&year=2010&format=json`,
      as: board,
    });
    expect(res.statusCode).toBe(200);
    const money = tables(res.json()).find((b) => b.caption === "Förbrukade medel 2010 per enhet")!;
    expect(money.rows).toEqual(MONEY_2010.map((r) => [r.unit, r.amount]));
    expect(money.footer).toEqual(["TOTAL", MONEY_2010_TOTAL]);
    const cofinancing = tables(res.json()).find((b) => b.caption === "Medfinansiering 2010 per finansiär")!;
    expect(cofinancing.rows).toEqual([
      [expect.stringMatching(/^Sparbanksstiftelserna/), "Unga matematiker", 160_000],
    ]);
  });

  it("lists the seed's 2010 meeting places with their estimated participants", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/reports/annual?organisationId=${sk.id}&year=2010&format=json`,
      as: board,
    });
    const meetings = tables(res.json()).find((b) => b.caption.startsWith("Mötesplatser 2010"))!;
    expect(meetings.rows).toHaveLength(15); // eleven items in the seed, the network meeting four times
    expect(meetings.rows[0]).toEqual([
      "2010-02-19",
      "Workshop Framtidens vård & omsorg",
      "Workshop",
      "Stadshotellet Västerås",
      "",
      null,
      null,
      90,
    ]);
    const conference = meetings.rows.find((r) => r[0] === "2010-11-09, 2010-11-10")!;
    expect(conference.slice(1, 4)).toEqual([
      "Konferenser ”Bemötande av varandra och andra”",
      "Konferens",
      "Eskilstuna; Västerås",
    ]);
    expect(conference[7]).toBe(400);
    expect(meetings.footer?.[7]).toBe(1045);
  });

  it("counts the first agreement period from its output records: 16, 14, 12, 21, 80, 10", async () => {
    const [period] = await db
      .select()
      .from(projects)
      .where(eq(projects.name, "Samhällskontraktet – första avtalsperioden"));
    const res = await t.request({
      method: "GET",
      url: `/api/reports/follow-up?projectId=${period.id}&format=json`,
      as: board,
    });
    const summary = (res.json() as ReportDocument).blocks.find((b) => b.type === "list");
    expect(summary).toEqual({
      type: "list",
      items: [
        "16 forsknings- och utvecklingsprojekt",
        "14 publicerade vetenskapliga artiklar",
        "12 andra rapporter",
        "21 konferenspresentationer",
        "80 spridningsaktiviteter",
        "10 dokumenterade modeller/metoder",
      ],
      anchors: [
        "follow-up-projects",
        "follow-up-outputs-scientific_article",
        "follow-up-outputs-report",
        "follow-up-outputs-conference_presentation",
        "follow-up-outputs-dissemination_activity",
        "follow-up-outputs-documented_model",
      ],
    });
    // Each figure's link opens the heading of the list it counts, and that list has as many records.
    const headings = (res.json() as ReportDocument).blocks.filter((b) => b.type === "heading");
    for (const [i, anchor] of (summary as { anchors: string[] }).anchors.entries()) {
      const target = headings.find((h) => h.type === "heading" && h.anchor === anchor);
      expect(target, anchor).toBeDefined();
      if (i > 0)
        expect(target && "text" in target ? target.text : "").toBe(
          summary && "items" in summary ? summary.items[i] : "",
        );
    }
    // Each figure is its records: the list it opens has as many rows, spread over the period's projects.
    const doc: ReportDocument = res.json();
    const projectTable = tables(doc).find((b) => b.caption.startsWith("Projekt inom"))!;
    expect(projectTable.rows).toHaveLength(16);
    const figures: [string, number][] = [
      ["14 publicerade vetenskapliga artiklar", 14],
      ["12 andra rapporter", 12],
      ["21 konferenspresentationer", 21],
      ["80 spridningsaktiviteter", 80],
      ["10 dokumenterade modeller/metoder", 10],
    ];
    const producers = new Set<unknown>();
    for (const [caption, count] of figures) {
      const list = tables(doc).find((b) => b.caption === caption)!;
      expect(list.rows).toHaveLength(count);
      for (const row of list.rows) producers.add(row[1]);
    }
    // Every one of the 16 projects has outputs; none are lump sums on the period itself.
    expect([...producers].sort()).toEqual(projectTable.rows.map((r) => r[0]).sort());
    const articles = tables(doc).find((b) => b.caption === figures[0][0])!;
    expect(articles.rows.every((r) => r[2] !== "" && r[3] !== "" && typeof r[4] === "number")).toBe(true);
    expect(new Set(articles.rows.map((r) => r[5])).size).toBe(14);
  });

  it("has LC-KOMP's project-level goals as indicators: four computed from attendance, five counted from the organisations' values, two not measured", async () => {
    const [lcKomp] = await db.select().from(projects).where(eq(projects.name, "LC-KOMP"));
    const res = await t.request({
      method: "GET",
      url: `/api/goal-dashboard?projectId=${lcKomp.id}`,
      as: board,
    });
    expect(res.statusCode).toBe(200);
    const indicators = res.json().goals.flatMap((g: { indicators: unknown[] }) => g.indicators);
    expect(indicators.map((i: { target: number }) => i.target)).toEqual([
      180, 75, 100, 85, 11, 8, 13, 8, 8, 17, 17,
    ]);
    // Every one of the 260 participants of the project plan attended at least one event.
    expect(indicators[0]).toMatchObject({ actual: 260, status: "on_track" });
    expect(indicators.slice(0, 4).every((i: { kind: string }) => i.kind === "computed")).toBe(true);
    expect(
      indicators
        .slice(4, 9)
        .every((i: { kind: string; actual: number }) => i.kind === "manual" && i.actual > 0),
    ).toBe(true);
    // The horizontal criteria: goals of all 17 organisations, not measured (the seed gives no outcome).
    expect(indicators.slice(9).map((i: { actual: number | null }) => i.actual)).toEqual([null, null]);
    expect(res.json().organisations.length).toBeGreaterThan(0);
  });
});
