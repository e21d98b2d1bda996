import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectTimelineView } from "../../../common/projects.ts";
import { type GanttBar, GanttChart } from "../../components/gantt-chart.tsx";
import { PageHeader, QueryState, TableScroll } from "../../components/index.ts";
import { ColourBadge } from "./colour-badge.tsx";
import { OwnerSelect, PortfolioNav } from "./portfolio-nav.tsx";
import { projectTimelineQuery } from "./projects-api.ts";

// The bars take the project's colour; the table beside the chart says it in words.
const barColour = { green: "#1d6b3a", yellow: "#8a6d00", red: "#a4262c", none: "#4a5561" } as const;

/** A month's last day: a period written 062012-062014 runs to the end of June 2014. */
function monthEnd(ym: string) {
  const [y, m] = ym.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** /planer/projekt/tidslinje: the projects' periods as bars, and as a table. */
export function ProjectTimelinePage() {
  const { t } = useTranslation();
  const [owner, setOwner] = useState("");
  const timeline = useQuery(projectTimelineQuery(owner || undefined));
  return (
    <>
      <PageHeader title={t("projects.timeline")} intro={<p>{t("projects.timelineIntro")}</p>} />
      <PortfolioNav />
      <div className="filter-fields no-print">
        <OwnerSelect value={owner} onChange={setOwner} />
      </div>
      <QueryState query={timeline}>{(data) => <Timeline data={data} />}</QueryState>
    </>
  );
}

function Timeline({ data }: { data: ProjectTimelineView }) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const bars: GanttBar[] = data.items
    .filter((p) => p.periodStart)
    .map((p) => ({
      label: p.name,
      start: `${p.periodStart}-01`,
      end: p.periodEnd ? monthEnd(p.periodEnd) : today,
      open: !p.periodEnd,
      colour: barColour[p.colour ?? "none"],
    }));
  return (
    <>
      <GanttChart bars={bars} description={t("projects.timelineIntro")} />
      <TableScroll label={t("projects.timelineTable")}>
        <table className="data-table">
          <caption>{t("projects.timelineTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("projects.name")}</th>
              <th scope="col">{t("projects.sector")}</th>
              <th scope="col">{t("projects.period")}</th>
              <th scope="col">{t("projects.periodStart")}</th>
              <th scope="col">{t("projects.periodEnd")}</th>
              <th scope="col">{t("projects.colour")}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to="/planer/projekt/$projectId" params={{ projectId: p.id }}>
                    {p.name}
                  </Link>
                </th>
                <td>{p.sector ?? "–"}</td>
                <td>{p.periodLabel || "–"}</td>
                <td>{p.periodStart ?? "–"}</td>
                <td>{p.periodEnd ?? t("projects.openEnded")}</td>
                <td>
                  <ColourBadge colour={p.colour} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
