import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../common/format.ts";
import { useMe } from "../../auth.ts";
import { EmptyState, PageHeader, QueryState } from "../../components/index.ts";
import { agreementsQuery } from "./agreements-api.ts";

/** /avtal: the agreements the user may see (a partner only their organisation's). */
export function AgreementsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useQuery(agreementsQuery);
  const actions = me?.abilities.coordinate ? (
    <Link to="/avtal/gemensamma-kurser" className="btn btn-secondary">
      {t("agreements.sharedCourses")}
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader title={t("agreements.title")} intro={t("agreements.intro")} actions={actions} />
      <QueryState query={list}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState message={t("agreements.empty")} />
          ) : (
            <ul className="card-list">
              {items.map((a) => (
                <li key={a.id} className="card">
                  <h2 className="card-title">
                    <Link to="/avtal/$id" params={{ id: a.id }}>
                      {a.title}
                    </Link>
                  </h2>
                  <p className="muted">
                    {a.parties
                      .filter((p) => p.role === "partner")
                      .map((p) => p.name)
                      .join(", ")}{" "}
                    · {formatDate(a.startDate)}–{formatDate(a.endDate)} · {t(`agreements.phases.${a.phase}`)}{" "}
                    · {t(`agreements.statuses.${a.status}`)}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
