import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../common/format.ts";
import type { IndicatorStatus, IndicatorSummaryView } from "../../../common/indicators.ts";
import { type Column, DataTable } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";

/** Pieces of the follow-up pages: status in words and shape, target text, sparkline, indicator table. */

const statusShape: Record<IndicatorStatus, string> = {
  on_track: "●",
  at_risk: "▲",
  off_track: "■",
  no_data: "○",
};

/** Status as a word and a shape, never colour alone (WCAG 1.4.1). */
export function StatusBadge({ status }: { status: IndicatorStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-${status}`}>
      <span aria-hidden="true">{statusShape[status]}</span> {t(`indicators.statuses.${status}`)}
    </span>
  );
}

export function TargetText({
  indicator,
}: {
  indicator: { direction: string; target: number; unit: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      {t("indicators.targetText", {
        direction: t(`indicators.directions.${indicator.direction}`),
        target: formatNumber(indicator.target, currentLanguage()),
        unit: indicator.unit,
      })}
    </>
  );
}

/** A small line of the values over time; the numbers themselves are in the text beside it. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  if (values.length < 2) return <span className="muted">–</span>;
  const width = 96;
  const height = 24;
  const max = Math.max(...values, 1);
  const points = values
    .map(
      (v, i) =>
        `${((i / (values.length - 1)) * width).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`,
    )
    .join(" ");
  return (
    <span className="sparkline">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
        focusable="false"
      >
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** Indicators of one goal: name (to its page), target, actual, status, trend. */
export function IndicatorTable({
  caption,
  indicators,
}: {
  caption: string;
  indicators: IndicatorSummaryView[];
}) {
  const { t } = useTranslation();
  const locale = currentLanguage();
  const columns: Column<IndicatorSummaryView>[] = [
    {
      key: "indicator",
      header: t("indicators.indicator"),
      isRowHeader: true,
      cell: (i) => (
        <>
          <Link to="/uppfoljning/indikatorer/$id" params={{ id: i.id }}>
            {i.name}
          </Link>
          <div className="muted small">{t(`indicators.kinds.${i.kind}`)}</div>
        </>
      ),
    },
    { key: "target", header: t("indicators.target"), cell: (i) => <TargetText indicator={i} /> },
    {
      key: "actual",
      header: t("indicators.actual"),
      className: "numeric",
      cell: (i) => (i.actual === null ? "–" : formatNumber(i.actual, locale)),
    },
    { key: "status", header: t("indicators.status"), cell: (i) => <StatusBadge status={i.status} /> },
    {
      key: "trend",
      header: t("indicators.trend"),
      cell: (i) => (
        <Sparkline
          values={i.sparkline}
          label={`${t("indicators.trend")}: ${i.sparkline.map((v) => formatNumber(v, locale)).join(", ")}`}
        />
      ),
    },
  ];
  return (
    <DataTable
      caption={caption}
      captionHidden
      className="indicator-table"
      columns={columns}
      rows={indicators}
      rowKey={(i) => i.id}
    />
  );
}
