import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CoverageView } from "../../../common/plans.ts";
import { Alert, PageHeader, QueryState, Select, TableScroll } from "../../components/index.ts";
import { PlanNav } from "./plan-nav.tsx";
import { coverageQuery, planQuery } from "./plans-api.ts";

/**
 * /planer/$planId/mal?avsnitt=…: goals × items. A goal that no item of the chosen section serves is
 * flagged in words and with a marker, never by colour alone.
 */
export function PlanCoveragePage({ planId, section }: { planId: string; section?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const plan = useQuery(planQuery(planId));
  const coverage = useQuery(coverageQuery(planId, section));
  const options = [
    { value: "", label: t("plans.allSections") },
    ...(plan.data?.sections ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <>
      <PageHeader
        title={`${t("plans.coverage")}: ${plan.data?.title ?? ""}`}
        intro={<p>{t("plans.coverageIntro")}</p>}
      />
      <PlanNav planId={planId} />
      <div className="filter-fields no-print">
        <Select
          label={t("plans.section")}
          options={options}
          value={section ?? ""}
          onChange={(value) =>
            navigate({
              to: "/planer/$planId/mal",
              params: { planId },
              search: { avsnitt: value || undefined },
            })
          }
        />
      </div>
      <QueryState query={coverage}>{(data) => <Matrix data={data} />}</QueryState>
    </>
  );
}

function Matrix({ data }: { data: CoverageView }) {
  const { t } = useTranslation();
  const scope = data.section?.name ?? t("plans.allSections");
  return (
    <>
      <section aria-labelledby="uncovered-heading">
        <h2 id="uncovered-heading">
          {t("plans.uncoveredHeading")} ({scope})
        </h2>
        {data.uncoveredGoals.length === 0 ? (
          <Alert tone="success">{t("plans.uncoveredNone")}</Alert>
        ) : (
          <Alert tone="warning">
            <p>
              {t("plans.uncoveredSome", {
                count: data.uncoveredGoals.length,
                codes: data.uncoveredGoals.map((g) => g.code).join(", "),
              })}
            </p>
            <ul>
              {data.uncoveredGoals.map((g) => (
                <li key={g.id}>
                  <strong>{g.code}.</strong> {g.text}
                </li>
              ))}
            </ul>
          </Alert>
        )}
      </section>
      <TableScroll label={t("plans.coverage")}>
        <table className="data-table coverage-table">
          <caption>
            {t("plans.coverage")} ({scope})
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("plans.goals")}</th>
              {data.items.map((i) => (
                <th scope="col" key={i.id} className="coverage-item">
                  <span aria-hidden="true">{i.number}</span>
                  <span className="visually-hidden">
                    {t("plans.openItem", { number: i.number, title: i.title })}
                  </span>
                </th>
              ))}
              <th scope="col">{t("plans.servedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {data.goals.map((g) => (
              <tr key={g.id} className={g.covered ? undefined : "not-covered"}>
                <th scope="row">
                  <abbr title={g.text}>{g.code}</abbr>
                  <span className="visually-hidden"> {g.text}</span>
                </th>
                {data.items.map((i) => {
                  const serves = i.goalIds.includes(g.id);
                  return (
                    <td key={i.id} className="coverage-cell">
                      <span aria-hidden="true">{serves ? "✓" : "·"}</span>
                      <span className="visually-hidden">
                        {serves ? t("plans.served") : t("plans.notServed")}
                      </span>
                    </td>
                  );
                })}
                <td>
                  {g.covered ? (
                    g.itemNumbers.join(", ")
                  ) : (
                    <strong className="flag">
                      <span aria-hidden="true">⚠ </span>
                      {t("plans.notServed")}
                    </strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
