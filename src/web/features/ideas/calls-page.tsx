import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { allIdeaStages, type CallView, type IdeaView, ideaStages } from "../../../common/ideas.ts";
import { DataTable, EmptyState, PageHeader, QueryState, Select, TextField } from "../../components/index.ts";
import { CallPanel } from "./call-panel.tsx";
import { FunnelChart } from "./funnel-chart.tsx";
import {
  byOrganisationQuery,
  callQuery,
  callsQuery,
  type Funnel,
  funnelQuery,
  ideasQuery,
  type OrganisationCount,
} from "./ideas-api.ts";
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
      <section aria-labelledby="by-organisation-heading">
        <h2 id="by-organisation-heading">{t("ideas.calls.byOrganisation")}</h2>
        <ByOrganisation caption={t("ideas.calls.byOrganisationAll")} />
      </section>
    </>
  );
}

/** Ideas by the submitter's organisation and its party, for one call or all. */
function ByOrganisation({ callId, caption }: { callId?: string; caption: string }) {
  const { t } = useTranslation();
  const query = useQuery(byOrganisationQuery(callId));
  return (
    <QueryState query={query}>
      {(rows) =>
        rows.length === 0 ? (
          <EmptyState message={t("ideas.calls.noIdeas")} />
        ) : (
          <DataTable<OrganisationCount>
            caption={caption}
            rows={rows}
            rowKey={(r) => `${r.organisation}|${r.party ?? ""}`}
            columns={[
              {
                key: "organisation",
                header: t("ideas.work.organisation"),
                isRowHeader: true,
                sortValue: (r) => r.organisation,
                cell: (r) => r.organisation || "–",
              },
              {
                key: "party",
                header: t("ideas.calls.party"),
                sortValue: (r) => r.party ?? "",
                cell: (r) => (r.party ? t(`organisations.types.${r.party}`) : "–"),
              },
              {
                key: "submitted",
                header: t("ideas.calls.submitted"),
                sortValue: (r) => r.submitted,
                cell: (r) => r.submitted,
              },
              {
                key: "granted",
                header: t("ideas.calls.granted"),
                sortValue: (r) => r.granted,
                cell: (r) => r.granted,
              },
            ]}
          />
        )
      }
    </QueryState>
  );
}

/** One call: the funnel as a table of stages, and its ideas filtered by stage. */
export function CallPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const call = useQuery(callQuery(id));
  const funnel = useQuery(funnelQuery(id));
  const [stage, setStage] = useState("");
  const [organisation, setOrganisation] = useState("");
  const ideas = useQuery(ideasQuery(id, stage || undefined, organisation.trim() || undefined));
  const granted = useQuery(ideasQuery(id, "granted"));
  return (
    <QueryState query={call}>
      {(c) => (
        <>
          <PageHeader title={c.title} intro={formatCallPeriod(c, i18n.language)} />
          <section aria-labelledby="funnel-heading">
            <h2 id="funnel-heading">{t("ideas.funnel.title")}</h2>
            <QueryState query={funnel}>
              {(f) => <FunnelTable funnel={f} budget={c.budget} call={c.title} />}
            </QueryState>
            <h3>{t("ideas.calls.projects")}</h3>
            <QueryState query={granted}>
              {(rows) =>
                rows.length === 0 ? (
                  <p>{t("ideas.calls.noProjects")}</p>
                ) : (
                  <ul>
                    {rows.map((r) => (
                      <li key={r.id}>
                        {r.projectId ? (
                          <Link to="/planer/projekt/$projectId" params={{ projectId: r.projectId }}>
                            {r.title}
                          </Link>
                        ) : (
                          r.title
                        )}
                        {r.grantedAmount !== null && ` – ${formatKronor(r.grantedAmount, i18n.language)}`}
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryState>
          </section>
          <CallPanel call={c} />
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
            <TextField
              label={t("ideas.calls.filterOrganisation")}
              value={organisation}
              onChange={setOrganisation}
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
                        cell: (r) => (
                          <Link to="/idee/$id" params={{ id: r.id }}>
                            {r.title}
                          </Link>
                        ),
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
          <section aria-labelledby="call-by-organisation-heading">
            <h2 id="call-by-organisation-heading">{t("ideas.calls.byOrganisation")}</h2>
            <ByOrganisation callId={id} caption={t("ideas.calls.byOrganisationCaption", { call: c.title })} />
          </section>
        </>
      )}
    </QueryState>
  );
}

/** The funnel: how many ideas reached each stage, with the granted money beside the budget. */
function FunnelTable({ funnel, budget, call }: { funnel: Funnel; budget: number | null; call: string }) {
  const { t, i18n } = useTranslation();
  const rows = ideaStages.map((s) => ({ stage: s, count: funnel[s] }));
  const stages = rows.map((r) => ({ label: t(`ideas.stages.${r.stage}`), count: r.count }));
  return (
    <>
      <FunnelChart
        stages={stages}
        description={t("ideas.funnel.chart", {
          call,
          counts: stages.map((s) => `${s.label} ${s.count}`).join(", "),
        })}
      />
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
