import type ExcelJS from "exceljs";
import { AppError } from "./errors.ts";
import { oneAtATime } from "./uploads.ts";
import { buildZip, defaultZipLimits, unzipGuarded, type ZipLimits, ZipRefused } from "./zip-guard.ts";

/**
 * Reading the spreadsheets collaboration offices keep: XLSX (exceljs) and CSV as Swedish Excel
 * writes it (`;` — or `,` — between fields, UTF-8 with or without BOM, or Windows-1252 from older
 * "CSV (semikolonavgränsad)", quoted fields with `;` and line breaks inside, decimal comma).
 * Everything here is pure and register-agnostic; the transfer module maps the cells to fields.
 */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number the user sees in Excel (the header is row 1). */
  row: number;
  cells: Cell[];
}

export interface ParsedSheet {
  format: "xlsx" | "csv";
  headers: string[];
  rows: SheetRow[];
}

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
  /** How far an XLSX may unpack; defaultZipLimits unless a test wants smaller. */
  zip?: ZipLimits;
}

export const defaultImportLimits: ImportLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 50_000 };

/** An unreadable file: 422 with a Swedish explanation under the field `file`. */
export const fileError = (key: string, params: Record<string, unknown> = {}) =>
  new AppError("validation", "errors.validation", {}, { file: [{ key, params }] });

const isZip = (buffer: Buffer) => buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;

/** Reads an uploaded XLSX or CSV (told apart by content, not by name) into a header and rows. */
export async function parseSpreadsheet(
  buffer: Buffer,
  limits: ImportLimits = defaultImportLimits,
): Promise<ParsedSheet> {
  if (buffer.length > limits.maxBytes)
    throw new AppError("payloadTooLarge", "transfer.errors.fileTooLarge", {
      maxMb: limits.maxBytes / 1048576,
    });
  if (buffer.length === 0) throw fileError("transfer.errors.emptyFile");
  // One file at a time per process (uploads.ts): the memory of parsing is that of one file.
  return oneAtATime(async () =>
    isZip(buffer) ? await readXlsx(buffer, limits) : readCsv(decodeText(buffer), limits),
  );
}

function finish(format: ParsedSheet["format"], lines: SheetRow[], limits: ImportLimits): ParsedSheet {
  const headerLine = findHeaderLine(lines);
  if (!headerLine) throw fileError("transfer.errors.emptyFile");
  const headers = headerLine.cells.map((c) => (isBlank(c) ? "" : cellToText(c)));
  while (headers.length && headers[headers.length - 1] === "") headers.pop();
  const rows = lines.filter((l) => l.row > headerLine.row && l.cells.some((c) => !isBlank(c)));
  if (rows.length === 0) throw fileError("transfer.errors.noRows");
  if (rows.length > limits.maxRows) throw fileError("transfer.errors.tooManyRows", { max: limits.maxRows });
  return { format, headers, rows };
}

/**
 * The heading row: among the first ten non-empty rows, the first with the most text cells, so a
 * title line above the headings ("Våra kommuner 2026") is passed over.
 */
function findHeaderLine(lines: SheetRow[]): SheetRow | undefined {
  const candidates = lines.filter((l) => l.cells.some((c) => !isBlank(c))).slice(0, 10);
  const texts = (l: SheetRow) => l.cells.filter((c) => typeof c === "string" && c.trim() !== "").length;
  let best: SheetRow | undefined;
  for (const line of candidates) if (!best || texts(line) > texts(best)) best = line;
  return best;
}

// ---- CSV -------------------------------------------------------------------------------------------

/** UTF-8 (BOM dropped); bytes that are not UTF-8 are read as Windows-1252, what older Excel saves. */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return new TextDecoder("windows-1252").decode(buffer);
  }
}

/** `;` unless the first line (outside quotes) has more `,` or tabs. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  if (counts[","] > counts[";"] && counts[","] >= counts["\t"]) return ",";
  if (counts["\t"] > counts[";"]) return "\t";
  return ";";
}

/**
 * RFC 4180 with Excel's habits: quoted fields may hold the delimiter, `""` and line breaks; CRLF,
 * LF and CR end records. Returns every record with its 1-based line number in Excel terms (a quoted
 * line break does not start a new row there either).
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): SheetRow[] {
  const records: SheetRow[] = [];
  let field = "";
  let cells: Cell[] = [];
  let quoted = false;
  let row = 1;
  const endField = () => {
    cells.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push({ row, cells });
    cells = [];
    row++;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else field += ch;
  }
  if (field !== "" || cells.length) endRecord();
  return records;
}

function readCsv(text: string, limits: ImportLimits): ParsedSheet {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = parseCsv(body);
  // CSV cells stay text: "0382" keeps its zero, "7,5" is converted by the field that wants a number.
  return finish("csv", records, limits);
}

// ---- XLSX ------------------------------------------------------------------------------------------

/**
 * An XLSX is a zip archive. It is unpacked here under counted limits (zip-guard.ts: the sizes the
 * archive declares are never trusted) and exceljs only ever reads the re-packed, already checked
 * bytes, stored without compression — so a zip bomb stops at the limit instead of in exceljs.
 */
