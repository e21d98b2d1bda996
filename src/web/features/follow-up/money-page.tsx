import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { SummaryView } from "../../../common/finance.ts";
import { formatKronor, formatNumber } from "../../../common/format.ts";
import { useMe } from "../../auth.ts";
import { EmptyState, PageHeader, QueryState, Select, TableScroll } from "../../components/index.ts";
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
      <TableScroll label={caption}>
        <table className="data-table money-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("finance.unit")}</th>
              <th scope="col">{t("finance.sector")}</th>
              <th scope="col" className="numeric">
                {t("finance.budget")}
              </th>
              <th scope="col" className="numeric">
                {t("finance.spent")}
              </th>
              <th scope="col" className="numeric">
                {t("finance.remaining")}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.units.map((u) => (
              <tr key={u.unitId}>
                <th scope="row">{u.name}</th>
                <td>{u.sector ?? ""}</td>
                <td className="numeric nowrap">{kr(u.budget)}</td>
                <td className="numeric nowrap">{kr(u.spent)}</td>
                <td className="numeric nowrap">{kr(u.remaining)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("finance.total")}</th>
              <td />
              <td className="numeric nowrap">{kr(s.totals.budget)}</td>
              <td className="numeric nowrap">{kr(s.totals.spent)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <h2>{t("finance.cofinancing")}</h2>
      {s.cofinancing.byFunder.length === 0 ? (
        <p className="muted">{t("finance.noLeverage")}</p>
      ) : (
        <>
          <TableScroll label={t("finance.cofinancing")}>
            <table className="data-table">
              <caption className="visually-hidden">{t("finance.cofinancing")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("finance.funder")}</th>
                  <th scope="col">{t("finance.projects")}</th>
                  <th scope="col" className="numeric">
                    {t("finance.amount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.cofinancing.byFunder.map((f) => (
                  <tr key={f.funder}>
                    <th scope="row">{f.funder}</th>
                    <td>{f.projects.map((p) => p.name).join(", ")}</td>
                    <td className="numeric nowrap">{kr(f.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("finance.cofinancingTotal")}</th>
                  <td />
                  <td className="numeric nowrap">{kr(s.cofinancing.total)}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
          {s.cofinancing.leverage !== null && (
            <p>{t("finance.leverageText", { ratio: formatNumber(s.cofinancing.leverage, locale, 3) })}</p>
          )}
        </>
      )}
    </>
  );
}
