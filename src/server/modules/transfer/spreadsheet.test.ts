import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isoToDate,
  neutraliseCsvText,
  neutraliseFormula,
  type Sheet,
  toCsv,
  toXlsx,
} from "../../platform/spreadsheet-export.ts";
import {
  cellToText,
  decodeText,
  detectDelimiter,
  normaliseHeader,
  parseCsv,
  parseSpreadsheet,
  parseSwedishNumber,
} from "../../platform/spreadsheet-import.ts";

interface Row {
  name: string;
  credits: number | null;
  start: string | null;
  participants: number;
}

const sheet: Sheet<Row> = {
  name: "Kurser",
  columns: [
    { header: "Namn", value: (r) => r.name, width: 30 },
    { header: "Högskolepoäng", value: (r) => r.credits },
    { header: "Start", value: (r) => isoToDate(r.start) },
    { header: "Deltagare", value: (r) => r.participants },
  ],
  rows: [
    { name: "Psykologi; grundkurs", credits: 7.5, start: "2026-01-19", participants: 1226000 },
    { name: '=HYPERLINK("http://evil.example","klicka")', credits: 3, start: null, participants: -4 },
    { name: "+46 60 14 86 00", credits: null, start: "2013-04-02", participants: 0 },
    { name: "@SUM(A1)", credits: 15, start: null, participants: 1 },
    { name: '\tTabb\nmed radbrytning "citat"', credits: 0.5, start: null, participants: 2 },
  ],
};

describe("XLSX export", () => {
  it("writes numbers as numbers and dates as dates, read back by exceljs", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx([sheet])) as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    expect(ws.name).toBe("Kurser");
    expect(ws.getRow(1).values).toEqual([undefined, "Namn", "Högskolepoäng", "Start", "Deltagare"]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getCell("B2").value).toBe(7.5);
    expect(ws.getCell("D2").value).toBe(1226000);
    expect(ws.getCell("D3").value).toBe(-4);
    const date = ws.getCell("C2").value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString().slice(0, 10)).toBe("2026-01-19");
    expect(ws.getCell("C2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getColumn(1).width).toBe(30);
  });

  it("neutralises text that a spreadsheet would run as a formula", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx([sheet])) as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    expect(ws.getCell("A3").value).toBe('\'=HYPERLINK("http://evil.example","klicka")');
    expect(ws.getCell("A3").formula).toBeUndefined();
    expect(ws.getCell("A4").value).toBe("'+46 60 14 86 00");
    expect(ws.getCell("A5").value).toBe("'@SUM(A1)");
    expect(String(ws.getCell("A6").value).startsWith("'\t")).toBe(true);
    expect(ws.getCell("A2").value).toBe("Psykologi; grundkurs");
  });

  it("never leaves a dangerous first character on any text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(/^[=+\-@\t\r]/.test(neutraliseFormula(text))).toBe(false);
      }),
    );
  });
});

