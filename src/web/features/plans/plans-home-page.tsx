import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatKronor } from "../../../common/format.ts";
import { EmptyState, PageHeader, QueryState } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { periodText } from "../../lib/format.ts";
import { frameworksQuery, plansQuery } from "./plans-api.ts";

/** /planer: the action plans, the project portfolio's views and the goal frameworks. */
export function PlansHomePage() {
  const { t } = useTranslation();
  const plans = useQuery(plansQuery);
  const frameworks = useQuery(frameworksQuery);
  const locale = currentLanguage();
  return (
    <>
      <PageHeader title={t("plans.navTitle")} intro={<p>{t("plans.intro")}</p>} />
      <section aria-labelledby="plans-heading">
        <h2 id="plans-heading">{t("plans.plansTitle")}</h2>
        <QueryState query={plans}>
          {(items) =>
            items.length === 0 ? (
              <EmptyState message={t("plans.empty")} />
            ) : (
              <ul className="card-list">
                {items.map((p) => (
                  <li key={p.id} className="card">
                    <h3>
                      <Link to="/planer/$planId" params={{ planId: p.id }}>
                        {p.title}
                      </Link>
                    </h3>
                    {p.subtitle && <p>{p.subtitle}</p>}
                    <p className="muted">
                      {t("plans.period")}: {periodText(p.periodStart, p.periodEnd)} · {t("plans.itemCount")}:{" "}
                      {p.itemCount} · {t("plans.resourcesTotal")}: {formatKronor(p.resourcesTotal, locale)}
                    </p>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="portfolio-heading">
        <h2 id="portfolio-heading">{t("projects.title")}</h2>
        <p>{t("projects.intro")}</p>
        <ul className="plain-list link-list">
          <li>
            <Link to="/planer/projekt">{t("projects.portfolio")}</Link>
          </li>
          <li>
            <Link to="/planer/projekt/oversikt">{t("projects.dashboard")}</Link>
          </li>
          <li>
            <Link to="/planer/projekt/tidslinje">{t("projects.timeline")}</Link>
          </li>
        </ul>
      </section>
      <section aria-labelledby="frameworks-heading">
        <h2 id="frameworks-heading">{t("goals.title")}</h2>
        <p>{t("goals.intro")}</p>
        <QueryState query={frameworks}>
          {(items) =>
            items.length === 0 ? (
              <EmptyState message={t("goals.empty")} />
            ) : (
              <ul className="card-list">
                {items.map((f) => (
                  <li key={f.id} className="card">
                    <h3>
                      <Link to="/planer/ramverk/$frameworkId" params={{ frameworkId: f.id }}>
                        {f.name}
                      </Link>
                    </h3>
                    <p className="muted">
                      {[f.owner?.name, f.registryNumber, t("goals.versionN", { number: f.currentVersion })]
                        .filter(Boolean)
                        .join(" · ")}{" "}
                      · {t("goals.goalCount")}: {f.goalCount}
                    </p>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
    </>
  );
}
