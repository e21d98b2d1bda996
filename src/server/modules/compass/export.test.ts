import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { programmeCompassHtml } from "./export/compass-html.ts";
import { radarSvg, wrap } from "./export/radar-svg.ts";
import { type CompassFixture, seedCompassFixture } from "./test/compass.fixture.ts";

let f: CompassFixture;
const t = await createTestApp({
  seed: async (database) => {
    f = await seedCompassFixture(database);
  },
});
let member: Session;
let director: Session;
beforeAll(async () => {
  member = await t.login(demo.groupMember);
  director = await t.login(demo.programmeDirector);
  await t.request({
    method: "PUT",
    url: `/api/compass/programmes/${f.nursing}/goals?year=2024`,
    payload: { goals: { placement: 4, alumni: 2 } },
    as: director,
  });
});

describe("radar SVG", () => {
  it("draws one axis per dimension, four level rings and a polygon per series, with a text alternative", () => {
    const svg = radarSvg({
      axes: ["A", "B <b>", "C"],
      title: "Kompassen för X & Y",
      series: [{ name: "Nuläge", values: [4, null, 2], stroke: "#000", fill: "#000", fillOpacity: 0.2 }],
    });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="radar-title">Kompassen för X &amp; Y</title>');
    expect(svg).toContain("B &lt;b&gt;");
    expect(svg.match(/<line /g)).toHaveLength(3);
    expect(svg.match(/<polygon /g)).toHaveLength(4 + 1);
  });

  it("wraps long labels at spaces", () => {
    expect(wrap("Arbetslivet i utbildningens utveckling", 18)).toEqual([
      "Arbetslivet i",
      "utbildningens",
      "utveckling",
    ]);
  });

  it("renders the programme page as HTML with a data table and escaped text", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}?year=2024`,
      as: member,
    });
    const html = programmeCompassHtml({ ...res.json(), programmeName: "Sjuk <script>" }, "sv");
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("Sjuk &lt;script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<th scope="row">Praktik och VFU</th><td class="num">4</td>');
  });
});

describe("exports", () => {
  it("gives the programme compass as a tagged PDF", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}/compass.pdf?year=2024`,
      as: member,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain("ala-kompassen-HSJUG-2024.pdf");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Tagged: a structure tree and marked content, which screen readers follow.
    expect(pdf.includes("StructTreeRoot")).toBe(true);
    expect(pdf.includes("/Marked true")).toBe(true);
  });

  it("gives the unit compass as a PDF", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/compass/units/${f.huv}/compass.pdf?year=2024`,
      as: member,
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.includes("StructTreeRoot")).toBe(true);
  });

  it("gives the heat-map as XLSX with numbers in the cells", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/compass/units/${f.miun}/heatmap.xlsx?year=2024`,
      as: member,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Nivåer", "Mål", "Sammanfattning"]);
    const levels = workbook.getWorksheet("Nivåer")!;
    expect(levels.getRow(1).getCell(4).value).toBe("Praktik och VFU");
    const nursingRow = levels.getRows(2, 4)!.find((r) => r.getCell(1).value === "HSJUG")!;
    expect(nursingRow.getCell(4).value).toBe(4);
    expect(typeof nursingRow.getCell(5).value).toBe("number");
    const goals = workbook.getWorksheet("Mål")!;
    const nursingGoals = goals.getRows(2, 4)!.find((r) => r.getCell(1).value === "HSJUG")!;
    expect(nursingGoals.getCell(4).value).toBe(4);
    const summary = workbook.getWorksheet("Sammanfattning")!;
    expect(summary.getRow(2).getCell(2).value).toBe(1);
    expect(summary.getRow(2).values).toEqual([undefined, "Praktik och VFU", 1, 4, 3, 0, 0, 0, 1]);
  });

  it("answers 404 for unknown programmes and units, 422 for bad years, 401 for the public", async () => {
    const none = "00000000-0000-4000-8000-000000000000";
    expect(
      (await t.request({ method: "GET", url: `/api/compass/programmes/${none}/compass.pdf`, as: member }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/compass/units/${none}/compass.pdf`, as: member }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/compass/units/${none}/heatmap.xlsx`, as: member }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: "GET",
          url: `/api/compass/units/${f.miun}/heatmap.xlsx?year=x`,
          as: member,
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (await t.request({ method: "GET", url: `/api/compass/units/${f.miun}/heatmap.xlsx` })).statusCode,
    ).toBe(401);
  });
});
