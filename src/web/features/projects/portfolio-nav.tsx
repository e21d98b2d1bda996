import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

/** The portfolio's sub-navigation: the table, the overview, the timeline, the review rounds. */
export function PortfolioNav() {
  const { t } = useTranslation();
  const active = { "aria-current": "page", className: "active" } as const;
  return (
    <nav aria-label={t("projects.title")} className="sub-nav no-print">
      <ul>
        <li>
          <Link to="/planer/projekt" activeProps={active} activeOptions={{ exact: true }}>
            {t("projects.portfolio")}
          </Link>
        </li>
        <li>
          <Link to="/planer/projekt/oversikt" activeProps={active}>
            {t("projects.dashboard")}
          </Link>
        </li>
        <li>
          <Link to="/planer/projekt/tidslinje" activeProps={active}>
            {t("projects.timeline")}
          </Link>
        </li>
        <li>
          <Link to="/planer/projekt/avrapporteringar" activeProps={active}>
            {t("projects.reviewRounds.title")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
