import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { GoalRefView } from "../../../common/goals.ts";

/** `2013-01-01 – 2015-12-31`, or what there is of it. */
export function periodText(start: string | null, end: string | null) {
  if (!start && !end) return "–";
  return `${start ?? "…"} – ${end ?? "…"}`;
}

/** "B, F": the goals' codes, each with its text for screen readers and on hover. */
export function GoalCodes({ goals }: { goals: GoalRefView[] }) {
  if (!goals.length) return <>–</>;
  return (
    <>
      {goals.map((g, i) => (
        <span key={g.id}>
          {i > 0 && ", "}
          <abbr title={g.text}>{g.code}</abbr>
        </span>
      ))}
    </>
  );
}

/** The plan's own sub-navigation: the table, the timeline, goals × items. */
export function PlanNav({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const active = { "aria-current": "page", className: "active" } as const;
  return (
    <nav aria-label={t("plans.title")} className="sub-nav no-print">
      <ul>
        <li>
          <Link to="/planer/$planId" params={{ planId }} activeProps={active} activeOptions={{ exact: true }}>
            {t("plans.table")}
          </Link>
        </li>
        <li>
          <Link to="/planer/$planId/tidplan" params={{ planId }} activeProps={active}>
            {t("plans.timeline")}
          </Link>
        </li>
        <li>
          <Link to="/planer/$planId/mal" params={{ planId }} activeProps={active}>
            {t("plans.coverage")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

/** A wide table's scroll box: focusable (axe scrollable-region-focusable) and named by its label. */
export { TableScroll } from "../../components/table-scroll.tsx";
