import { createContext, type ReactNode, useContext, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { compareText } from "../../common/format.ts";
import { useMe } from "../auth.ts";
import { currentLanguage } from "../i18n/index.ts";
import { EmptyState } from "./empty-state.tsx";

export interface Column<Row> {
  key: string;
  header: string;
  /** The header is read by screen readers only (a column of buttons whose label says it all). */
  headerHidden?: boolean;
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable by this value (text sorts in the UI language's order: Å, Ä, Ö after Z). */
  sortValue?: (row: Row) => string | number;
  /** Render this column's cells as row headers (<th scope="row">), normally the name. */
  isRowHeader?: boolean;
  /** A class for this column's cells (e.g. "nowrap", "num"). */
  className?: string;
  /** With a column chooser: hidden until the person shows it (a column that seldom matters). */
  defaultHidden?: boolean;
}

export type Sort = { key: string; direction: "ascending" | "descending" };

/**
 * Sorting done by the server, for a paged list: a click asks for the whole list in the new order
 * (only a page of it is loaded, so sorting the loaded rows would mislead). `keys` are the columns
 * the server can sort by.
 */
export interface ServerSort {
  sort: Sort | undefined;
  onChange: (sort: Sort) => void;
  keys: string[];
}

/**
 * The ServerSort of a register list whose `sort` filter names the server's order ("name", "-name"):
 * `orders` maps a sortable column's key to the order it asks the server for.
 */
export function serverSortBy(
  orders: Record<string, string>,
  sort: string,
  onSort: (sort: string) => void,
): ServerSort {
  const column = Object.keys(orders).find((k) => orders[k] === sort.replace(/^-/, ""));
  return {
    keys: Object.keys(orders),
    sort: column ? { key: column, direction: sort.startsWith("-") ? "descending" : "ascending" } : undefined,
    onChange: (next) => onSort(`${next.direction === "descending" ? "-" : ""}${orders[next.key]}`),
  };
}

/**
 * `partial` inside a paged list with more rows on the server than loaded (RegisterResults provides it,
 * and `sortField` when the list's filters offer "Sortera"):
 * sorting the loaded rows would show a wrong first row, so a table without `serverSort` does not
 * offer it there and says how to order the whole list.
 */
export const PartialListContext = createContext<{ partial: boolean; sortField: boolean }>({
  partial: false,
  sortField: false,
});

/**
 * A real <table> with a caption and scoped headers. Sortable headers are buttons and the header
 * cell carries `aria-sort`. Wide tables scroll sideways inside a focusable region (never the page),
 * with the first column (the row's name) kept in view and headers that wrap. With `columnsKey`, a
 * column chooser lets each person pick the columns shown, remembered in this browser per user.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  serverSort,
  columnsKey,
  label,
  captionHidden,
  footer,
  className,
  empty,
}: {
  /** What an empty list says, shown instead of the table (without it, an empty table). */
  empty?: string;
  /** A class of the table's own beside `data-table` (e.g. for its column widths). */
  className?: string;
  /** Rows under the body (totals), inside <tfoot>: `<tr>…</tr>` with cells for every column. */
  footer?: ReactNode;
  caption: string;
  /** The caption is read by screen readers only (the page's heading already says it). */
  captionHidden?: boolean;
  /** The scroll region's name when it should differ from the caption (default: the caption). */
  label?: string;
  columns: Column<Row>[];
  rows: Row[];
  /** The row's React key; the index (in the order shown) only for rows with nothing unique of their own. */
  rowKey: (row: Row, index: number) => string;
  initialSort?: Sort;
  /** Sort on the server (a paged list) instead of the loaded rows. */
  serverSort?: ServerSort;
  /** Offers the column chooser; the choice is stored under this name (one per table). */
  columnsKey?: string;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const paged = useContext(PartialListContext);
  const partial = paged.partial && !serverSort;
  const [localSort, setLocalSort] = useState<Sort | undefined>(initialSort);
  const sort = serverSort ? serverSort.sort : localSort;
  const [hidden, setHidden] = useHiddenColumns(columnsKey, columns);
  const shown = useMemo(
    () => columns.filter((c, i) => i === 0 || !hidden.includes(c.key)),
    [columns, hidden],
  );
  const sorted = useMemo(
    () => (serverSort || partial ? rows : sortRows(rows, columns, localSort)),
    [rows, columns, localSort, serverSort, partial],
  );
  const sortable = (c: Column<Row>) =>
    serverSort ? serverSort.keys.includes(c.key) : !partial && !!c.sortValue;

  const toggle = (key: string) => {
    const next: Sort =
      sort?.key === key && sort.direction === "ascending"
        ? { key, direction: "descending" }
        : { key, direction: "ascending" };
    if (serverSort) serverSort.onChange(next);
    else setLocalSort(next);
  };

  if (empty !== undefined && rows.length === 0) return <EmptyState message={empty} />;
  return (
    <>
      {columnsKey && columns.length > 2 && (
        <ColumnChooser table={caption} columns={columns} hidden={hidden} onChange={setHidden} />
      )}
      {partial && columns.some((c) => c.sortValue) && (
        <p className="muted small">{t(paged.sortField ? "table.partialSort" : "table.partialNoSort")}</p>
      )}
      <section
        className="table-scroll"
        aria-labelledby={label ? undefined : captionId}
        aria-label={label}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable)
        tabIndex={0}
      >
        <table className={className ? `data-table sticky-first ${className}` : "data-table sticky-first"}>
          <caption id={captionId} className={captionHidden ? "visually-hidden" : undefined}>
            {caption}
          </caption>
          <thead>
            <tr>
              {shown.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.className}
                  aria-sort={sort?.key === c.key ? sort.direction : undefined}
                >
                  {sortable(c) ? (
                    <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                      {c.header}
                      <span aria-hidden="true" className="sort-icon">
                        {sort?.key === c.key ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
                      </span>
                    </button>
                  ) : c.headerHidden ? (
                    <span className="visually-hidden">{c.header}</span>
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row, index) => (
              <tr key={rowKey(row, index)}>
                {shown.map((c) =>
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
    </>
  );
}

/** Checkboxes for every column but the first (the row's name always shows), in a disclosure. */
function ColumnChooser<Row>({
  table,
  columns,
  hidden,
  onChange,
}: {
  table: string;
  columns: Column<Row>[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
}) {
  const { t } = useTranslation();
  const optional = columns.slice(1);
  const shownCount = columns.length - columns.filter((c, i) => i > 0 && hidden.includes(c.key)).length;
  return (
    <details className="column-chooser no-print">
      <summary>
        {t("table.columns")}{" "}
        <span className="muted small">
          ({t("table.columnsShown", { shown: shownCount, total: columns.length })})
        </span>
      </summary>
      <fieldset>
        <legend>{t("table.columnsLegend", { table })}</legend>
        <ul>
          {optional.map((c) => (
            <li key={c.key}>
              <label>
                <input
                  type="checkbox"
                  checked={!hidden.includes(c.key)}
                  onChange={(e) =>
                    onChange(e.target.checked ? hidden.filter((k) => k !== c.key) : [...hidden, c.key])
                  }
                />{" "}
                {c.header}
              </label>
            </li>
          ))}
        </ul>
        {hidden.length > 0 && (
          <button type="button" className="btn btn-secondary" onClick={() => onChange([])}>
            {t("table.allColumns")}
          </button>
        )}
      </fieldset>
    </details>
  );
}

/** localStorage key of a person's column choice for one table (another person on the browser has their own). */
export const columnsStorageKey = (userId: string | undefined, table: string) =>
  `samspel.columns.${userId ?? "anonym"}.${table}`;

function readHidden(key: string | undefined): string[] | undefined {
  if (!key) return undefined;
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? "null");
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === "string") : undefined;
  } catch {
    return undefined; // storage blocked or damaged: the defaults
  }
}

function useHiddenColumns<Row>(
  table: string | undefined,
  columns: Column<Row>[],
): [string[], (hidden: string[]) => void] {
  const me = useMe();
  const key = table ? columnsStorageKey(me?.id, table) : undefined;
  const defaults = columns.filter((c) => c.defaultHidden).map((c) => c.key);
  const [choice, setChoice] = useState<{ key?: string; hidden: string[] }>(() => ({
    key,
    hidden: readHidden(key) ?? defaults,
  }));
  // Another person signed in (or the table changed): their own choice, read afresh.
  const hidden = choice.key === key ? choice.hidden : (readHidden(key) ?? defaults);
  const set = (next: string[]) => {
    setChoice({ key, hidden: next });
    if (!key) return;
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // storage blocked: the choice lasts while the page is open
    }
  };
  return [hidden, set];
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
