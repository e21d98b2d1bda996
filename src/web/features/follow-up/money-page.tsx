import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { SummaryView } from "../../../common/finance.ts";
import { formatKronor, formatNumber } from "../../../common/format.ts";
import { useMe } from "../../auth.ts";
import { DataTable, EmptyState, PageHeader, QueryState, Select } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { choicesQuery, summaryQuery } from "./follow-up-api.ts";
import { FollowUpNav } from "./follow-up-nav.tsx";
import { yearChoices } from "./money-api.ts";
import { MoneyRows } from "./money-rows.tsx";
import "./money.css";

export { yearChoices };

/**
 * /uppfoljning/ekonomi: money spent per unit and year with totals, co-financing and the leverage;
 * below it the budgets and spend entries behind the table, which staff can add, change and remove.
 */
export function MoneyPage({ organisationId, year }: { organisationId: string; year: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organisations = useQuery(choicesQuery("organisations"));
  const summary = useQuery(summaryQuery(organisationId, year));
  const me = useMe();
  const go = (next: { organisation?: string; ar?: string }) =>
    navigate({
      to: "/uppfoljning/ekonomi",
      search: { organisation: organisationId || undefined, ar: String(year), ...next },
    });
  return (
    <>
      <PageHeader title={t("finance.title")} intro={t("finance.intro")} />
      <FollowUpNav />
      <div className="filter-fields no-print">
        <Select
          label={t("finance.organisation")}
          value={organisationId}
          onChange={(organisation) => go({ organisation })}
          options={[{ value: "", label: t("finance.chooseOrganisation") }, ...(organisations.data ?? [])]}
        />
        <Select
          label={t("finance.year")}
          value={String(year)}
          onChange={(ar) => go({ ar })}
          options={yearChoices().map((y) => ({ value: y, label: y }))}
        />
      </div>
      {organisationId ? (
        <QueryState query={summary}>
          {(data) => (
            <>
              <MoneyTables summary={data} />
              <MoneyRows
                // A new organisation or year starts fresh forms (their defaults follow the year).
                key={`${organisationId}-${year}`}
                organisationId={organisationId}
                organisationName={data.organisation.name}
                year={year}
                canEdit={!!me?.abilities.coordinate}
              />
            </>
          )}
        </QueryState>
      ) : (
        <EmptyState message={t("finance.chooseOrganisation")} />
      )}
    </>
  );
}

function MoneyTables({ summary: s }: { summary: SummaryView }) {
  const { t } = useTranslation();
  const locale = currentLanguage();
  const kr = (n: number | null) => (n === null ? "–" : formatKronor(n, locale));
  const caption = t("finance.tableCaption", { year: s.year, organisation: s.organisation.name });
  if (!s.units.length && !s.cofinancing.byFunder.length) return <EmptyState message={t("finance.empty")} />;
  return (
    <>
      <DataTable
        caption={caption}
        className="money-table"
        columns={[
          { key: "unit", header: t("finance.unit"), isRowHeader: true, cell: (u) => u.name },
          { key: "sector", header: t("finance.sector"), cell: (u) => u.sector ?? "" },
          {
            key: "budget",
            header: t("finance.budget"),
            className: "numeric nowrap",
            cell: (u) => kr(u.budget),
          },
          { key: "spent", header: t("finance.spent"), className: "numeric nowrap", cell: (u) => kr(u.spent) },
          {
            key: "remaining",
            header: t("finance.remaining"),
            className: "numeric nowrap",
            cell: (u) => kr(u.remaining),
          },
        ]}
        rows={s.units}
        rowKey={(u) => u.unitId}
        footer={
          <tr>
            <th scope="row">{t("finance.total")}</th>
            <td />
            <td className="numeric nowrap">{kr(s.totals.budget)}</td>
            <td className="numeric nowrap">{kr(s.totals.spent)}</td>
            <td />
          </tr>
        }
      />
      <h2>{t("finance.cofinancing")}</h2>
      {s.cofinancing.byFunder.length === 0 ? (
        <p className="muted">{t("finance.noLeverage")}</p>
      ) : (
        <>
          <DataTable
            caption={t("finance.cofinancing")}
            captionHidden
            columns={[
              { key: "funder", header: t("finance.funder"), isRowHeader: true, cell: (f) => f.funder },
              {
                key: "projects",
                header: t("finance.projects"),
                cell: (f) => f.projects.map((p) => p.name).join(", "),
              },
              {
                key: "amount",
                header: t("finance.amount"),
                className: "numeric nowrap",
                cell: (f) => kr(f.amount),
              },
            ]}
            rows={s.cofinancing.byFunder}
            rowKey={(f) => f.funder}
            footer={
              <tr>
                <th scope="row">{t("finance.cofinancingTotal")}</th>
                <td />
                <td className="numeric nowrap">{kr(s.cofinancing.total)}</td>
              </tr>
            }
          />
          {s.cofinancing.leverage !== null && (
            <p>{t("finance.leverageText", { ratio: formatNumber(s.cofinancing.leverage, locale, 3) })}</p>
          )}
        </>
      )}
    </>
  );
}
