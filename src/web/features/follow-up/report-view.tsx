import { formatKronor, formatNumber } from "../../../common/format.ts";
import type { Cell, ReportBlock, ReportDocument } from "../../../common/reports.ts";
import { TableScroll } from "../../components/index.ts";

/**
 * A generated report shown in the app, from the same document model the PDF, DOCX and XLSX are
 * rendered from. Headings move one level down: the page's h1 is "Rapporter", the report's title h2.
 */

type Table = Extract<ReportBlock, { type: "table" }>;

function cellText(value: Cell, kind: Table["columns"][number]["kind"], lang: "sv" | "en") {
  if (value === null || value === "") return "";
  if (typeof value === "string") return value;
  return kind === "kronor" ? formatKronor(value, lang) : formatNumber(value, lang, 2);
}

function ReportTable({ block, lang }: { block: Table; lang: "sv" | "en" }) {
  const numeric = (i: number) => block.columns[i].kind === "number" || block.columns[i].kind === "kronor";
  const row = (cells: Cell[]) =>
    cells.map((c, i) => (
      <td key={block.columns[i].header} className={numeric(i) ? "numeric" : undefined}>
        {cellText(c, block.columns[i].kind, lang)}
      </td>
    ));
  return (
    <TableScroll label={block.caption}>
      <table className="data-table">
        <caption>{block.caption}</caption>
        <thead>
          <tr>
            {block.columns.map((c, i) => (
              <th key={c.header} scope="col" className={numeric(i) ? "numeric" : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((r, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are a fixed, ordered document
            <tr key={n}>{row(r)}</tr>
          ))}
        </tbody>
        {block.footer && (
          <tfoot>
            <tr>
              <th scope="row">{block.footer[0]}</th>
              {row(block.footer).slice(1)}
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}

function Block({ block, lang }: { block: ReportBlock; lang: "sv" | "en" }) {
  switch (block.type) {
    case "heading":
      return block.level === 2 ? (
        <h3 id={block.anchor}>{block.text}</h3>
      ) : (
        <h4 id={block.anchor}>{block.text}</h4>
      );
    case "paragraph":
      return block.quote ? (
        <blockquote>
          <p>{block.text}</p>
        </blockquote>
      ) : (
        <p>{block.text}</p>
      );
    case "list":
      return (
        <ul>
          {block.items.map((item, i) => {
            // A figure that counts records opens them: a link to the list of what it counts.
            const anchor = block.anchors?.[i];
            return <li key={item}>{anchor ? <a href={`#${anchor}`}>{item}</a> : item}</li>;
          })}
        </ul>
      );
    case "table":
      return <ReportTable block={block} lang={lang} />;
  }
}

export function ReportView({ doc }: { doc: ReportDocument }) {
  return (
    <article className="report-view" lang={doc.lang}>
      <h2>{doc.title}</h2>
      <p className="muted small">{doc.provenance}</p>
      {doc.blocks.map((block, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a document's blocks are a fixed sequence
        <Block key={n} block={block} lang={doc.lang} />
      ))}
    </article>
  );
}
