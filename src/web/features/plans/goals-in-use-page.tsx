import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { GoalUseView } from "../../../common/goals.ts";
import { PageHeader, QueryState, Select } from "../../components/index.ts";
import { goalUseQuery } from "./plans-api.ts";

const firstYear = 2010;

/** /planer/ramverk/$frameworkId/i-bruk?ar=: per goal, what serves it in the year (activities, projects, plan items). */
export function GoalsInUsePage({ frameworkId, year }: { frameworkId: string; year: number }) {
  const use = useQuery(goalUseQuery(frameworkId, year));
  return <QueryState query={use}>{(u) => <GoalsInUse use={u} />}</QueryState>;
}

function GoalsInUse({ use }: { use: GoalUseView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lastYear = Math.max(new Date().getFullYear() + 1, use.year);
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => String(lastYear - i));
  const withActivities = use.goals.filter((g) => g.hasActivitiesThisYear).length;
  return (
    <>
      <PageHeader
        title={t("plans.inUse.title", { name: use.frameworkName })}
        intro={<p>{t("plans.inUse.intro")}</p>}
      />
      <p>
        <Link to="/planer/ramverk/$frameworkId" params={{ frameworkId: use.frameworkId }}>
          {t("plans.back")}: {use.frameworkName}
        </Link>
      </p>
      <div className="filter-fields">
        <Select
          label={t("plans.inUse.year")}
          value={String(use.year)}
          options={years.map((y) => ({ value: y, label: y }))}
          onChange={(value) =>
            navigate({
              to: "/planer/ramverk/$frameworkId/i-bruk",
              params: { frameworkId: use.frameworkId },
              search: { ar: Number(value) },
            })
          }
        />
      </div>
      <p aria-live="polite">
        {t("plans.inUse.summary", { count: withActivities, total: use.goals.length, year: use.year })}
      </p>
      {use.goals.map((g) => {
        const headingId = `goal-use-${g.id}`;
        const empty = !g.activities.length && !g.projects.length && !g.planItems.length;
        return (
          <section key={g.id} aria-labelledby={headingId} className="card goal-use">
            <h2 id={headingId}>
              {g.code}. {g.text}
            </h2>
            <p className={g.hasActivitiesThisYear ? "" : "muted"}>
              {g.hasActivitiesThisYear
                ? t("plans.inUse.hasActivities", { year: use.year })
                : t("plans.inUse.noActivities", { year: use.year })}
            </p>
            {empty ? (
              <p className="muted">{t("plans.inUse.empty")}</p>
            ) : (
              <dl className="facts">
                <dt>{t("plans.inUse.activities", { count: g.activities.length })}</dt>
                <dd>
                  {g.activities.length === 0 ? (
                    "–"
                  ) : (
                    <ul className="plain-list">
                      {g.activities.map((a) => (
                        <li key={a.id}>
                          <Link to="/aktiviteter/$id" params={{ id: a.id }}>
                            {a.title}
                          </Link>{" "}
                          {a.startDate && <span className="muted">({a.startDate})</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
                <dt>{t("plans.inUse.projects", { count: g.projects.length })}</dt>
                <dd>
                  {g.projects.length === 0 ? (
                    "–"
                  ) : (
                    <ul className="plain-list">
                      {g.projects.map((p) => (
                        <li key={p.id}>
                          <Link to="/planer/projekt/$projectId" params={{ projectId: p.id }}>
                            {p.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
                <dt>{t("plans.inUse.planItems", { count: g.planItems.length })}</dt>
                <dd>
                  {g.planItems.length === 0 ? (
                    "–"
                  ) : (
                    <ul className="plain-list">
                      {g.planItems.map((i) => (
                        <li key={i.id}>
                          <Link
                            to="/planer/$planId/insats/$itemId"
                            params={{ planId: i.planId, itemId: i.id }}
                          >
                            {i.number}. {i.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </dl>
            )}
          </section>
        );
      })}
    </>
  );
}
