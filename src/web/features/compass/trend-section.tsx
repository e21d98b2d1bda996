import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TrendView } from "../../../common/compass.ts";
import { QueryState, TableScroll } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { trendQuery, yearsQuery } from "./compass-api.ts";
import { formatMean } from "./compass-parts.tsx";
import { TrendChart } from "./lazy-charts.tsx";

/** The unit's mean level per dimension over the last years up to the chosen one. */
export function TrendSection({ organisationId, year }: { organisationId: string; year: number }) {
  const { t } = useTranslation();
  const years = useQuery(yearsQuery);
  // Up to five years back, but not before the first year with any activity (all zeros say nothing).
  const first = years.data?.years[0] ?? year - 4;
  const trend = useQuery({
    ...trendQuery(organisationId, Math.min(year, Math.max(year - 4, first)), year),
    enabled: !years.isPending,
  });
  return (
    <section aria-labelledby="trend-heading" className="compass-section">
      <h2 id="trend-heading">{t("compass.unitView.trend")}</h2>
      <QueryState query={trend}>{(view) => <Trend view={view} />}</QueryState>
    </section>
  );
}

function Trend({ view }: { view: TrendView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const years = view.years.map((y) => y.year);
  const description = `${t("compass.unitView.trendCaption")}. ${view.dimensions
    .map(
      (d) =>
        `${d.label}: ${view.years.map((y) => `${y.year} ${formatMean(y.means[d.key] ?? null, language)}`).join(", ")}`,
    )
    .join("; ")}.`;
  return (
    <div className="compass-overview">
      <div className="compass-chart-box">
        <TrendChart
          years={years}
          description={description}
          series={view.dimensions.map((d) => ({
            name: d.label,
            values: view.years.map((y) => y.means[d.key] ?? null),
          }))}
        />
      </div>
      <TableScroll label={t("compass.unitView.trendCaption")} className="compass-table">
        <table className="data-table">
          <caption>{t("compass.unitView.trendCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("compass.dimension")}</th>
              {years.map((y) => (
                <th scope="col" key={y}>
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.dimensions.map((d) => (
              <tr key={d.key}>
                <th scope="row">{d.label}</th>
                {view.years.map((y) => (
                  <td key={y.year}>{formatMean(y.means[d.key] ?? null, language)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
