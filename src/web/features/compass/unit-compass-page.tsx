import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { compassPalette, type UnitView } from "../../../common/compass.ts";
import { queryString } from "../../api.ts";
import { Button, PageHeader, QueryState, Spinner, TableScroll } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { unitQuery } from "./compass-api.ts";
import { CompassNav, download, formatMean, useCompassYear, YearSelect } from "./compass-parts.tsx";
import { HeatmapSection } from "./heatmap-section.tsx";
import { type ChartHandle, RadarChart } from "./lazy-charts.tsx";
import { TrendSection } from "./trend-section.tsx";

/** /kompassen/enhet/$organisationId: a department's, faculty's or the university's compass. */
export function UnitCompassPage({
  organisationId,
  year: fromSearch,
}: {
  organisationId: string;
  year?: number;
}) {
  const year = useCompassYear(fromSearch);
  if (year === null) return <Spinner />;
  return <UnitForYear organisationId={organisationId} year={year} />;
}

function UnitForYear({ organisationId, year }: { organisationId: string; year: number }) {
  const unit = useQuery(unitQuery(organisationId, year));
  return <QueryState query={unit}>{(view) => <UnitCompass view={view} />}</QueryState>;
}

function UnitCompass({ view }: { view: UnitView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const chart = useRef<ChartHandle>(null);
  const language = currentLanguage();
  const base = `/api/compass/units/${view.organisationId}`;
  const year = queryString({ year: view.year });
  const actions = (
    <div className="button-row">
      <Button
        variant="secondary"
        onPress={() => {
          const png = chart.current?.toPng();
          if (png) download(png, `ala-kompassen-enhet-${view.year}.png`);
        }}
      >
        {t("compass.exportPng")}
      </Button>
      <a className="btn btn-secondary" href={`${base}/compass.pdf${year}`} download>
        {t("compass.exportPdf")}
      </a>
      <a className="btn btn-secondary" href={`${base}/heatmap.xlsx${year}`} download>
        {t("compass.exportXlsx")}
      </a>
    </div>
  );
  const description = `${t("compass.unitRadarLabel", { name: view.name, year: view.year })}. ${view.dimensions
    .map(
      (d) =>
        `${d.label}: ${t("compass.mean").toLowerCase()} ${formatMean(d.mean, language)}, ${t("compass.meanGoal").toLowerCase()} ${formatMean(d.meanGoal, language)}`,
    )
    .join("; ")}.`;
  return (
    <>
      <PageHeader
        title={t("compass.unitView.title", { name: view.name })}
        intro={
          <p>
            {t("compass.unitView.intro")} {t("compass.programmeCount", { count: view.programmes })}.
          </p>
        }
        actions={actions}
      />
      <CompassNav />
      <div className="compass-toolbar">
        <YearSelect
          year={view.year}
          onChange={(y) =>
            navigate({
              to: "/kompassen/enhet/$organisationId",
              params: { organisationId: view.organisationId },
              search: { year: y },
            })
          }
        />
      </div>
      <section aria-labelledby="unit-summary-heading" className="compass-overview">
        <h2 id="unit-summary-heading" className="visually-hidden">
          {t("compass.unitView.summary")}
        </h2>
        <div className="compass-chart-box">
          <RadarChart
            ref={chart}
            axes={view.dimensions.map((d) => d.label)}
            description={description}
            series={[
              {
                name: t("compass.seriesMeanGoal"),
                values: view.dimensions.map((d) => d.meanGoal),
                colour: compassPalette.goal,
                dashed: true,
              },
              {
                name: t("compass.seriesMean"),
                values: view.dimensions.map((d) => d.mean),
                colour: compassPalette.current,
                filled: true,
              },
            ]}
          />
        </div>
        <SummaryTable view={view} />
      </section>
      <HeatmapSection organisationId={view.organisationId} year={view.year} />
      <TrendSection organisationId={view.organisationId} year={view.year} />
    </>
  );
}

function SummaryTable({ view }: { view: UnitView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <TableScroll
      label={t("compass.unitView.summaryCaption", { year: view.year, count: view.programmes })}
      className="compass-table"
    >
      <table className="data-table">
        <caption>{t("compass.unitView.summaryCaption", { year: view.year, count: view.programmes })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("compass.dimension")}</th>
            <th scope="col">{t("compass.mean")}</th>
            <th scope="col">{t("compass.meanGoal")}</th>
            {[0, 1, 2, 3, 4].map((l) => (
              <th scope="col" key={l}>
                {t("compass.levelN", { level: l })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.dimensions.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.label}</th>
              <td>{formatMean(d.mean, language)}</td>
              <td>{formatMean(d.meanGoal, language)}</td>
              {d.distribution.map((n, l) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the position is the level (0–4)
                <td key={`${d.key}-${l}`}>{n}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
