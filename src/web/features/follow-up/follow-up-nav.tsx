import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

/** The follow-up's sub-navigation: goals, money, reports. */
export function FollowUpNav() {
  const { t } = useTranslation();
  const active = { "aria-current": "page", className: "active" } as const;
  return (
    <nav aria-label={t("indicators.title")} className="sub-nav no-print">
      <ul>
        <li>
          <Link to="/uppfoljning" activeProps={active} activeOptions={{ exact: true, includeSearch: false }}>
            {t("indicators.dashboardTitle")}
          </Link>
        </li>
        <li>
          <Link to="/uppfoljning/ekonomi" activeProps={active}>
            {t("finance.title")}
          </Link>
        </li>
        <li>
          <Link to="/uppfoljning/rapporter" activeProps={active}>
            {t("reports.page.title")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