describe("CSV export and import round trip", () => {
  it("writes Swedish Excel CSV: BOM, semicolons, CRLF, decimal comma, quoted fields", () => {
    const csv = toCsv(sheet);
    expect(csv.startsWith("\uFEFFNamn;Högskolepoäng;Start;Deltagare\r\n")).toBe(true);
    expect(csv).toContain('"Psykologi; grundkurs";"7,5";2026-01-19;1226000\r\n');
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain(";-4\r\n");
    expect(csv.split("\r\n").length).toBe(sheet.rows.length + 2);
  });

  it("reads back what it wrote: the same cells, numbers with decimal comma", async () => {
    const parsed = await parseSpreadsheet(Buffer.from(toCsv(sheet), "utf8"));
    expect(parsed.format).toBe("csv");
    expect(parsed.headers).toEqual(["Namn", "Högskolepoäng", "Start", "Deltagare"]);
    expect(parsed.rows[0].cells).toEqual(["Psykologi; grundkurs", "7,5", "2026-01-19", "1226000"]);
    expect(parseSwedishNumber(parsed.rows[0].cells[1])).toBe(7.5);
    expect(parsed.rows[4].cells[0]).toBe('\'\tTabb\nmed radbrytning "citat"');
    // The quoted line break keeps the row one row, as Excel shows it.
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
  });

  it("round-trips any text and number through CSV", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.integer({ min: -1e6, max: 1e6 })), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const s: Sheet<[string, number]> = {
            name: "x",
            columns: [
              { header: "Text", value: (r) => r[0] },
              { header: "Tal", value: (r) => r[1] / 10 },
            ],
            rows,
          };
          const back = parseCsv(toCsv(s).slice(1), ";");
          rows.forEach(([text, n], i) => {
            expect(back[i + 1].cells[0]).toBe(neutraliseCsvText(text));
            expect(parseSwedishNumber(back[i + 1].cells[1])).toBeCloseTo(n / 10, 6);
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("CSV import as Swedish Excel writes it", () => {
  it("detects ; and , as delimiters, ignoring those inside quotes", () => {
    expect(detectDelimiter("Namn;Typ\r\nA;B")).toBe(";");
    expect(detectDelimiter('"a;b;c",Typ,Län\nx')).toBe(",");
    expect(detectDelimiter("Namn\tTyp")).toBe("\t");
  });

  it("reads UTF-8 with and without BOM, and Windows-1252 from older Excel", async () => {
    const withBom = await parseSpreadsheet(Buffer.from("\uFEFFNamn;Län\nHärnösands kommun;Västernorrland\n"));
    const without = await parseSpreadsheet(Buffer.from("Namn;Län\nHärnösands kommun;Västernorrland\n"));
    const ansi = await parseSpreadsheet(
      Buffer.from("Namn;Län\nHärnösands kommun;Västernorrland\n", "latin1"),
    );
    for (const parsed of [withBom, without, ansi]) {
      expect(parsed.headers).toEqual(["Namn", "Län"]);
      expect(parsed.rows[0].cells).toEqual(["Härnösands kommun", "Västernorrland"]);
    }
    expect(decodeText(Buffer.from([0xe5, 0xe4, 0xf6]))).toBe("åäö");
  });

  it("keeps blank lines out of the rows but in the numbering, and accepts a file without a final newline", async () => {
    const parsed = await parseSpreadsheet(Buffer.from("Namn;Typ\r\nA;kommun\r\n;\r\nB;region"));
    expect(parsed.rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [2, "A"],
      [4, "B"],
    ]);
  });

  it("refuses empty, header-only, too large and too long files with Swedish reasons", async () => {
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e) => e.fieldErrors?.file?.[0]?.key ?? e.detailKey,
      );
    expect(await reason(parseSpreadsheet(Buffer.alloc(0)))).toBe("transfer.errors.emptyFile");
    expect(await reason(parseSpreadsheet(Buffer.from("Namn;Typ\r\n")))).toBe("transfer.errors.noRows");
    const big = Buffer.alloc(2048, "a");
    expect(await reason(parseSpreadsheet(big, { maxBytes: 1024, maxRows: 10 }))).toBe(
      "transfer.errors.fileTooLarge",
    );
    const long = Buffer.from(`Namn\n${"x\n".repeat(11)}`);
    expect(await reason(parseSpreadsheet(long, { maxBytes: 1e6, maxRows: 10 }))).toBe(
      "transfer.errors.tooManyRows",
    );
    expect(await reason(parseSpreadsheet(Buffer.from("PK\u0003\u0004 not really a zip")))).toBe(
      "transfer.errors.unreadable",
    );
  });

  it("reads Swedish numbers and tolerates what Intl writes", () => {
    expect(parseSwedishNumber("7,5")).toBe(7.5);
    expect(parseSwedishNumber("7.5")).toBe(7.5);
    expect(parseSwedishNumber("1 226 000")).toBe(1226000);
    expect(parseSwedishNumber("1\u00a0226\u00a0000")).toBe(1226000);
    expect(parseSwedishNumber("\u22123,5")).toBe(-3.5);
    expect(parseSwedishNumber("1.226.000,50")).toBe(1226000.5);
    expect(parseSwedishNumber("sju")).toBeNaN();
    expect(parseSwedishNumber("7,5 hp")).toBeNaN();
  });

  it("normalises headings for matching", () => {
    expect(normaliseHeader(" Org.nr ")).toBe("orgnr");
    expect(normaliseHeader("Län")).toBe("lan");
    expect(normaliseHeader("E-POSTADRESS")).toBe("epostadress");
    expect(cellToText(7.500000000000001)).toBe("7.5");
  });
});

describe("XLSX import", () => {
  it("reads typed cells from the first sheet", async () => {
    const buffer = await toXlsx([sheet]);
    const parsed = await parseSpreadsheet(buffer);
    expect(parsed.format).toBe("xlsx");
    expect(parsed.headers).toEqual(["Namn", "Högskolepoäng", "Start", "Deltagare"]);
    expect(parsed.rows[0].cells[1]).toBe(7.5);
    expect(parsed.rows[0].cells[2]).toBeInstanceOf(Date);
    expect(parsed.rows).toHaveLength(5);
  });
});
