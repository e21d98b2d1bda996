import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Cell, ReportBlock, ReportDocument } from "../../../common/reports.ts";
import { formatCell } from "./render-html.ts";

/**
 * A report as a Word document (DOCX): real headings (navigable, in the outline), tables with a
 * repeated header row and a caption above them, numbers right-aligned, the language set so spell
 * checking and screen readers use Swedish (or English). Columns are as wide as their content needs,
 * never narrower than their longest word (issue 15: the goals table broke words in the middle). The
 * content hash is in the document's properties (Keywords), not on its first page.
 */

type TableBlock = Extract<ReportBlock, { type: "table" }>;

/** A4 portrait less docx's default margins of 1 inch, in twips (1/20 pt). */
export const TEXT_WIDTH = 11906 - 2 * 1440;
/**
 * A generous letter width for Arial 10.5 pt (size 21 in half-points; Arial averages about 0.5 em), and
 * a cell's padding (Word's default 108 twips a side).
 */
export const TWIPS_PER_CHAR = 112;
const BODY_SIZE = 21;
/** The smallest text a wide table is set in (8 pt) so that its longest words fit. */
const SMALLEST_SIZE = 16;
const CELL_PADDING = 2 * 108 + 20;

const longestWord = (text: string) => Math.max(0, ...text.split(/[ \t\n]+/).map((w) => [...w].length));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * A table's text size (half-points) and column widths in twips that fill the text width: each column at
 * least its longest word (a number, whose spaces do not break, counts as one word), and the rest shared
 * by how much longer the column's longest text is than that. A table whose longest words do not fit at
 * 10.5 pt is set smaller, down to 8 pt; only beyond that do columns shrink below their longest word.
 */
export function columnWidths(
  columns: string[][],
  unbreakable: boolean[],
): { widths: number[]; size: number } {
  const longest = columns.map((texts, i) =>
    Math.max(0, ...texts.map((t) => (unbreakable[i] ? [...t].length : longestWord(t)))),
  );
  const whole = columns.map((texts) => Math.max(0, ...texts.map((t) => [...t].length)));
  let size = BODY_SIZE;
  const need = (n: number) => (n * TWIPS_PER_CHAR * size) / BODY_SIZE + CELL_PADDING;
  while (size > SMALLEST_SIZE && sum(longest.map(need)) > TEXT_WIDTH) size--;
  const min = longest.map(need);
  const want = whole.map((n, i) => Math.max(min[i], need(n)));
  let widths: number[];
  if (sum(min) >= TEXT_WIDTH) widths = min.map((m) => (m * TEXT_WIDTH) / sum(min));
  else if (sum(want) <= TEXT_WIDTH) widths = want.map((w) => (w * TEXT_WIDTH) / sum(want));
  else {
    const flex = want.map((w, i) => w - min[i]);
    widths = min.map((m, i) => m + ((TEXT_WIDTH - sum(min)) * flex[i]) / sum(flex));
  }
  const rounded = widths.map(Math.floor);
  rounded[rounded.length - 1] += TEXT_WIDTH - sum(rounded);
  return { widths: rounded, size };
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "8A8A8A" };
const borders = { top: border, bottom: border, left: border, right: border };

function tableOf(block: TableBlock, lang: "sv" | "en") {
  const numeric = block.columns.map((c) => c.kind === "number" || c.kind === "kronor");
  const bodyRows = [...block.rows, ...(block.footer ? [block.footer] : [])];
  const { widths, size } = columnWidths(
    block.columns.map((c, i) => [c.header, ...bodyRows.map((r) => formatCell(r[i], c, lang))]),
    numeric,
  );
  const row = (cells: Cell[], options: { header?: boolean; bold?: boolean } = {}) =>
    new TableRow({
      tableHeader: options.header,
      cantSplit: true,
      children: cells.map(
        (value, i) =>
          new TableCell({
            borders,
            width: { size: widths[i], type: WidthType.DXA },
            shading: options.header ? { type: ShadingType.CLEAR, fill: "E6EDF2", color: "auto" } : undefined,
            children: [
              new Paragraph({
                alignment: numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: [
                  new TextRun({
                    text: options.header ? String(value ?? "") : formatCell(value, block.columns[i], lang),
                    bold: options.header || options.bold,
                    size: size === BODY_SIZE ? undefined : size,
                  }),
                ],
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      row(
        block.columns.map((c) => c.header),
        { header: true },
      ),
      ...block.rows.map((r) => row(r)),
      ...(block.footer ? [row(block.footer, { bold: true })] : []),
    ],
  });
}

function blockChildren(block: ReportBlock, lang: "sv" | "en"): (Paragraph | Table)[] {
  switch (block.type) {
    case "heading":
      return [
        new Paragraph({
          text: block.text,
          heading: block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          children: [new TextRun({ text: block.text, italics: block.quote })],
          indent: block.quote ? { left: 400 } : undefined,
        }),
      ];
    case "list":
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case "table":
      return [
        new Paragraph({ children: [new TextRun({ text: block.caption, bold: true })], keepNext: true }),
        tableOf(block, lang),
        new Paragraph({ text: "" }),
      ];
  }
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const language = { value: doc.lang === "sv" ? "sv-SE" : "en-GB" };
  const document = new Document({
    creator: "Samspel",
    title: doc.title,
    description: doc.provenance,
    // The content hash belongs to the file's properties, not its cover (issue 15, item 3).
    keywords: `sha256:${doc.hash}`,
    customProperties: [{ name: "Innehållshash (SHA-256)", value: doc.hash }],
    styles: { default: { document: { run: { font: "Arial", size: 21, language } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: doc.provenance, color: "4A4A4A", size: 18 })] }),
          ...doc.blocks.flatMap((b) => blockChildren(b, doc.lang)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
