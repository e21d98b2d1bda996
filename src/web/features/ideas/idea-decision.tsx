import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, EmptyState, QueryState, Select, TextAreaField, TextField } from "../../components/index.ts";
import { type Detail, Outcome, useOutcome, when } from "./idea-parts.tsx";
import { type GrantDecision, grantDecisionsQuery, ideaWrites, useIdeaWrite } from "./ideas-api.ts";
import { formatKronor } from "./ideas-format.ts";

/** The sector group's preparation: its recommendation to the board. */
export function Recommendation({ idea }: { idea: Detail }) {
  const { t, i18n } = useTranslation();
  const recommend = useIdeaWrite(idea.id, ideaWrites(idea.id).recommend);
  const [choice, setChoice] = useState(idea.recommendation?.recommendation ?? "");
  const [reason, setReason] = useState(idea.recommendation?.reason ?? "");
  const [amount, setAmount] = useState(idea.recommendation?.amount?.toString() ?? "");
  const { outcome, run } = useOutcome();
  const open = idea.mayRecommend && (idea.stage === "planned" || idea.stage === "prepared");
  if (!open && !idea.recommendation) return null;
  const r = idea.recommendation;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(
      () =>
        recommend.mutateAsync({
          recommendation: choice as "grant" | "reject",
          reason,
          amount: choice === "grant" && amount.trim() ? Number(amount.replace(/\s/g, "")) : null,
        }),
      t("ideas.work.recommendationSaved"),
    );
  };
  return (
    <section aria-labelledby="recommendation-heading">
      <h2 id="recommendation-heading">{t("ideas.work.recommendation")}</h2>
      {r && (
        <p>
          {t(`ideas.work.recommends.${r.recommendation}`)}
          {r.amount !== null && ` (${formatKronor(r.amount, i18n.language)})`}
          {r.reason && `: ${r.reason}`}
          {r.by && r.at && ` – ${r.by}, ${when(r.at, i18n.language)}`}
        </p>
      )}
      {open && (
        <form noValidate onSubmit={submit}>
          <Outcome outcome={outcome} />
          <Select
            id="idea-recommendation"
            label={t("ideas.work.recommendationChoice")}
            value={choice}
            onChange={setChoice}
            options={[
              { value: "", label: t("ideas.work.choose") },
              { value: "grant", label: t("ideas.work.recommends.grant") },
              { value: "reject", label: t("ideas.work.recommends.reject") },
            ]}
            error={outcome?.fields?.recommendation}
          />
          <TextAreaField
            id="idea-recommendation-reason"
            label={t("ideas.work.why")}
            value={reason}
            onChange={setReason}
            error={outcome?.fields?.reason}
          />
          {choice === "grant" && (
            <TextField
              label={t("ideas.work.proposedAmount")}
              inputMode="numeric"
              value={amount}
              onChange={setAmount}
              error={outcome?.fields?.amount}
            />
          )}
          <Button type="submit" isDisabled={recommend.isPending}>
            {t("ideas.work.saveRecommendation")}
          </Button>
        </form>
      )}
    </section>
  );
}

/** The board's grant: one of governance's grant decisions and an amount; the project is created. */
export function Grant({ idea }: { idea: Detail }) {
  const { t, i18n } = useTranslation();
  const decisions = useQuery(grantDecisionsQuery());
  const grant = useIdeaWrite(idea.id, ideaWrites(idea.id).grant);
  const [decisionId, setDecisionId] = useState("");
  const [amount, setAmount] = useState(idea.recommendation?.amount?.toString() ?? "");
  const { outcome, run } = useOutcome();
  const label = (d: GrantDecision) =>
    [d.registryNumber, d.title, d.bodyName, d.meetingDate.slice(0, 10)].filter(Boolean).join(" · ") +
    (d.amount === null ? "" : ` (${formatKronor(d.amount, i18n.language)})`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(
      () => grant.mutateAsync({ decisionId, amount: Number(amount.replace(/\s/g, "")) }),
      t("ideas.work.granted"),
    );
  };
  return (
    <section aria-labelledby="grant-heading">
      <h2 id="grant-heading">{t("ideas.work.grant")}</h2>
      <p>{t("ideas.work.grantIntro")}</p>
      <QueryState query={decisions}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState message={t("ideas.work.noDecisions")} />
          ) : (
            <form noValidate onSubmit={submit}>
              <Outcome outcome={outcome} />
              <Select
                id="idea-grant-decision"
                label={t("ideas.work.decision")}
                value={decisionId}
                onChange={setDecisionId}
                options={[
                  { value: "", label: t("ideas.work.choose") },
                  ...items.map((d) => ({ value: d.id, label: label(d) })),
                ]}
                error={outcome?.fields?.decisionId}
              />
              <TextField
                label={t("ideas.work.amount")}
                inputMode="numeric"
                value={amount}
                onChange={setAmount}
                error={outcome?.fields?.amount}
              />
              <Button type="submit" isDisabled={grant.isPending}>
                {t("ideas.work.grantButton")}
              </Button>
            </form>
          )
        }
      </QueryState>
    </section>
  );
}
