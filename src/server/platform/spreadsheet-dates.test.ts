import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isoToDate, stockholmDateTime, toXlsx } from "./spreadsheet-export.ts";

// Issue 15, item 3: XLSX exports hold real date cells, and times as a Swedish clock shows them.
describe("dates in spreadsheets", () => {
  it("takes a timestamp's day as it was in Sweden, a plain date as it is", () => {
    expect(isoToDate("2013-04-02")?.toISOString()).toBe("2013-04-02T00:00:00.000Z");
    // 22:30 UTC on 1 April is 00:30 on 2 April in Stockholm (summer time).
    expect(isoToDate("2013-04-01T22:30:00.000Z")?.toISOString()).toBe("2013-04-02T00:00:00.000Z");
    expect(isoToDate("2013-01-01T22:30:00.000Z")?.toISOString()).toBe("2013-01-01T00:00:00.000Z");
    expect(isoToDate("inte ett datum")).toBeNull();
  });

  it("shows an instant as a Stockholm wall clock, summer and winter", () => {
    expect(stockholmDateTime("2026-07-01T10:30:00.000Z")?.toISOString()).toBe("2026-07-01T12:30:00.000Z");
    expect(stockholmDateTime(new Date("2026-01-15T23:30:00.000Z"))?.toISOString()).toBe(
      "2026-01-16T00:30:00.000Z",
    );
    expect(stockholmDateTime(null)).toBeNull();
  });

  it("formats a date as a date even in a column that starts with text", async () => {
    const xlsx = await toXlsx([
      {
        name: "Blandat",
        columns: [{ header: "Värde", value: (r: { v: string | Date }) => r.v, numFmt: "yyyy-mm-dd hh:mm" }],
        rows: [{ v: "Rubrik" }, { v: new Date("2026-07-01T12:30:00.000Z") }],
      },
      {
        name: "Dagar",
        columns: [{ header: "Dag", value: (r: { v: string | Date | null }) => r.v }],
        rows: [{ v: "flera dagar" }, { v: isoToDate("2010-02-19") }],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const timed = workbook.getWorksheet("Blandat")!.getRow(3).getCell(1);
    expect(timed.value).toBeInstanceOf(Date);
    expect(timed.numFmt).toBe("yyyy-mm-dd hh:mm");
    const day = workbook.getWorksheet("Dagar")!.getRow(3).getCell(1);
    expect(day.value).toBeInstanceOf(Date);
    expect(day.numFmt).toBe("yyyy-mm-dd");
  });
});
