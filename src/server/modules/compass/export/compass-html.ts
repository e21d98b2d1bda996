import {
  type CompassView,
  compassPalette,
  type HeatmapView,
  levelColours,
  levelTextColours,
  type UnitView,
} from "../../../../common/compass.ts";
import { formatNumber, type Locale } from "../../../../common/format.ts";
import { translator } from "../../../platform/i18n.ts";
import { escapeHtml } from "../../../platform/pdf.ts";
import { radarSvg } from "./radar-svg.ts";

/**
 * The compass as one self-contained HTML page (inline CSS, inline SVG, no script), printed to a tagged
 * PDF. Headings, a figure with a text alternative and real tables give the PDF its structure.
 */

const css = `
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a; font-size: 11px; margin: 0; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  h2 { font-size: 14px; margin: 18px 0 6px; }
  p { margin: 2px 0 6px; }
  .meta { color: #444; }
  .layout { display: flex; gap: 16px; align-items: flex-start; }
  figure { margin: 0; }
  figcaption ul { list-style: none; padding: 0; margin: 4px 0; display: flex; gap: 14px; }
  .swatch { display: inline-block; width: 14px; height: 3px; vertical-align: middle; margin-right: 4px; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; font-weight: bold; margin-bottom: 4px; }
  th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.num, th.num { text-align: right; }
  .heat td.level { text-align: center; font-weight: bold; }
  .small { font-size: 9px; color: #444; }
`;

