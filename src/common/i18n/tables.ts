/** Strings of the shared data table (src/web/components/data-table.tsx): the column chooser. */
export const sv = {
  table: {
    columns: "Kolumner",
    columnsLegend: "Visa kolumner i {{table}}",
    columnsShown: "{{shown}} av {{total}} kolumner visas",
    allColumns: "Visa alla",
  },
};

export const en: typeof sv = {
  table: {
    columns: "Columns",
    columnsLegend: "Show columns in {{table}}",
    columnsShown: "{{shown}} of {{total}} columns shown",
    allColumns: "Show all",
  },
};
