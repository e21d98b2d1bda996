import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { LocalPlanDetailView, LocalPlanView } from "../../../common/localwork.ts";
import { type Column, DataTable, EmptyState, PageHeader, QueryState } from "../../components/index.ts";
import { localPlanQuery, localPlansQuery } from "./localwork-api.ts";

const hours = (n: number, lang: string) => n.toLocaleString(lang === "en" ? "en-GB" : "sv-SE");

/** /lokalt-utvecklingsarbete: the organisations' local development plans and their process support in hours. */
export function LocalPlansPage() {
  const { t, i18n } = useTranslation();
  const plans = useQuery(localPlansQuery());
  const columns: Column<LocalPlanView>[] = [
    {
      key: "organisation",
      header: t("localwork.page.organisation"),
      isRowHeader: true,
      cell: (p) => (
        <Link to="/lokalt-utvecklingsarbete/$id" params={{ id: p.id }}>
          {p.organisationName}
        </Link>
      ),
    },
    { key: "plan", header: t("localwork.page.plan"), cell: (p) => p.title },
    {
      key: "hours",
      header: t("localwork.report.hours"),
      className: "number",
      cell: (p) => hours(p.supportHours, i18n.language),
    },
  ];
  return (
    <>
      <PageHeader title={t("localwork.page.title")} intro={<p>{t("localwork.page.intro")}</p>} />
      <QueryState query={plans}>
        {(items: LocalPlanView[]) => (
          <DataTable
            empty={t("localwork.page.none")}
            caption={t("localwork.page.caption")}
            label={t("localwork.page.title")}
            rows={items}
            rowKey={(p) => p.id}
            columns={columns}
          />
        )}
      </QueryState>
    </>
  );
}

/** /lokalt-utvecklingsarbete/$id: one organisation's plan, its activities and the process support it got. */
export function LocalPlanPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const plan = useQuery(localPlanQuery(id));
  return (
    <QueryState query={plan}>
      {(data: LocalPlanDetailView) => (
        <>
          <PageHeader
            title={t("localwork.page.planOf", { organisation: data.organisationName })}
            intro={data.direction ? <p>{data.direction}</p> : undefined}
          />
          <PlanBody data={data} />
        </>
      )}
    </QueryState>
  );
}

function PlanBody({ data }: { data: LocalPlanDetailView }) {
  const { t, i18n } = useTranslation();
  const supportColumns: Column<LocalPlanDetailView["support"][number]>[] = [
    { key: "date", header: t("localwork.page.date"), cell: (s) => s.date },
    { key: "kind", header: t("localwork.report.kind"), cell: (s) => t(`localwork.kinds.${s.kind}`) },
    { key: "givenBy", header: t("localwork.page.givenBy"), cell: (s) => s.givenBy },
    {
      key: "hours",
      header: t("localwork.report.hours"),
      className: "number",
      cell: (s) => hours(s.hours, i18n.language),
    },
    {
      key: "participants",
      header: t("localwork.page.participants"),
      className: "number",
      cell: (s) => s.participants,
    },
  ];
  return (
    <>
      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">
          {data.title}: {t("localwork.page.activities")}
        </h2>
        {data.activities.length === 0 ? (
          <EmptyState message={t("localwork.page.noActivities")} />
        ) : (
          <ul>
            {data.activities.map((a) => (
              <li key={a.title}>
                {a.title} – {t(a.done ? "localwork.page.done" : "localwork.page.notDone")}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="support-heading">
        <h2 id="support-heading">{t("localwork.report.heading")}</h2>
        {
          <DataTable
            empty={t("localwork.page.noSupport")}
            caption={t("localwork.page.supportCaption", { organisation: data.organisationName })}
            label={t("localwork.report.heading")}
            rows={data.support}
            rowKey={(s) => s.id}
            columns={supportColumns}
            footer={
              <tr>
                <th scope="row" colSpan={3}>
                  {t("localwork.report.total")}
                </th>
                <td className="number">{hours(data.supportHours, i18n.language)}</td>
                <td className="number">{data.support.reduce((n, s) => n + s.participants, 0)}</td>
              </tr>
            }
          />
        }
      </section>
    </>
  );
}
