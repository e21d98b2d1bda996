import {
  type HeatmapView,
  levelColours,
  levelTextColours,
  type UnitView,
} from "../../../../common/compass.ts";
import type { Locale } from "../../../../common/format.ts";
import { translator } from "../../../platform/i18n.ts";
import { neutraliseFormula } from "../../../platform/spreadsheet-export.ts";

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/**
 * The heat-map as a workbook: levels and goals are real numbers in their cells (so they can be
 * summed and filtered), coloured by level like the web page; a summary sheet has means and distributions.
 */
export async function heatmapXlsx(unit: UnitView, heatmap: HeatmapView, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const Excel = (await import("exceljs")).default; // loaded at the first export, not at start-up
  const workbook = new Excel.Workbook();
  workbook.creator = "Samspel";
  workbook.created = new Date();
  const text = (s: string | null) => (s === null ? null : neutraliseFormula(s));

  for (const [name, pick] of [
    [t("compass.xlsx.levels"), (r: HeatmapView["rows"][number]) => r.levels],
    [t("compass.xlsx.goals"), (r: HeatmapView["rows"][number]) => r.goals],
  ] as const) {
    const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
    ws.columns = [
      { header: t("compass.code"), width: 10 },
      { header: t("compass.programme"), width: 40 },
      { header: t("compass.unit"), width: 36 },
      ...heatmap.dimensions.map((d) => ({ header: text(d.label)!, width: 16 })),
    ];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).alignment = { wrapText: true, vertical: "top" };
    for (const row of heatmap.rows) {
      const values = pick(row);
      const added = ws.addRow([
        text(row.code),
        text(row.name),
        text(row.organisationName),
        ...heatmap.dimensions.map((d) => values[d.key] ?? null),
      ]);
      heatmap.dimensions.forEach((d, i) => {
        const level = values[d.key];
        if (level === null || level === undefined) return;
        const cell = added.getCell(4 + i);
        cell.numFmt = "0";
        cell.alignment = { horizontal: "center" };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(levelColours[level]) } };
        cell.font = { color: { argb: argb(levelTextColours[level]) } };
      });
    }
    ws.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1 + heatmap.rows.length, column: 3 + heatmap.dimensions.length },
    };
  }

  const summary = workbook.addWorksheet(t("compass.xlsx.summary"));
  summary.columns = [
    { header: t("compass.dimension"), width: 40 },
    { header: t("compass.mean"), width: 12 },
    { header: t("compass.meanGoal"), width: 12 },
    ...[0, 1, 2, 3, 4].map((l) => ({ header: `${t("compass.level")} ${l}`, width: 9 })),
  ];
  summary.getRow(1).font = { bold: true };
  for (const d of unit.dimensions) {
    const row = summary.addRow([text(d.label), d.mean, d.meanGoal, ...d.distribution]);
    row.getCell(2).numFmt = "0.0";
    row.getCell(3).numFmt = "0.0";
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
