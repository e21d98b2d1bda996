import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type DashboardView, projectColours } from "../../../common/projects.ts";
import {
  type Column,
  DataTable,
  PageHeader,
  QueryState,
  TableScroll,
  TextField,
} from "../../components/index.ts";
import { formatCount, formatMonth } from "../../lib/format.ts";
import { ColourBadge } from "./colour-badge.tsx";
import { OwnerSelect, PortfolioNav } from "./portfolio-nav.tsx";
import { dashboardQuery } from "./projects-api.ts";

const MONTHS = 3;
const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** /planer/projekt/oversikt: counts by colour and sector, projects ending soon, overdue reports — as of a day. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const [owner, setOwner] = useState("");
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
          description={t("common.dateFormat")}
          value={asOf}
          onChange={setAsOf}
          error={isIsoDate(asOf) ? undefined : t("validation.date")}
        />
        <OwnerSelect value={owner} onChange={setOwner} />
      </div>
      <QueryState query={dashboard}>{(data) => <Dashboard data={data} />}</QueryState>
    </>
  );
}

function Dashboard({ data }: { data: DashboardView }) {
  const { t } = useTranslation();
  const kinds = [...projectColours, "none"] as const;
  const overdueColumns: Column<DashboardView["overdueReports"][number]>[] = [
    {
      key: "name",
      header: t("projects.name"),
      isRowHeader: true,
      cell: (p) => (
        <Link to="/planer/projekt/$projectId" params={{ projectId: p.id }}>
          {p.name}
        </Link>
      ),
    },
    { key: "lead", header: t("projects.lead"), cell: (p) => p.leadName ?? "–" },
    { key: "dueDate", header: t("projects.dueDate"), cell: (p) => p.reportDueDate },
    {
      key: "daysOverdue",
      header: t("projects.daysOverdue"),
      className: "numeric",
      cell: (p) => formatCount(p.daysOverdue),
    },
    { key: "latestReport", header: t("projects.latestReport"), cell: (p) => p.latestReportDate ?? "–" },
    { key: "colour", header: t("projects.colour"), cell: (p) => <ColourBadge colour={p.colour} /> },
  ];
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
          <DataTable
            caption={t("projects.overdue")}
            captionHidden
            columns={overdueColumns}
            rows={data.overdueReports}
            rowKey={(p) => p.id}
          />
        )}
      </section>
    </>
  );
}
