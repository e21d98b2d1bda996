import { formatKronor, formatNumber } from "../../../common/format.ts";
import type { Cell, ReportBlock, ReportDocument } from "../../../common/reports.ts";
import { escapeHtml } from "../../platform/pdf.ts";

/**
 * A report as one self-contained, accessible HTML document (lang, headings in order, tables with
 * captions and header scopes, AA contrast). The same HTML is printed to the tagged PDF.
 */

type Column = Extract<ReportBlock, { type: "table" }>["columns"][number];

export function formatCell(value: Cell, column: Column, lang: "sv" | "en"): string {
  if (value === null || value === "") return "";
  if (typeof value === "string") return value;
  if (column.kind === "kronor") return formatKronor(value, lang);
  return formatNumber(value, lang, 2);
}

const numeric = (c: Column) => c.kind === "number" || c.kind === "kronor";

function table(block: Extract<ReportBlock, { type: "table" }>, lang: "sv" | "en") {
  const head = block.columns
    .map((c) => `<th scope="col"${numeric(c) ? ' class="num"' : ""}>${escapeHtml(c.header)}</th>`)
    .join("");
  const row = (cells: Cell[], footer = false) =>
    `<tr>${cells
      .map((value, i) => {
        const c = block.columns[i];
        const text = escapeHtml(formatCell(value, c, lang));
        const cls = numeric(c) ? ' class="num"' : "";
        return i === 0 && footer ? `<th scope="row">${text}</th>` : `<td${cls}>${text}</td>`;
      })
      .join("")}</tr>`;
  const body = block.rows.map((r) => row(r)).join("\n");
  const foot = block.footer ? `<tfoot>${row(block.footer, true)}</tfoot>` : "";
  return `<table><caption>${escapeHtml(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table>`;
}

function blockHtml(block: ReportBlock, lang: "sv" | "en"): string {
  switch (block.type) {
    case "heading":
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case "paragraph":
      return block.quote
        ? `<blockquote><p>${escapeHtml(block.text)}</p></blockquote>`
        : `<p>${escapeHtml(block.text)}</p>`;
    case "list":
      return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
    case "table":
      return table(block, lang);
  }
}

const css = `
  body { font-family: "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; line-height: 1.45; margin: 0; }
  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1d4f73; padding-bottom: .2rem; }
  h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
  .provenance { color: #4a4a4a; font-size: .85rem; margin: 0 0 1.5rem; }
  blockquote { margin: .5rem 0; padding: .25rem 1rem; border-left: 4px solid #1d4f73; background: #f2f6f9; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.25rem; font-size: .9rem; page-break-inside: auto; }
  caption { text-align: left; font-weight: 600; padding: .3rem 0; }
  th, td { border: 1px solid #8a8a8a; padding: .3rem .45rem; text-align: left; vertical-align: top; }
  thead th { background: #e6edf2; }
  tfoot th, tfoot td { font-weight: 700; background: #f2f2f2; }
  .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  tr { page-break-inside: avoid; }
`;

export function renderHtml(doc: ReportDocument): string {
  const blocks = doc.blocks.map((b) => blockHtml(b, doc.lang)).join("\n");
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Samspel">
<meta name="content-hash" content="${doc.hash}">
<title>${escapeHtml(doc.title)}</title>
<style>${css}</style>
</head>
<body>
<main>
<h1>${escapeHtml(doc.title)}</h1>
<p class="provenance">${escapeHtml(doc.provenance)}</p>
${blocks}
</main>
</body>
</html>
`;
}
