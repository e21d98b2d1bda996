import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TimelineView } from "../../../common/plans.ts";
import { type GanttBar, GanttChart } from "../../components/gantt-chart.tsx";
import { PageHeader, QueryState, TableScroll } from "../../components/index.ts";
import { PlanNav } from "./plan-nav.tsx";
import { planQuery, timelineQuery } from "./plans-api.ts";

// Dark enough for 3:1 against white (WCAG 1.4.11, graphical objects); the table carries the same data.
const PHASE_COLOUR = "#4a5561";
const SECTION_COLOURS = ["#1d5a99", "#1d6b3a", "#8a4b08", "#6b2c91"];

/** /planer/$planId/tidplan: phases and items as bars, with the same data as a table. */
export function PlanTimelinePage({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const plan = useQuery(planQuery(planId));
  const timeline = useQuery(timelineQuery(planId));
  return (
    <>
      <PageHeader
        title={`${t("plans.timeline")}: ${plan.data?.title ?? ""}`}
        intro={<p>{t("plans.timelineIntro")}</p>}
      />
      <PlanNav planId={planId} />
      <QueryState query={timeline}>{(data) => <Timeline data={data} />}</QueryState>
    </>
  );
}

function Timeline({ data }: { data: TimelineView }) {
  const { t } = useTranslation();
  const sections = [...new Set(data.items.map((i) => i.section ?? ""))];
  const bars: GanttBar[] = [
    ...data.phases
      .filter((p) => p.startDate && p.endDate)
      .map((p) => ({
        label: `${t("plans.phase")}: ${p.name}`,
        start: p.startDate!,
        end: p.endDate!,
        colour: PHASE_COLOUR,
      })),
    ...data.items
      .filter((i) => i.startDate && i.endDate)
      .map((i) => ({
        label: `${i.number}. ${i.title}`,
        start: i.startDate!,
        end: i.endDate!,
        colour: SECTION_COLOURS[sections.indexOf(i.section ?? "") % SECTION_COLOURS.length],
      })),
  ];
  return (
    <>
      <GanttChart bars={bars} description={t("plans.timelineIntro")} />
      <TableScroll label={t("plans.timelineTable")}>
        <table className="data-table">
          <caption>{t("plans.timelineTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("plans.activity")}</th>
              <th scope="col">{t("plans.section")}</th>
              <th scope="col">{t("plans.start")}</th>
              <th scope="col">{t("plans.startDate")}</th>
              <th scope="col">{t("plans.endDate")}</th>
              <th scope="col">{t("plans.status")}</th>
            </tr>
          </thead>
          <tbody>
            {data.phases.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {t("plans.phase")}: {p.name}
                </th>
                <td>–</td>
                <td>–</td>
                <td>{p.startDate ?? t("plans.noDate")}</td>
                <td>{p.endDate ?? t("plans.noDate")}</td>
                <td>–</td>
              </tr>
            ))}
            {data.items.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  {i.number}. {i.title}
                </th>
                <td>{i.section ?? "–"}</td>
                <td>{i.startText ?? "–"}</td>
                <td>{i.startDate ?? t("plans.noDate")}</td>
                <td>{i.endDate ?? t("plans.noDate")}</td>
                <td>{t(`plans.statuses.${i.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
