import { type ReactNode, useId, useMemo, useState } from "react";
import { compareText } from "../../common/format.ts";
import { currentLanguage } from "../i18n/index.ts";

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable by this value (text sorts in the UI language's order: Å, Ä, Ö after Z). */
  sortValue?: (row: Row) => string | number;
  /** Render this column's cells as row headers (<th scope="row">), normally the name. */
  isRowHeader?: boolean;
  /** A class for this column's cells (e.g. "nowrap", "num"). */
  className?: string;
}

type Sort = { key: string; direction: "ascending" | "descending" };

/**
 * A real <table> with a caption and scoped headers. Sortable headers are buttons and the header
 * cell carries `aria-sort`. Wide tables scroll sideways inside a focusable region on phones.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  label,
  captionHidden,
  footer,
}: {
  /** Rows under the body (totals), inside <tfoot>: `<tr>…</tr>` with cells for every column. */
  footer?: ReactNode;
  caption: string;
  /** The caption is read by screen readers only (the page's heading already says it). */
  captionHidden?: boolean;
  /** The scroll region's name when it should differ from the caption (default: the caption). */
  label?: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  initialSort?: Sort;
}) {
  const captionId = useId();
  const [sort, setSort] = useState<Sort | undefined>(initialSort);
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);

  const toggle = (key: string) =>
    setSort((s) =>
      s?.key === key && s.direction === "ascending"
        ? { key, direction: "descending" }
        : { key, direction: "ascending" },
    );

  return (
    <section
      className="table-scroll"
      aria-labelledby={label ? undefined : captionId}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable)
      tabIndex={0}
    >
      <table className="data-table">
        <caption id={captionId} className={captionHidden ? "visually-hidden" : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.className}
                aria-sort={sort?.key === c.key ? sort.direction : undefined}
              >
                {c.sortValue ? (
                  <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                    {c.header}
                    <span aria-hidden="true" className="sort-icon">
                      {sort?.key === c.key ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.isRowHeader ? (
                  <th key={c.key} scope="row" className={c.className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.className}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </section>
  );
}

function sortRows<Row>(rows: Row[], columns: Column<Row>[], sort: Sort | undefined) {
  const value = columns.find((c) => c.key === sort?.key)?.sortValue;
  if (!sort || !value) return rows;
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order =
      typeof x === "number" && typeof y === "number"
        ? x - y
        : compareText(String(x), String(y), currentLanguage());
    return sign * order;
  });
}
