import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { allIdeaStages, type CallView, type IdeaView, ideaStages } from "../../../common/ideas.ts";
import { DataTable, EmptyState, PageHeader, QueryState, Select } from "../../components/index.ts";
import { callQuery, callsQuery, type Funnel, funnelQuery, ideasQuery } from "./ideas-api.ts";
import { formatCallPeriod, formatKronor } from "./ideas-format.ts";

/** Every call for ideas, the latest first, for the office, the board and the groups. */
export function CallsPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery(callsQuery());
  return (
    <>
      <PageHeader title={t("ideas.calls.title")} intro={t("ideas.calls.intro")} />
      <QueryState query={query}>
        {(calls) =>
          calls.length === 0 ? (
            <EmptyState message={t("ideas.calls.none")} />
          ) : (
            <DataTable<CallView>
              caption={t("ideas.calls.title")}
              rows={calls}
              rowKey={(c) => c.id}
              columns={[
                {
                  key: "title",
                  header: t("ideas.calls.call"),
                  isRowHeader: true,
                  sortValue: (c) => c.title,
                  cell: (c) => (
                    <Link to="/utlysningar/$id" params={{ id: c.id }}>
                      {c.title}
                    </Link>
                  ),
                },
                {
                  key: "period",
                  header: t("ideas.calls.period"),
                  cell: (c) => formatCallPeriod(c, i18n.language),
                },
                {
                  key: "state",
                  header: t("ideas.calls.state"),
                  cell: (c) => t(`ideas.calls.states.${c.state}`),
                },
                {
                  key: "ideas",
                  header: t("ideas.calls.ideas"),
                  sortValue: (c) => c.ideaCount,
                  cell: (c) => c.ideaCount,
                },
              ]}
            />
          )
        }
      </QueryState>
    </>
  );
}

/** One call: the funnel as a table of stages, and its ideas filtered by stage. */
export function CallPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const call = useQuery(callQuery(id));
  const funnel = useQuery(funnelQuery(id));
  const [stage, setStage] = useState("");
  const ideas = useQuery(ideasQuery(id, stage || undefined));
  return (
    <QueryState query={call}>
      {(c) => (
        <>
          <PageHeader title={c.title} intro={formatCallPeriod(c, i18n.language)} />
          <section aria-labelledby="funnel-heading">
            <h2 id="funnel-heading">{t("ideas.funnel.title")}</h2>
            <QueryState query={funnel}>{(f) => <FunnelTable funnel={f} budget={c.budget} />}</QueryState>
          </section>
          <section aria-labelledby="ideas-heading">
            <h2 id="ideas-heading">{t("ideas.calls.ideas")}</h2>
            <Select
              label={t("ideas.calls.filterStage")}
              value={stage}
              onChange={setStage}
              options={[
                { value: "", label: t("ideas.calls.allStages") },
                ...allIdeaStages.map((s) => ({ value: s, label: t(`ideas.stages.${s}`) })),
              ]}
            />
            <QueryState query={ideas}>
              {(rows) =>
                rows.length === 0 ? (
                  <EmptyState message={t("ideas.calls.noIdeas")} />
                ) : (
                  <DataTable<IdeaView>
                    caption={t("ideas.calls.ideasOf", { call: c.title })}
                    rows={rows}
                    rowKey={(r) => r.id}
                    columns={[
                      {
                        key: "title",
                        header: t("ideas.fields.title"),
                        isRowHeader: true,
                        sortValue: (r) => r.title,
                        cell: (r) => r.title,
                      },
                      {
                        key: "organisation",
                        header: t("ideas.fields.organisation"),
                        sortValue: (r) => r.organisation ?? "",
                        cell: (r) => r.organisation ?? "–",
                      },
                      {
                        key: "stage",
                        header: t("ideas.own.stage"),
                        sortValue: (r) => r.stage,
                        cell: (r) => t(`ideas.stages.${r.stage}`),
                      },
                      {
                        key: "score",
                        header: t("ideas.calls.score"),
                        sortValue: (r) => r.averageScore ?? 0,
                        cell: (r) =>
                          r.averageScore === null
                            ? "–"
                            : r.averageScore.toLocaleString(i18n.language === "en" ? "en-GB" : "sv-SE"),
                      },
                    ]}
                  />
                )
              }
            </QueryState>
          </section>
        </>
      )}
    </QueryState>
  );
}

/** The funnel: how many ideas reached each stage, with the granted money beside the budget. */
function FunnelTable({ funnel, budget }: { funnel: Funnel; budget: number | null }) {
  const { t, i18n } = useTranslation();
  const rows = ideaStages.map((s) => ({ stage: s, count: funnel[s] }));
  return (
    <>
      <DataTable<{ stage: string; count: number }>
        caption={t("ideas.funnel.caption")}
        rows={rows}
        rowKey={(r) => r.stage}
        columns={[
          {
            key: "stage",
            header: t("ideas.own.stage"),
            isRowHeader: true,
            cell: (r) => t(`ideas.stages.${r.stage}`),
          },
          { key: "count", header: t("ideas.funnel.reached"), cell: (r) => r.count },
        ]}
      />
      <p>
        {t("ideas.funnel.granted", { amount: formatKronor(funnel.grantedAmount, i18n.language) })}
        {budget !== null && ` ${t("ideas.funnel.ofBudget", { budget: formatKronor(budget, i18n.language) })}`}
      </p>
    </>
  );
}