function page(locale: Locale, title: string, body: string) {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${css}</style></head><body>${body}</body></html>`;
}

const dash = (v: number | null | undefined) => (v === null || v === undefined ? "–" : String(v));

function legend(items: { label: string; colour: string; dashed?: boolean }[]) {
  return `<ul>${items
    .map(
      (i) =>
        `<li><span class="swatch" style="background:${i.colour};${i.dashed ? "opacity:.7" : ""}"></span>${escapeHtml(i.label)}</li>`,
    )
    .join("")}</ul>`;
}

export function programmeCompassHtml(view: CompassView, locale: Locale): string {
  const t = translator(locale);
  const name = `${view.programmeName} (${view.programmeCode})`;
  const title = t("compass.pdf.title", { name, year: view.year });
  const radar = radarSvg({
    axes: view.dimensions.map((d) => d.label),
    title: t("compass.radarLabel", { name: view.programmeName, year: view.year }),
    series: [
      {
        name: t("compass.seriesLastYear", { year: view.year - 1 }),
        values: view.dimensions.map((d) => d.lastYear),
        stroke: compassPalette.lastYear,
        fill: compassPalette.lastYear,
        fillOpacity: 0.05,
        dash: "3 3",
        width: 1.5,
      },
      {
        name: t("compass.seriesGoal", { year: view.year }),
        values: view.dimensions.map((d) => d.goal),
        stroke: compassPalette.goal,
        fill: compassPalette.goal,
        fillOpacity: 0.05,
        dash: "6 4",
      },
      {
        name: t("compass.seriesCurrent", { year: view.year }),
        values: view.dimensions.map((d) => d.current),
        stroke: compassPalette.current,
        fill: compassPalette.current,
        fillOpacity: 0.25,
      },
    ],
  });
  const rows = view.dimensions
    .map(
      (d) =>
        `<tr><th scope="row">${escapeHtml(d.label)}</th><td class="num">${d.current}</td><td class="num">${dash(d.assessed)}</td><td class="num">${dash(d.goal)}</td><td class="num">${dash(d.gap)}</td><td class="num">${d.activityCount}</td><td class="num">${dash(d.lastYear)}</td></tr>`,
    )
    .join("");
  const table = `<table><caption>${escapeHtml(t("compass.dataTable"))}</caption><thead><tr><th scope="col">${t("compass.dimension")}</th><th scope="col" class="num">${t("compass.current")}</th><th scope="col" class="num">${t("compass.assessed")}</th><th scope="col" class="num">${t("compass.goal")}</th><th scope="col" class="num">${t("compass.gap")}</th><th scope="col" class="num">${t("compass.activityCount")}</th><th scope="col" class="num">${t("compass.lastYear")}</th></tr></thead><tbody>${rows}</tbody></table>`;
  const assessments = view.dimensions.filter((d) => d.assessment);
  const justification = assessments.length
    ? `<h2>${t("compass.assessment.title")}</h2>${assessments
        .map(
          (d) =>
            `<p><strong>${escapeHtml(d.label)}: ${d.assessment!.level}.</strong> ${escapeHtml(d.assessment!.justification)}</p>`,
        )
        .join("")}`
    : "";
  const notes = view.dimensions.filter((d) => d.note);
  const notesHtml = notes.length
    ? `<h2>${t("compass.note")}</h2>${notes.map((d) => `<p><strong>${escapeHtml(d.label)}:</strong> ${escapeHtml(d.note!)}</p>`).join("")}`
    : "";
  const body = `<main><h1>${escapeHtml(title)}</h1>
    <p class="meta">${escapeHtml(t("compass.period", view.period))} · ${escapeHtml(t("compass.modelVersion", { version: view.modelVersion }))}</p>
    <div class="layout"><figure>${radar}<figcaption>${legend([
      { label: t("compass.seriesCurrent", { year: view.year }), colour: compassPalette.current },
      { label: t("compass.seriesGoal", { year: view.year }), colour: compassPalette.goal },
      {
        label: t("compass.seriesLastYear", { year: view.year - 1 }),
        colour: compassPalette.lastYear,
        dashed: true,
      },
    ])}</figcaption></figure></div>
    ${table}${justification}${notesHtml}
    <p class="small">${escapeHtml(t("compass.pdf.rule"))}</p>
    <p class="small">${escapeHtml(t("compass.pdf.generated", { date: new Date().toISOString().slice(0, 10) }))}</p></main>`;
  return page(locale, title, body);
}

export function unitCompassHtml(unit: UnitView, heatmap: HeatmapView, locale: Locale): string {
  const t = translator(locale);
  const title = t("compass.pdf.title", { name: unit.name, year: unit.year });
  const radar = radarSvg({
    axes: unit.dimensions.map((d) => d.label),
    title: t("compass.unitRadarLabel", { name: unit.name, year: unit.year }),
    series: [
      {
        name: t("compass.seriesMeanGoal"),
        values: unit.dimensions.map((d) => d.meanGoal),
        stroke: compassPalette.goal,
        fill: compassPalette.goal,
        fillOpacity: 0.05,
        dash: "6 4",
      },
      {
        name: t("compass.seriesMean"),
        values: unit.dimensions.map((d) => d.mean),
        stroke: compassPalette.current,
        fill: compassPalette.current,
        fillOpacity: 0.25,
      },
    ],
  });
  const fmt = (v: number | null) => (v === null ? "–" : formatNumber(v, locale, 1));
  const summary = `<table><caption>${t("compass.unitView.summary")}</caption><thead><tr><th scope="col">${t("compass.dimension")}</th><th scope="col" class="num">${t("compass.mean")}</th><th scope="col" class="num">${t("compass.meanGoal")}</th>${[0, 1, 2, 3, 4].map((l) => `<th scope="col" class="num">${t("compass.level")} ${l}</th>`).join("")}</tr></thead><tbody>${unit.dimensions
    .map(
      (d) =>
        `<tr><th scope="row">${escapeHtml(d.label)}</th><td class="num">${fmt(d.mean)}</td><td class="num">${fmt(d.meanGoal)}</td>${d.distribution.map((n) => `<td class="num">${n}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table>`;
  const heat = `<table class="heat"><caption>${escapeHtml(t("compass.unitView.heatmapCaption", { year: unit.year }))}</caption><thead><tr><th scope="col">${t("compass.programme")}</th>${heatmap.dimensions.map((d) => `<th scope="col">${escapeHtml(d.label)}</th>`).join("")}</tr></thead><tbody>${heatmap.rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.name)} <span class="small">${escapeHtml(r.code)}</span></th>${heatmap.dimensions
          .map((d) => {
            const level = r.levels[d.key];
            const goal = r.goals[d.key];
            const style =
              level === null
                ? ""
                : ` style="background:${levelColours[level]};color:${levelTextColours[level]}"`;
            return `<td class="level"${style}>${dash(level)}${goal !== null && goal !== undefined ? ` (${goal})` : ""}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("")}</tbody></table>`;
  const body = `<main><h1>${escapeHtml(title)}</h1>
    <p class="meta">${escapeHtml(t("compass.modelVersion", { version: unit.modelVersion }))} · ${unit.programmes} ${escapeHtml(t("compass.programmes").toLowerCase())}</p>
    <div class="layout"><figure>${radar}<figcaption>${legend([
      { label: t("compass.seriesMean"), colour: compassPalette.current },
      { label: t("compass.seriesMeanGoal"), colour: compassPalette.goal },
    ])}</figcaption></figure></div>
    ${summary}<h2>${escapeHtml(t("compass.unitView.heatmap"))}</h2>${heat}
    <p class="small">${escapeHtml(t("compass.pdf.rule"))}</p>
    <p class="small">${escapeHtml(t("compass.pdf.generated", { date: new Date().toISOString().slice(0, 10) }))}</p></main>`;
  return page(locale, title, body);
}
