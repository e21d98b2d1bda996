import { constants, deflateRawSync } from "node:zlib";
import { toXlsx } from "../platform/spreadsheet-export.ts";
import { buildZip, unzipGuarded } from "../platform/zip-guard.ts";

/**
 * Hostile XLSX files, made at test time (no big binaries in the repository): a real workbook whose
 * sheet XML is replaced by one that inflates to `megabytes` MB. The deflate stream is assembled
 * from one compressed megabyte of blanks repeated (each ends in a full flush, so the copies do not
 * refer to each other), which makes a 1 GB bomb cost a few milliseconds and about 1 MB to build.
 */
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Namn</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Bomb AB</t></is></c></row>';
const SHEET_TAIL = "</sheetData></worksheet>";

/** Raw deflate of `head`, then `megabytes` MB of blanks, then `tail`; and the real unpacked size. */
export function inflatingTo(megabytes: number, head = SHEET_HEAD, tail = SHEET_TAIL) {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const blanks = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9, ...flush });
  const parts = [deflateRawSync(Buffer.from(head), flush)];
  for (let i = 0; i < megabytes; i++) parts.push(blanks);
  parts.push(deflateRawSync(Buffer.from(tail)));
  return {
    packed: Buffer.concat(parts),
    size: Buffer.byteLength(head) + megabytes * 1024 * 1024 + Buffer.byteLength(tail),
  };
}

/**
 * An XLSX (made by exceljs, so every other part is genuine) whose first sheet unpacks to
 * `megabytes` MB. `lie` writes a small unpacked size into both headers, as the probe's file did.
 */
export async function xlsxBomb(megabytes: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  const genuine = await toXlsx([
    { name: "Blad1", columns: [{ header: "Namn", value: (r: { n: string }) => r.n }], rows: [{ n: "x" }] },
  ]);
  const entries = await unzipGuarded(genuine);
  const sheet = inflatingTo(megabytes);
  return buildZip(
    entries.map((e) =>
      e.name === "xl/worksheets/sheet1.xml"
        ? { name: e.name, stored: sheet.packed, method: 8, declaredSize: options.lie ? 4096 : sheet.size }
        : { name: e.name, stored: e.data },
    ),
  );
}
