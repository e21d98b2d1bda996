import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { LocalPlanDetailView, LocalPlanView } from "../../../common/localwork.ts";
import { EmptyState, PageHeader, QueryState, TableScroll } from "../../components/index.ts";
import { localPlanQuery, localPlansQuery } from "./localwork-api.ts";

const hours = (n: number, lang: string) => n.toLocaleString(lang === "en" ? "en-GB" : "sv-SE");

/** /lokalt-utvecklingsarbete: the organisations' local development plans and their process support in hours. */
export function LocalPlansPage() {
  const { t, i18n } = useTranslation();
  const plans = useQuery(localPlansQuery());
  return (
    <>
      <PageHeader title={t("localwork.page.title")} intro={<p>{t("localwork.page.intro")}</p>} />
      <QueryState query={plans}>
        {(items: LocalPlanView[]) =>
          items.length === 0 ? (
            <EmptyState message={t("localwork.page.none")} />
          ) : (
            <TableScroll label={t("localwork.page.title")}>
              <table className="data-table">
                <caption>{t("localwork.page.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("localwork.page.organisation")}</th>
                    <th scope="col">{t("localwork.page.plan")}</th>
                    <th scope="col" className="number">
                      {t("localwork.report.hours")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link to="/lokalt-utvecklingsarbete/$id" params={{ id: p.id }}>
                          {p.organisationName}
                        </Link>
                      </th>
                      <td>{p.title}</td>
                      <td className="number">{hours(p.supportHours, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
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
        {data.support.length === 0 ? (
          <EmptyState message={t("localwork.page.noSupport")} />
        ) : (
          <TableScroll label={t("localwork.report.heading")}>
            <table className="data-table">
              <caption>{t("localwork.page.supportCaption", { organisation: data.organisationName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("localwork.page.date")}</th>
                  <th scope="col">{t("localwork.report.kind")}</th>
                  <th scope="col">{t("localwork.page.givenBy")}</th>
                  <th scope="col" className="number">
                    {t("localwork.report.hours")}
                  </th>
                  <th scope="col" className="number">
                    {t("localwork.page.participants")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.support.map((s) => (
                  <tr key={s.id}>
                    <td>{s.date}</td>
                    <td>{t(`localwork.kinds.${s.kind}`)}</td>
                    <td>{s.givenBy}</td>
                    <td className="number">{hours(s.hours, i18n.language)}</td>
                    <td className="number">{s.participants}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t("localwork.report.total")}
                  </th>
                  <td className="number">{hours(data.supportHours, i18n.language)}</td>
                  <td className="number">{data.support.reduce((n, s) => n + s.participants, 0)}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