async function readXlsx(buffer: Buffer, limits: ImportLimits): Promise<ParsedSheet> {
  const zipLimits = limits.zip ?? defaultZipLimits;
  let checked: Buffer;
  try {
    const entries = await unzipGuarded(buffer, zipLimits);
    checked = buildZip(entries.map((e) => ({ name: e.name, stored: e.data })));
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    if (error.reason === "tooLarge")
      throw fileError("transfer.errors.unpackedTooLarge", { maxMb: zipLimits.maxUnpackedBytes / 1048576 });
    if (error.reason === "tooManyEntries")
      throw fileError("transfer.errors.tooManyParts", { max: zipLimits.maxEntries });
    throw fileError("transfer.errors.unreadable");
  }
  const Excel = (await import("exceljs")).default; // loaded at the first import, not at start-up
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(checked as unknown as ArrayBuffer);
  } catch {
    throw fileError("transfer.errors.unreadable");
  }
  // The first visible sheet with content: templates put instructions on a later sheet.
  const sheet = workbook.worksheets.find((ws) => ws.state !== "hidden" && ws.actualRowCount > 0);
  if (!sheet) throw fileError("transfer.errors.emptyFile");
  if (sheet.actualRowCount > limits.maxRows + 1)
    throw fileError("transfer.errors.tooManyRows", { max: limits.maxRows });
  const lines: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(xlsxCell(row.getCell(col).value));
    lines.push({ row: rowNumber, cells });
  });
  return finish("xlsx", lines, limits);
}

/** exceljs's many cell shapes (rich text, formulas, hyperlinks, errors) → one plain value. */
export function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value)
      return xlsxCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in value)
      return typeof value.text === "string" ? value.text : xlsxCell(value.text as ExcelJS.CellValue);
    if ("error" in value) return null;
  }
  return String(value);
}

// ---- Cells to values -------------------------------------------------------------------------------

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** A cell as text: numbers without float noise, dates as ISO dates. */
export function cellToText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "number") return String(Number(cell.toPrecision(15)));
  if (typeof cell === "boolean") return cell ? "Ja" : "Nej";
  return cell.trim();
}

/**
 * A number the way Swedes write it: "7,5", "1 226 000", "−3" (Unicode minus), "1.226.000,50";
 * also "7.5". NaN when the text is no number.
 */
export function parseSwedishNumber(cell: Cell): number {
  if (typeof cell === "number") return cell;
  if (typeof cell !== "string") return Number.NaN;
  const text = cell
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/^\u2212/, "-");
  if (/^-?\d+(,\d+)?$/.test(text)) return Number(text.replace(",", "."));
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) return Number(text.replaceAll(".", "").replace(",", "."));
  return Number.NaN;
}

/** An ISO date from a date cell or from text `2026-03-12` (a time after it is ignored); null when none. */
export function parseDateCell(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell !== "string") return null;
  const match = cell.trim().match(/^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

const truthy = new Set(["ja", "j", "x", "yes", "y", "true", "sant", "1"]);
const falsy = new Set(["nej", "n", "no", "false", "falskt", "0"]);

/** Ja/Nej, X, 1/0, true/false (and Swedish Excel's SANT/FALSKT); undefined when it is none of them. */
export function parseBooleanCell(cell: Cell): boolean | undefined {
  if (typeof cell === "boolean") return cell;
  const text = cellToText(cell).toLowerCase();
  if (truthy.has(text)) return true;
  if (falsy.has(text)) return false;
  return undefined;
}

/** "a, b; c" or one per line → ["a", "b", "c"]; names that contain commas pass `/[;\n]/`. */
export function parseListCell(cell: Cell, separators: RegExp = /[;,\n]/): string[] {
  return cellToText(cell)
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "Org.nr", "Organisations-nummer", "ORGANISATIONSNUMMER " → "orgnr", "organisationsnummer". */
export function normaliseHeader(header: string): string {
  return header
    .toLocaleLowerCase("sv")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
}
