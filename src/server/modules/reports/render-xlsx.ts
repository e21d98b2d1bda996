import type { Cell, ReportBlock, ReportDocument } from "../../../common/reports.ts";
import { translator } from "../../platform/i18n.ts";
import {
  type CellValue,
  isIsoDate,
  isoToDate,
  type Sheet,
  stockholmDateTime,
  toXlsx,
} from "../../platform/spreadsheet-export.ts";

/**
 * A report as a workbook: a first sheet saying what it is (title, when it was generated and from data
 * as of when, both in Swedish local time as real date cells, and the hash), then one sheet per table
 * with typed cells — kronor as numbers in a `kr` format, a day as a date cell (yyyy-mm-dd), several
 * days as text — and the totals row last. The hash is also in the workbook's properties (Keywords).
 * Built with the shared spreadsheet export (formula injection neutralised there).
 */

type TableBlock = Extract<ReportBlock, { type: "table" }>;
const numFmt = { kronor: '#,##0 "kr"', number: "#,##0", text: undefined, date: "yyyy-mm-dd" } as const;

function uniqueName(name: string, taken: Set<string>) {
  const base = name.slice(0, 28);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function sheetOf(block: TableBlock, name: string): Sheet<Cell[]> {
  return {
    name,
    columns: block.columns.map((c, i) => ({
      header: c.header,
      width: c.kind === "text" ? 40 : 16,
      numFmt: numFmt[c.kind],
      value: (row: Cell[]) => {
        const cell = row[i];
        return c.kind === "date" && typeof cell === "string" && isIsoDate(cell) ? isoToDate(cell) : cell;
      },
    })),
    rows: block.footer ? [...block.rows, block.footer] : block.rows,
  };
}

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const t = translator(doc.lang);
  const taken = new Set<string>();
  const about: Sheet<[string, CellValue]> = {
    name: uniqueName(t("reports.aboutSheet"), taken),
    columns: [
      { header: t("reports.field"), value: (r) => r[0], width: 24 },
      { header: t("reports.value"), value: (r) => r[1], width: 90, numFmt: "yyyy-mm-dd hh:mm" },
    ],
    rows: [
      [t("reports.reportTitle"), doc.title],
      [t("reports.generatedAt"), stockholmDateTime(doc.generatedAt)],
      [t("reports.dataAsOf"), stockholmDateTime(doc.dataAsOf) ?? t("reports.noData")],
      [t("reports.hash"), doc.hash],
    ],
  };
  const tables = doc.blocks.filter((b): b is TableBlock => b.type === "table");
  return toXlsx([about, ...tables.map((b) => sheetOf(b, uniqueName(b.sheet, taken)))], {
    title: doc.title,
    subject: doc.provenance,
    keywords: `sha256:${doc.hash}`,
  });
}
