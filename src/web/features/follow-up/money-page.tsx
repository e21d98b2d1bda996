import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createSpendInput, type SummaryView } from "../../../common/finance.ts";
import { formatKronor, formatNumber } from "../../../common/format.ts";
import { useMe } from "../../auth.ts";
import {
  Alert,
  Button,
  EmptyState,
  FormErrorSummary,
  PageHeader,
  QueryState,
  Select,
  TextField,
} from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { useForm } from "../../lib/forms.ts";
import { TableScroll } from "../plans/plan-parts.tsx";
import { choicesQuery, summaryQuery, useAddSpend } from "./follow-up-api.ts";
import { FollowUpNav } from "./follow-up-nav.tsx";

export const yearChoices = () => {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2007 }, (_, i) => String(now - i));
};

/** /uppfoljning/ekonomi: money spent per unit and year with totals, co-financing and the leverage. */
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
        <QueryState query={summary}>{(data) => <MoneyTables summary={data} />}</QueryState>
      ) : (
        <EmptyState message={t("finance.chooseOrganisation")} />
      )}
      {organisationId && me?.abilities.coordinate && (
        <SpendForm organisationId={organisationId} year={year} />
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
                <td className="numeric">{kr(u.budget)}</td>
                <td className="numeric">{kr(u.spent)}</td>
                <td className="numeric">{kr(u.remaining)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("finance.total")}</th>
              <td />
              <td className="numeric">{kr(s.totals.budget)}</td>
              <td className="numeric">{kr(s.totals.spent)}</td>
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
                    <td className="numeric">{kr(f.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("finance.cofinancingTotal")}</th>
                  <td />
                  <td className="numeric">{kr(s.cofinancing.total)}</td>
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

function SpendForm({ organisationId, year }: { organisationId: string; year: number }) {
  const { t } = useTranslation();
  const add = useAddSpend();
  const [saved, setSaved] = useState(false);
  const form = useForm(
    createSpendInput,
    { date: `${year}-12-31`, amount: "", unitName: "", category: "", note: "" },
    (v) => ({
      organisationId,
      date: v.date,
      amount: v.amount.trim() === "" ? undefined : Number(v.amount.replace(/[\s\u00a0]/g, "")),
      unitName: v.unitName || null,
      category: v.category || null,
      note: v.note || null,
    }),
  );
  const labels = {
    date: t("finance.date"),
    amount: t("finance.amount"),
    unitName: t("finance.unit"),
    unitId: t("finance.unit"),
    category: t("finance.category"),
    note: t("finance.note"),
  };
  return (
    <section className="no-print" aria-labelledby="spend-heading">
      <h2 id="spend-heading">{t("finance.addSpend")}</h2>
      <form
        className="form"
        noValidate
        onSubmit={form.onSubmit(async (data) => {
          setSaved(false);
          await add.mutateAsync(data);
          form.reset();
          setSaved(true);
        })}
      >
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        {saved && <Alert tone="success">{t("finance.spendAdded")}</Alert>}
        <TextField
          label={labels.unitName}
          isRequired
          {...form.field("unitName")}
          error={form.errors.unitName ?? form.errors.unitId}
        />
        <TextField label={labels.date} description="ÅÅÅÅ-MM-DD" isRequired {...form.field("date")} />
        <TextField
          label={labels.amount}
          description="kr"
          inputMode="numeric"
          isRequired
          {...form.field("amount")}
        />
        <TextField label={labels.category} {...form.field("category")} />
        <TextField label={labels.note} {...form.field("note")} />
        <div className="button-row">
          <Button type="submit" isPending={form.submitting}>
            {t("finance.addSpend")}
          </Button>
        </div>
      </form>
    </section>
  );
}
