import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Select } from "../../components/index.ts";
import { dashboardQuery } from "./projects-api.ts";

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

/** "Ägare": every owner of a project (from the unfiltered overview), or all of them. */
export function OwnerSelect({ value, onChange }: { value: string; onChange: (owner: string) => void }) {
  const { t } = useTranslation();
  const all = useQuery(dashboardQuery({}));
  return (
    <Select
      label={t("projects.owner")}
      value={value}
      onChange={onChange}
      options={[
        { value: "", label: t("projects.allOwners") },
        ...(all.data?.byOwner ?? []).map((o) => ({ value: o.id, label: o.name })),
      ]}
    />
  );
}
