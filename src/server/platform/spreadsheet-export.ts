import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { contentDisposition, fileNameOf } from "./files.ts";

/**
 * Spreadsheet downloads (XLSX and CSV) for every module's tables. Cells keep their types — numbers
 * are numbers and dates are dates in XLSX — and text that a spreadsheet would run as a formula
 * (starting with = + - @) gets a leading apostrophe (docs/design.md: exports neutralise formula injection);
 * in CSV also every part after a delimiter-like character, and such fields are quoted (RFC 4180).
 * CSV follows Swedish Excel: `;` between fields, CRLF, UTF-8 with BOM, decimal comma.
 */
export type CellValue = string | number | Date | boolean | null | undefined;

export interface SheetColumn<T> {
  header: string;
  value: (row: T) => CellValue;
  /** Width in characters (XLSX). */
  width?: number;
  /** Excel number format for numbers and dates, e.g. `#,##0 "kr"`; dates default to yyyy-mm-dd. */
  numFmt?: string;
}

export interface Sheet<T> {
  name: string;
  columns: SheetColumn<T>[];
  rows: T[];
}

export type SpreadsheetFormat = "xlsx" | "csv";

const FORMULA_START = /^[=+\-@\t\r]/;

/** `=HYPERLINK(…)` → `'=HYPERLINK(…)`: shown as text, never evaluated. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Formula characters after anything a CSV reader might split a field on (`,` `;` tab, quote, CR, LF,
 * and the spaces after them): a reader set to another delimiter, or one ignoring quotes, would start a
 * new cell there, so each such part is neutralised too: `Probe,=cmd` → `Probe,'=cmd`.
 */
const FORMULA_AFTER_SPLIT = /([,;\t\r\n"][ \u00a0]*)([=+\-@])/g;

/** Text for one CSV field: the cell start and every part a reader could split off neutralised. */
export function neutraliseCsvText(text: string): string {
  return neutraliseFormula(text.replace(FORMULA_AFTER_SPLIT, "$1'$2"));
}

/**
 * An ISO date (`2013-04-02`) as a Date at UTC midnight, which Excel shows as that day. A timestamp
 * (`2013-04-01T22:30:00Z`) gives the day it was in Sweden (here 2 April), not the day in UTC.
 */
export function isoToDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const day = iso.length > 10 && iso[10] === "T" ? stockholmDateTime(iso)?.toISOString() : iso;
  if (!day) return null;
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Whether a string is exactly an ISO date (`2013-04-02`), nothing before or after it. */
export const isIsoDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && isoToDate(text) !== null;

const stockholmClock = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/**
 * An instant as the cell of a timestamp in Swedish local time. Excel's dates have no time zone, so the
 * cell holds what a clock in Stockholm showed (summer time included). Give its column a format with
 * the time, e.g. `yyyy-mm-dd hh:mm`.
 */
export function stockholmDateTime(instant: Date | string | null | undefined): Date | null {
  if (instant === null || instant === undefined) return null;
  const at = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return null;
  const p = Object.fromEntries(stockholmClock.formatToParts(at).map((x) => [x.type, x.value]));
  return new Date(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`);
}

function cellFor(value: CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return neutraliseFormula(value);
  return value;
}

/**
 * One worksheet per sheet: bold frozen header row, autofilter, typed cells. Written with exceljs'
 * streaming writer and formats set per column: the in-memory workbook with a style per cell took
 * about three times as long for 10 000 rows. Dates without a format of their own show as yyyy-mm-dd.
 */
export interface WorkbookProperties {
  title?: string;
  subject?: string;
  keywords?: string;
  description?: string;
}

export async function toXlsx(sheets: Sheet<any>[], properties: WorkbookProperties = {}): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const Excel = (await import("exceljs")).default; // loaded at the first export, not at start-up
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Samspel";
  workbook.created = new Date();
  // Document properties (docProps/core.xml): exceljs writes the ones set on the workbook.
  Object.assign(workbook, properties);
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31).replace(/[\\/?*[\]:]/g, "-"), {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    const firstValues = sheet.columns.map((c) => {
      for (const row of sheet.rows) {
        const v = c.value(row);
        if (v !== null && v !== undefined && v !== "") return v;
      }
      return null;
    });
    ws.columns = sheet.columns.map((c, i) => {
      const first = firstValues[i];
      return {
        header: c.header,
        width: c.width ?? 18,
        style:
          first instanceof Date
            ? { numFmt: c.numFmt ?? "yyyy-mm-dd" }
            : typeof firstValues[i] === "number"
              ? c.numFmt
                ? { numFmt: c.numFmt }
                : {}
              : { alignment: { wrapText: true, vertical: "top" } },
      };
    });
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.commit();
    if (sheet.columns.length)
      ws.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: 1 + sheet.rows.length, column: sheet.columns.length },
      };
    for (const row of sheet.rows) {
      const values = sheet.columns.map((c) => c.value(row));
      const added = ws.addRow(values.map(cellFor));
      // A date in a column whose first value was no date still shows as a date, not a serial number.
      values.forEach((v, i) => {
        if (v instanceof Date && !(firstValues[i] instanceof Date))
          added.getCell(i + 1).numFmt = sheet.columns[i].numFmt ?? "yyyy-mm-dd";
      });
      added.commit();
    }
    ws.commit();
  }
  await workbook.commit();
  return Buffer.concat(chunks);
}

function csvField(value: CellValue): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (value instanceof Date) text = value.toISOString().slice(0, 10);
  else if (typeof value === "number")
    text = Number.isInteger(value) ? String(value) : String(value).replace(".", ",");
  else if (typeof value === "boolean") text = value ? "Ja" : "Nej";
  else text = neutraliseCsvText(value);
  // RFC 4180: a field holding a delimiter (ours `;`, but also `,` and tab for readers set to those),
  // a quote or a line break is quoted, its quotes doubled.
  return /[";,\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Swedish Excel CSV of one sheet, BOM first so Excel reads UTF-8. */
export function toCsv<T>(sheet: Sheet<T>): string {
  const lines = [sheet.columns.map((c) => csvField(c.header)).join(";")];
  for (const row of sheet.rows) lines.push(sheet.columns.map((c) => csvField(c.value(row))).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Sends the sheets as a download; CSV carries the first sheet only. */
export async function sendSpreadsheet(
  reply: FastifyReply,
  format: SpreadsheetFormat,
  filename: string,
  sheets: Sheet<any>[],
) {
  const safe = fileNameOf(filename);
  if (format === "csv") {
    return reply
      .header("content-disposition", contentDisposition(`${safe}.csv`))
      .type("text/csv; charset=utf-8")
      .send(toCsv(sheets[0]));
  }
  return reply
    .header("content-disposition", contentDisposition(`${safe}.xlsx`))
    .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .send(await toXlsx(sheets));
}
