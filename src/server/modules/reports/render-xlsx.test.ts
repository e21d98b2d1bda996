import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../../common/reports.ts";
import { renderXlsx } from "./render-xlsx.ts";

// Issue 15, item 3: a report's workbook says when it was made in Swedish local time, as date cells.
const doc = (generatedAt: string, dataAsOf: string | null): ReportDocument => ({
  lang: "sv",
  title: "Verksamhetsberättelse för Samhällskontraktet 2010",
  blocks: [
    {
      type: "table",
      sheet: "Mötesplatser",
      caption: "Mötesplatser 2010",
      columns: [
        { header: "Datum", kind: "date" },
        { header: "Rubrik", kind: "text" },
      ],
      rows: [
        ["2010-11-09, 2010-11-10", "Bemötande av varandra och andra"],
        ["2010-02-19", "Workshop Framtidens vård & omsorg"],
      ],
      footer: null,
    },
  ],
  generatedAt,
  dataAsOf,
  hash: "a".repeat(64),
  provenance: "Genererad …",
});

async function open(d: ReportDocument) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderXlsx(d)) as unknown as ArrayBuffer);
  return workbook;
}
const wallClock = (cell: ExcelJS.Cell) => (cell.value as Date).toISOString().slice(0, 16).replace("T", " ");

describe("the report's workbook", () => {
  it("shows the generation time as a Stockholm clock showed it, summer and winter", async () => {
    const summer = (await open(doc("2026-07-01T10:30:00.000Z", "2026-06-30T22:15:00.000Z"))).getWorksheet(
      "Om rapporten",
    )!;
    expect(wallClock(summer.getRow(3).getCell(2))).toBe("2026-07-01 12:30");
    expect(wallClock(summer.getRow(4).getCell(2))).toBe("2026-07-01 00:15");
    expect(summer.getRow(3).getCell(2).numFmt).toBe("yyyy-mm-dd hh:mm");
    const winter = (await open(doc("2026-01-15T23:30:00.000Z", null))).getWorksheet("Om rapporten")!;
    expect(wallClock(winter.getRow(3).getCell(2))).toBe("2026-01-16 00:30");
    expect(winter.getRow(4).getCell(2).value).toBe("(inga data)");
  });

  it("writes a day as a date cell and several days as text, never a misread first day", async () => {
    const workbook = await open(doc("2026-07-01T10:30:00.000Z", null));
    const sheet = workbook.getWorksheet("Mötesplatser")!;
    expect(sheet.getRow(2).getCell(1).value).toBe("2010-11-09, 2010-11-10");
    const day = sheet.getRow(3).getCell(1);
    expect(day.value).toBeInstanceOf(Date);
    expect((day.value as Date).toISOString()).toBe("2010-02-19T00:00:00.000Z");
    expect(day.numFmt).toBe("yyyy-mm-dd");
    expect(workbook.keywords).toBe(`sha256:${"a".repeat(64)}`);
    expect(workbook.title).toBe("Verksamhetsberättelse för Samhällskontraktet 2010");
  });
});
