import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

/** The administration's own sub-navigation (a second <nav>, so it has its own label). */
export function AdminNav() {
  const { t } = useTranslation();
  const active = { "aria-current": "page", className: "active" } as const;
  return (
    <nav aria-label={t("admin.title")} className="sub-nav">
      <ul>
        <li>
          <Link to="/admin" activeOptions={{ exact: true }} activeProps={active}>
            {t("admin.users")}
          </Link>
        </li>
        <li>
          <Link to="/admin/granskningslogg" activeProps={active}>
            {t("admin.audit")}
          </Link>
        </li>
        <li>
          <Link to="/admin/gallring" activeProps={active}>
            {t("retention.title")}
          </Link>
        </li>
        <li>
          <a href="/api/admin/processing-record?format=pdf" download>
            {t("privacy.page.record")}
          </a>
        </li>
      </ul>
    </nav>
  );
}
