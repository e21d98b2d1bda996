import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  isoToDate,
  neutraliseCsvText,
  neutraliseFormula,
  type Sheet,
  toCsv,
  toXlsx,
} from "./spreadsheet-export.ts";

interface Row {
  name: string;
  amount: number;
  share: number;
  date: string;
}
const sheet: Sheet<Row> = {
  name: "Pengar",
  rows: [
    { name: "Sektor Utbildning", amount: 1_226_000, share: 0.208, date: "2010-12-31" },
    { name: '=HYPERLINK("http://x";"klicka")', amount: 455_000, share: 0.077, date: "2010-12-31" },
    { name: "-2+3", amount: 0, share: 0, date: "2010-12-31" },
  ],
  columns: [
    { header: "Enhet", value: (r) => r.name },
    { header: "Kr", value: (r) => r.amount, numFmt: '#,##0 "kr"' },
    { header: "Andel", value: (r) => r.share },
    { header: "Datum", value: (r) => isoToDate(r.date) },
  ],
};

describe("spreadsheet export", () => {
  it("neutralises text a spreadsheet would run as a formula", () => {
    for (const s of ["=1+1", "+1", "-1", "@SUM(A1)"]) expect(neutraliseFormula(s)).toBe(`'${s}`);
    expect(neutraliseFormula("Del-")).toBe("Del-");
  });

  it("writes Swedish Excel CSV: BOM, semicolons, CRLF, decimal comma, quoted fields", () => {
    expect(toCsv(sheet)).toBe(
      '\uFEFFEnhet;Kr;Andel;Datum\r\nSektor Utbildning;1226000;"0,208";2010-12-31\r\n"\'=HYPERLINK(""http://x"";""klicka"")";455000;"0,077";2010-12-31\r\n\'-2+3;0;0;2010-12-31\r\n',
    );
  });

  it("writes XLSX with real numbers and dates and a neutralised formula", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx([sheet])) as never);
    const ws = workbook.getWorksheet("Pengar")!;
    expect(ws.getRow(2).getCell(2).value).toBe(1_226_000);
    expect(ws.getRow(2).getCell(2).numFmt).toBe('#,##0 "kr"');
    expect(ws.getRow(2).getCell(4).value).toEqual(new Date("2010-12-31T00:00:00Z"));
    expect(ws.getRow(3).getCell(1).value).toBe('\'=HYPERLINK("http://x";"klicka")');
    expect(ws.getRow(3).getCell(1).formula).toBeUndefined();
  });

  it("quotes CSV fields holding a comma, semicolon, tab, quote or line break (RFC 4180)", () => {
    const rows = ["a,b", "a;b", "a\tb", 'a"b', "a\rb", "a\nb", "plain"];
    const csv = toCsv({ name: "x", rows, columns: [{ header: "T", value: (r: string) => r }] });
    expect(csv.split("\r\n").slice(1, 4)).toEqual(['"a,b"', '"a;b"', '"a\tb"']);
    expect(csv).toContain('"a""b"');
    expect(csv).toContain('"a\rb"');
    expect(csv).toContain('"a\nb"');
    expect(csv).toContain("\r\nplain\r\n");
  });

  it("neutralises a formula in every part a comma-, tab- or semicolon-reading spreadsheet could split off", () => {
    const attack = "Probe,=cmd|' /C calc'!A0";
    const csv = toCsv({ name: "x", rows: [attack], columns: [{ header: "T", value: (r: string) => r }] });
    expect(csv).toContain(`"Probe,'=cmd|' /C calc'!A0"`);
    const parts = [attack, "a;+1", "a\t-1", "a\r@SUM(A1)", "a\n=1", 'a"=1', "a, =1", "x;;\t=HYPERLINK(1)"];
    for (const text of parts) {
      const safe = neutraliseCsvText(text);
      // A naive reader splitting on any delimiter, ignoring quotes, and trimming spaces:
      for (const cell of safe.split(/[,;\t\r\n"]/)) expect(cell.trim()).not.toMatch(/^[=+\-@]/);
    }
    expect(neutraliseCsvText("Göteborg 2-3")).toBe("Göteborg 2-3");
  });
});
