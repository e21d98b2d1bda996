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
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Cell, ReportBlock, ReportDocument } from "../../../common/reports.ts";
import { formatCell } from "./render-html.ts";

/**
 * A report as a Word document (DOCX): real headings (navigable, in the outline), tables with a
 * repeated header row and a caption above them, numbers right-aligned, the language set so spell
 * checking and screen readers use Swedish (or English).
 */

type TableBlock = Extract<ReportBlock, { type: "table" }>;
const border = { style: BorderStyle.SINGLE, size: 4, color: "8A8A8A" };
const borders = { top: border, bottom: border, left: border, right: border };

function tableOf(block: TableBlock, lang: "sv" | "en") {
  const numeric = block.columns.map((c) => c.kind === "number" || c.kind === "kronor");
  const row = (cells: Cell[], options: { header?: boolean; bold?: boolean } = {}) =>
    new TableRow({
      tableHeader: options.header,
      cantSplit: true,
      children: cells.map(
        (value, i) =>
          new TableCell({
            borders,
            shading: options.header ? { type: ShadingType.CLEAR, fill: "E6EDF2", color: "auto" } : undefined,
            children: [
              new Paragraph({
                alignment: numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: [
                  new TextRun({
                    text: options.header ? String(value ?? "") : formatCell(value, block.columns[i], lang),
                    bold: options.header || options.bold,
                  }),
                ],
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
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
