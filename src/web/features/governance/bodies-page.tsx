import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { compareText } from "../../../common/format.ts";
import type { BodySummaryView } from "../../../common/governance.ts";
import { EmptyState, PageHeader, QueryState } from "../../components/index.ts";
import { bodiesQuery } from "./governance-api.ts";

/** /styrning: the bodies per organisation, the board first, each group under its parent. */
export function BodiesPage() {
  const { t } = useTranslation();
  const list = useQuery(bodiesQuery);
  const actions = (
    <div className="button-row">
      <Link to="/styrning/beslut" className="btn btn-secondary">
        {t("governance.ui.decisionRegister")}
      </Link>
      <Link to="/styrning/diarium" className="btn btn-secondary">
        {t("governance.ui.registry")}
      </Link>
      <Link to="/styrning/kalender" className="btn btn-secondary">
        {t("governance.ui.calendar")}
      </Link>
    </div>
  );
  return (
    <>
      <PageHeader title={t("governance.ui.title")} intro={t("governance.ui.intro")} actions={actions} />
      <QueryState query={list}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState message={t("governance.ui.empty")} />
          ) : (
            byOrganisation(items).map(([org, bodies]) => (
              <section key={org} aria-labelledby={`org-${bodies[0].organisationId}`}>
                <h2 id={`org-${bodies[0].organisationId}`}>{org}</h2>
                <ul className="card-list">
                  {bodies.map((b) => (
                    <li key={b.id} className="card">
                      <h3 className="card-title">
                        <Link to="/styrning/organ/$id" params={{ id: b.id }}>
                          {b.name}
                        </Link>
                      </h3>
                      <p className="muted">
                        {t(`governance.ui.kinds.${b.kind}`)} ·{" "}
                        {t("governance.ui.memberCount", { count: b.memberCount })}
                        {b.parentId && ` · ${t("governance.ui.parent")}: ${nameOf(items, b.parentId)}`}
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )
        }
      </QueryState>
    </>
  );
}

const kindOrder = [
  "board",
  "steering_group",
  "process_leadership",
  "sector_group",
  "reference_group",
  "working_group",
  "idea_forum",
];

function byOrganisation(items: BodySummaryView[]): [string, BodySummaryView[]][] {
  const groups = new Map<string, BodySummaryView[]>();
  for (const b of items) groups.set(b.organisationName, [...(groups.get(b.organisationName) ?? []), b]);
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([org, bodies]) => [
      org,
      bodies.sort(
        (a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || compareText(a.name, b.name),
      ),
    ]);
}

const nameOf = (items: BodySummaryView[], id: string) => items.find((b) => b.id === id)?.name ?? "–";
