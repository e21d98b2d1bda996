import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, DataTable, PageHeader, QueryState, TextAreaField } from "../../components/index.ts";
import { Grant, Recommendation } from "./idea-decision.tsx";
import { Documents, developable, Template } from "./idea-development.tsx";
import { type Detail, Outcome, useOutcome, when } from "./idea-parts.tsx";
import { Reviews } from "./idea-reviews.tsx";
import { ideaQuery, ideaWrites, useIdeaWrite } from "./ideas-api.ts";
import { formatKronor } from "./ideas-format.ts";

/** One idea as the office, the panel and the sector group work it: from submitted to granted. */
export function IdeaPage({ id }: { id: string }) {
  const query = useQuery(ideaQuery(id));
  return <QueryState query={query}>{(idea) => <Idea idea={idea} />}</QueryState>;
}

function Idea({ idea }: { idea: Detail }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <PageHeader title={idea.title} intro={t("ideas.work.intro", { call: idea.callTitle })} />
      <p>
        <Link to="/utlysningar/$id" params={{ id: idea.callId }}>
          {t("ideas.work.backToCall", { call: idea.callTitle })}
        </Link>
      </p>
      <dl className="facts">
        <dt>{t("ideas.own.stage")}</dt>
        <dd>{t(`ideas.stages.${idea.stage}`)}</dd>
        <dt>{t("ideas.work.organisation")}</dt>
        <dd>{idea.organisation ?? "–"}</dd>
        {idea.submitterName && (
          <>
            <dt>{t("ideas.work.submitter")}</dt>
            <dd>
              {idea.submitterName}
              {idea.submitterEmail && ` (${idea.submitterEmail})`}
            </dd>
          </>
        )}
        <dt>{t("ideas.fields.summary")}</dt>
        <dd>{idea.summary}</dd>
        {idea.projectId && (
          <>
            <dt>{t("ideas.work.project")}</dt>
            <dd>
              <Link to="/planer/projekt/$projectId" params={{ projectId: idea.projectId }}>
                {t("ideas.work.openProject", { title: idea.title })}
              </Link>
              {idea.grantedAmount !== null && ` – ${formatKronor(idea.grantedAmount, i18n.language)}`}
            </dd>
          </>
        )}
      </dl>
      <Moves idea={idea} />
      <History idea={idea} />
      <Template idea={idea} />
      <Documents idea={idea} editable={idea.nextStages.length > 0 && developable.includes(idea.stage)} />
      <Reviews idea={idea} />
      <Recommendation idea={idea} />
      {idea.mayGrant && idea.stage === "prepared" && <Grant idea={idea} />}
    </>
  );
}

/** Buttons for the allowed next stage, and out (reject/withdraw) with a reason. */
function Moves({ idea }: { idea: Detail }) {
  const { t } = useTranslation();
  const move = useIdeaWrite(idea.id, ideaWrites(idea.id).transition);
  const [reason, setReason] = useState("");
  const [missingReason, setMissingReason] = useState(false);
  const { outcome, run } = useOutcome();
  if (!idea.nextStages.length) return null;
  const go = (to: string) => {
    const out = to === "rejected" || to === "withdrawn";
    setMissingReason(out && !reason.trim());
    if (out && !reason.trim()) return;
    return run(
      async () => {
        await move.mutateAsync({ to, reason: reason.trim() || undefined });
        setReason("");
      },
      t("ideas.work.moved", { stage: t(`ideas.stages.${to}`) }),
    );
  };
  return (
    <section aria-labelledby="moves-heading">
      <h2 id="moves-heading">{t("ideas.work.moveTitle")}</h2>
      <Outcome outcome={outcome} />
      <TextAreaField
        id="idea-move-reason"
        label={t("ideas.work.reason")}
        description={t("ideas.work.reasonHelp")}
        value={reason}
        onChange={setReason}
        error={missingReason ? [t("ideas.work.reasonRequired")] : undefined}
      />
      <div className="button-row">
        {idea.nextStages.map((to) => (
          <Button
            key={to}
            variant={to === "rejected" || to === "withdrawn" ? "secondary" : "primary"}
            isDisabled={move.isPending}
            onPress={() => go(to)}
          >
            {t(`ideas.work.to.${to}`)}
          </Button>
        ))}
      </div>
    </section>
  );
}

/** Who moved the idea, when, and why. */
function History({ idea }: { idea: Detail }) {
  const { t, i18n } = useTranslation();
  const rows = idea.transitions.map((x, i) => ({ ...x, key: String(i) }));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("ideas.work.history")}</h2>
      <DataTable<(typeof rows)[number]>
        caption={t("ideas.work.historyCaption", { title: idea.title })}
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          {
            key: "at",
            header: t("ideas.work.when"),
            isRowHeader: true,
            cell: (r) => when(r.at, i18n.language),
          },
          { key: "to", header: t("ideas.own.stage"), cell: (r) => t(`ideas.stages.${r.to}`) },
          { key: "by", header: t("ideas.work.by"), cell: (r) => r.by },
          { key: "reason", header: t("ideas.work.why"), cell: (r) => r.reason ?? "–" },
        ]}
      />
    </section>
  );
}
