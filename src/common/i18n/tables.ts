/** Strings of the shared data table (src/web/components/data-table.tsx): the column chooser, paged lists. */
export const sv = {
  table: {
    columns: "Kolumner",
    columnsLegend: "Visa kolumner i {{table}}",
    columnsShown: "{{shown}} av {{total}} kolumner visas",
    allColumns: "Visa alla",
    partialSort:
      "Listan har fler rader än de som visas. Välj ordning under ”Sortera” ovan så ordnas hela listan.",
    partialNoSort:
      "Listan har fler rader än de som visas: kolumnerna går att sortera när alla visas (Visa fler).",
  },
};

export const en: typeof sv = {
  table: {
    columns: "Columns",
    columnsLegend: "Show columns in {{table}}",
    columnsShown: "{{shown}} of {{total}} columns shown",
    allColumns: "Show all",
    partialSort:
      "The list has more rows than those shown. Choose an order under “Sort” above to order the whole list.",
    partialNoSort:
      "The list has more rows than those shown: the columns can be sorted once all are shown (Show more).",
  },
};
