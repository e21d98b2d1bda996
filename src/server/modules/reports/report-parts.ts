import type { TFunction } from "i18next";
import { formatNumber } from "../../../common/format.ts";
import type { Cell, ReportBlock } from "../../../common/reports.ts";
import type { ReportActivity } from "../../read/reports-queries.ts";
import type { EvaluatedIndicator } from "../indicators/index.ts";

/** Pieces several reports share: indicator rows, activity dates, the meeting-place table. */

type TableBlock = Extract<ReportBlock, { type: "table" }>;

export function targetText(e: EvaluatedIndicator, t: TFunction, lang: "sv" | "en") {
  return t("indicators.targetText", {
    direction: t(`indicators.directions.${e.row.direction}`),
    target: formatNumber(e.row.target, lang),
    unit: e.row.unit,
  });
}

/** One row per indicator: goal, indicator, target, actual, status. */
export function indicatorRow(goal: string, e: EvaluatedIndicator, t: TFunction, lang: "sv" | "en"): Cell[] {
  return [goal, e.row.name, targetText(e, t, lang), e.actual, t(`indicators.statuses.${e.status}`)];
}

export function indicatorColumns(t: TFunction): TableBlock["columns"] {
  return [
    { header: t("reports.goal"), kind: "text" },
    { header: t("reports.indicator"), kind: "text" },
    { header: t("reports.target"), kind: "text" },
    { header: t("reports.actual"), kind: "number" },
    { header: t("reports.status"), kind: "text" },
  ];
}

/** "2010-11-09, 2010-11-10" from the sessions, else "start – end", else the start date. */
export function activityDates(a: ReportActivity): string {
  if (a.sessionDates.length) return a.sessionDates.join(", ");
  return a.endDate && a.endDate !== a.startDate ? `${a.startDate} – ${a.endDate}` : a.startDate;
}

export function activityPlace(a: ReportActivity): string {
  return a.sessionPlaces.length ? a.sessionPlaces.join("; ") : (a.place ?? "");
}

const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

/**
 * Meeting places with their participant counts kept apart: registered (registrations), attended
 * (checked in), and the estimate the organiser gave ("ca 90"). Each total is its own column's sum.
 */
export function meetingPlaceTable(
  activities: ReportActivity[],
  caption: string,
  t: TFunction,
  lang: "sv" | "en",
  withCoOrganisers = true,
): TableBlock {
  const typeOf = (a: ReportActivity) => (lang === "sv" ? a.typeSv : a.typeEn);
  const rows = activities.map((a): Cell[] => [
    activityDates(a),
    a.title,
    typeOf(a),
    activityPlace(a),
    ...(withCoOrganisers ? [a.coOrganisers ?? ""] : []),
    a.isEvent ? a.registered : null,
    a.isEvent ? a.attended : null,
    a.estimated,
  ]);
  return {
    type: "table",
    sheet: t("reports.annual.meetingPlaces"),
    caption,
    columns: [
      { header: t("reports.date"), kind: "date" },
      { header: t("reports.title"), kind: "text" },
      { header: t("reports.type"), kind: "text" },
      { header: t("reports.place"), kind: "text" },
      ...(withCoOrganisers ? [{ header: t("reports.coOrganisers"), kind: "text" as const }] : []),
      { header: t("reports.registered"), kind: "number" },
      { header: t("reports.attended"), kind: "number" },
      { header: t("reports.estimated"), kind: "number" },
    ],
    rows,
    footer: [
      t("reports.total"),
      null,
      null,
      null,
      ...(withCoOrganisers ? [null] : []),
      sum(activities.map((a) => (a.isEvent ? a.registered : 0))),
      sum(activities.map((a) => (a.isEvent ? a.attended : 0))),
      sum(activities.map((a) => a.estimated)),
    ],
  };
}

export function projectPeriod(p: {
  periodStart: string | null;
  periodEnd: string | null;
  periodText: string | null;
}) {
  if (p.periodText) return p.periodText;
  const month = (d: string | null) => (d ? d.slice(0, 7) : "");
  return p.periodStart || p.periodEnd ? `${month(p.periodStart)} – ${month(p.periodEnd)}`.trim() : "";
}
