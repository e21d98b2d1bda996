import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CompassView } from "../../../common/compass.ts";
import { EmptyState, PageHeader, QueryState, Spinner, TableScroll } from "../../components/index.ts";
import { compareQuery } from "./compass-api.ts";
import { CompassNav, useCompassYear } from "./compass-parts.tsx";
import { RadarChart } from "./lazy-charts.tsx";

// Distinct, ≥ 3:1 on white, told apart by name in the legend and the table too.
const colours = ["#5b2a86", "#b34700", "#1d6b3a", "#1d5a99", "#a4262c", "#6b5b00", "#00707a", "#8a2b6e"];

/** /kompassen/jamfor?ids=…: programmes' compasses side by side for one year. */
export function ComparePage({ ids, year: fromSearch }: { ids: string[]; year?: number }) {
  const { t } = useTranslation();
  const year = useCompassYear(fromSearch);
  if (ids.length < 2)
    return (
      <>
        <PageHeader title={t("compass.compare.title")} />
        <CompassNav />
        <EmptyState
          message={t("compass.compare.choose")}
          action={<Link to="/kompassen">{t("compass.title")}</Link>}
        />
      </>
    );
  if (year === null) return <Spinner />;
  return <Compare ids={ids} year={year} />;
}

function Compare({ ids, year }: { ids: string[]; year: number }) {
  const { t } = useTranslation();
  const compare = useQuery(compareQuery(ids, year));
  return (
    <>
      <PageHeader
        title={t("compass.compare.title")}
        intro={
          <p>
            {t("compass.compare.intro")} ({year})
          </p>
        }
      />
      <CompassNav />
      <QueryState query={compare}>
        {(data) => <Comparison programmes={data.programmes} year={year} />}
      </QueryState>
    </>
  );
}

function Comparison({ programmes, year }: { programmes: CompassView[]; year: number }) {
  const { t } = useTranslation();
  const dimensions = programmes[0]?.dimensions ?? [];
  const description = `${t("compass.compare.title")} ${year}. ${programmes
    .map((p) => `${p.programmeName}: ${p.dimensions.map((d) => `${d.label} ${d.current}`).join(", ")}`)
    .join("; ")}.`;
  return (
    <div className="compass-overview">
      <div className="compass-chart-box">
        <RadarChart
          axes={dimensions.map((d) => d.label)}
          description={description}
          series={programmes.map((p, i) => ({
            name: p.programmeName,
            values: dimensions.map((d) => p.dimensions.find((x) => x.key === d.key)?.current ?? null),
            colour: colours[i % colours.length],
          }))}
        />
      </div>
      <TableScroll label={t("compass.compare.caption", { year })} className="compass-table">
        <table className="data-table">
          <caption>{t("compass.compare.caption", { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("compass.dimension")}</th>
              {programmes.map((p) => (
                <th scope="col" key={p.programmeId}>
                  <Link
                    to="/kompassen/program/$programmeId"
                    params={{ programmeId: p.programmeId }}
                    search={{ year }}
                  >
                    {p.programmeName}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dimensions.map((d) => (
              <tr key={d.key}>
                <th scope="row">{d.label}</th>
                {programmes.map((p) => {
                  const dim = p.dimensions.find((x) => x.key === d.key);
                  if (!dim) return <td key={p.programmeId}>{t("compass.none")}</td>;
                  return (
                    <td key={p.programmeId}>
                      {dim.current}
                      {dim.goal !== null && (
                        <span className="muted">
                          {" "}
                          ({t("compass.goal").toLowerCase()} {dim.goal})
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
