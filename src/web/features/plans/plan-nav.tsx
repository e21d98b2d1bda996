import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

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
