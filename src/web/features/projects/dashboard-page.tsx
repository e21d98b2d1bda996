import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type DashboardView, projectColours } from "../../../common/projects.ts";
import { PageHeader, QueryState, Select, TableScroll, TextField } from "../../components/index.ts";
import { formatCount, formatMonth } from "../../lib/format.ts";
import { ColourBadge } from "./colour-badge.tsx";
import { PortfolioNav } from "./portfolio-nav.tsx";
import { dashboardQuery } from "./projects-api.ts";

const MONTHS = 3;
const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** /planer/projekt/oversikt: counts by colour and sector, projects ending soon, overdue reports — as of a day. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const [owner, setOwner] = useState("");
  const all = useQuery(dashboardQuery({}));
  const dashboard = useQuery(
    dashboardQuery({ owner: owner || undefined, asOf: isIsoDate(asOf) ? asOf : undefined, months: MONTHS }),
  );
  return (
    <>
      <PageHeader title={t("projects.dashboard")} />
      <PortfolioNav />
      <div className="filter-fields no-print">
        <TextField
          label={t("projects.asOf")}
          description="ÅÅÅÅ-MM-DD"
          value={asOf}
          onChange={setAsOf}
          error={isIsoDate(asOf) ? undefined : t("validation.date")}
        />
        <Select
          label={t("projects.owner")}
          value={owner}
          onChange={setOwner}
          options={[
            { value: "", label: t("projects.allOwners") },
            ...(all.data?.byOwner ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
      </div>
      <QueryState query={dashboard}>{(data) => <Dashboard data={data} />}</QueryState>
    </>
  );
}

function Dashboard({ data }: { data: DashboardView }) {
  const { t } = useTranslation();
  const kinds = [...projectColours, "none"] as const;
  return (
    <>
      <section aria-labelledby="colour-heading">
        <h2 id="colour-heading">{t("projects.byColour")}</h2>
        <ul className="count-cards">
          {kinds.map((c) => (
            <li key={c}>
              <span className="count">{data.byColour[c]}</span>
              <ColourBadge colour={c === "none" ? null : c} />
            </li>
          ))}
          <li>
            <span className="count">{data.byColour.total}</span>
            {t("projects.total")}
          </li>
        </ul>
      </section>
      <TableScroll label={t("projects.bySector")}>
        <table className="data-table">
          <caption>{t("projects.bySector")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("projects.sector")}</th>
              {kinds.map((c) => (
                <th scope="col" key={c} className="numeric">
                  {t(`projects.colours.${c}`)}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t("projects.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.bySector.map((s) => (
              <tr key={s.sector}>
                <th scope="row">{s.sector || "–"}</th>
                {kinds.map((c) => (
                  <td key={c} className="numeric">
                    {s[c]}
                  </td>
                ))}
                <td className="numeric">{s.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <section aria-labelledby="ending-heading">
        <h2 id="ending-heading">{t("projects.endingSoon", { months: MONTHS })}</h2>
        {data.endingSoon.length === 0 ? (
          <p className="muted">{t("projects.endingSoonEmpty")}</p>
        ) : (
          <ul className="plain-list link-list">
            {data.endingSoon.map((p) => (
              <li key={p.id}>
                <Link to="/planer/projekt/$projectId" params={{ projectId: p.id }}>
                  {p.name}
                </Link>{" "}
                – {formatMonth(p.periodEnd, true)} · <ColourBadge colour={p.colour} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">{t("projects.overdue")}</h2>
        {data.overdueReports.length === 0 ? (
          <p className="muted">{t("projects.overdueEmpty")}</p>
        ) : (
          <TableScroll label={t("projects.overdue")}>
            <table className="data-table">
              <caption className="visually-hidden">{t("projects.overdue")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("projects.name")}</th>
                  <th scope="col">{t("projects.lead")}</th>
                  <th scope="col">{t("projects.dueDate")}</th>
                  <th scope="col" className="numeric">
                    {t("projects.daysOverdue")}
                  </th>
                  <th scope="col">{t("projects.latestReport")}</th>
                  <th scope="col">{t("projects.colour")}</th>
                </tr>
              </thead>
              <tbody>
                {data.overdueReports.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to="/planer/projekt/$projectId" params={{ projectId: p.id }}>
                        {p.name}
                      </Link>
                    </th>
                    <td>{p.leadName ?? "–"}</td>
                    <td>{p.reportDueDate}</td>
                    <td className="numeric">{formatCount(p.daysOverdue)}</td>
                    <td>{p.latestReportDate ?? "–"}</td>
                    <td>
                      <ColourBadge colour={p.colour} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
