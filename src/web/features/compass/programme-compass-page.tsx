import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CompassView, compassPalette } from "../../../common/compass.ts";
import { ApiError, queryString } from "../../api.ts";
import { Alert, Button, PageHeader, QueryState, Spinner, TableScroll } from "../../components/index.ts";
import { compassQuery, useRecompute } from "./compass-api.ts";
import { CompassNav, download, useCompassYear, YearSelect } from "./compass-parts.tsx";
import { DimensionDetails } from "./dimension-details.tsx";
import { GoalsForm } from "./goals-form.tsx";
import { type ChartHandle, RadarChart } from "./lazy-charts.tsx";
import { OutcomesSection } from "./outcomes-section.tsx";
import { RecommendationsSection, WorkPlanSection } from "./recommendations-section.tsx";
import { WorkProcessSection } from "./work-process-section.tsx";

/** /kompassen/program/$programmeId: one programme's compass for a year and everything done with it. */
export function ProgrammeCompassPage({
  programmeId,
  year: fromSearch,
}: {
  programmeId: string;
  year?: number;
}) {
  const year = useCompassYear(fromSearch);
  if (year === null) return <Spinner />;
  return <ProgrammeCompassForYear programmeId={programmeId} year={year} />;
}

function ProgrammeCompassForYear({ programmeId, year }: { programmeId: string; year: number }) {
  const compass = useQuery(compassQuery(programmeId, year));
  return <QueryState query={compass}>{(view) => <ProgrammeCompass view={view} />}</QueryState>;
}

function ProgrammeCompass({ view }: { view: CompassView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const chart = useRef<ChartHandle>(null);
  const name = view.programmeName;
  const title = t("compass.programmeTitle", { name });
  const pdf = `/api/compass/programmes/${view.programmeId}/compass.pdf${queryString({ year: view.year })}`;
  const actions = (
    <div className="button-row">
      <Button
        variant="secondary"
        onPress={() => {
          const png = chart.current?.toPng();
          if (png) download(png, `ala-kompassen-${view.programmeCode}-${view.year}.png`);
        }}
      >
        {t("compass.exportPng")}
      </Button>
      <a className="btn btn-secondary" href={pdf} download>
        {t("compass.exportPdf")}
      </a>
    </div>
  );
  const intro = (
    <p>
      {view.programmeCode} · {t("compass.period", view.period)} ·{" "}
      {t("compass.modelVersion", { version: view.modelVersion })}
    </p>
  );
  return (
    <>
      <PageHeader title={title} intro={intro} actions={actions} />
      <CompassNav />
      <div className="compass-toolbar">
        <YearSelect
          year={view.year}
          onChange={(y) =>
            navigate({
              to: "/kompassen/program/$programmeId",
              params: { programmeId: view.programmeId },
              search: { year: y },
            })
          }
        />
      </div>
      <OlderModelNotice view={view} />
      <section aria-labelledby="compass-chart-heading" className="compass-overview">
        <h2 id="compass-chart-heading" className="visually-hidden">
          {t("compass.chart")}
        </h2>
        <div className="compass-chart-box">
          <RadarChart
            ref={chart}
            axes={view.dimensions.map((d) => d.label)}
            description={radarDescription(view, t)}
            series={[
              {
                name: t("compass.seriesLastYear", { year: view.year - 1 }),
                values: view.dimensions.map((d) => d.lastYear),
                colour: compassPalette.lastYear,
                faint: true,
              },
              {
                name: t("compass.seriesGoal", { year: view.year }),
                values: view.dimensions.map((d) => d.goal),
                colour: compassPalette.goal,
                dashed: true,
              },
              {
                name: t("compass.seriesCurrent", { year: view.year }),
                values: view.dimensions.map((d) => d.current),
                colour: compassPalette.current,
                filled: true,
              },
            ]}
          />
        </div>
        <CompassTable view={view} />
      </section>
      {view.abilities.manage && <GoalsForm view={view} />}
      <RecommendationsSection view={view} />
      <WorkPlanSection programmeId={view.programmeId} year={view.year} />
      <DimensionDetails view={view} />
      <WorkProcessSection
        programmeId={view.programmeId}
        year={view.year}
        canEdit={view.abilities.workProcess}
      />
      <OutcomesSection view={view} />
    </>
  );
}

type T = (key: string, vars?: Record<string, unknown>) => string;

/** The chart's text alternative: every value the radar shows, dimension by dimension. */
function radarDescription(view: CompassView, t: T) {
  const parts = view.dimensions.map(
    (d) =>
      `${d.label}: ${t("compass.current").toLowerCase()} ${d.current}, ${t("compass.goal").toLowerCase()} ${d.goal ?? t("compass.none")}, ${t("compass.lastYear").toLowerCase()} ${d.lastYear ?? t("compass.none")}`,
  );
  return `${t("compass.radarLabel", { name: view.programmeName, year: view.year })}. ${parts.join("; ")}.`;
}

function CompassTable({ view }: { view: CompassView }) {
  const { t } = useTranslation();
  const none = t("compass.none");
  return (
    <TableScroll label={t("compass.dataTable")} className="compass-table">
      <table className="data-table">
        <caption>{t("compass.dataTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("compass.dimension")}</th>
            <th scope="col">{t("compass.current")}</th>
            <th scope="col">{t("compass.assessed")}</th>
            <th scope="col">{t("compass.goal")}</th>
            <th scope="col">{t("compass.gap")}</th>
            <th scope="col">{t("compass.activityCount")}</th>
            <th scope="col">{t("compass.lastYear")}</th>
          </tr>
        </thead>
        <tbody>
          {view.dimensions.map((d) => (
            <tr key={d.key}>
              <th scope="row">
                <a href={`#dimension-${d.key}`}>{d.label}</a>
              </th>
              <td>{d.current}</td>
              <td>{d.assessed ?? none}</td>
              <td>{d.goal ?? none}</td>
              <td className={d.gap ? "gap-open" : undefined}>{d.gap ?? none}</td>
              <td>{d.activityCount}</td>
              <td>{d.lastYear ?? none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function OlderModelNotice({ view }: { view: CompassView }) {
  const { t } = useTranslation();
  const recompute = useRecompute(view.programmeId, view.year);
  const [done, setDone] = useState<number | null>(null);
  if (done) return <Alert tone="success">{t("compass.recomputed", { version: done })}</Alert>;
  if (view.modelVersion === view.latestModelVersion) return null;
  return (
    <Alert tone="info">
      <p>{t("compass.olderModel", { version: view.modelVersion, latest: view.latestModelVersion })}</p>
      {view.abilities.recompute && (
        <Button
          variant="secondary"
          isPending={recompute.isPending}
          onPress={async () => {
            const result = await recompute.mutateAsync(undefined);
            setDone(result.modelVersion);
          }}
        >
          {t("compass.recompute")}
        </Button>
      )}
      {recompute.error instanceof ApiError && <p>{recompute.error.problem.detail}</p>}
    </Alert>
  );
}
