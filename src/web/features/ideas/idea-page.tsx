import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IdeaDetailView } from "../../../common/ideas.ts";
import { ApiError } from "../../api.ts";
import { useMe } from "../../auth.ts";
import {
  Alert,
  Button,
  DataTable,
  EmptyState,
  PageHeader,
  QueryState,
  Select,
  TextAreaField,
  TextField,
} from "../../components/index.ts";
import {
  documentsQuery,
  type GrantDecision,
  grantDecisionsQuery,
  ideaQuery,
  ideaWrites,
  uploadIdeaDocument,
  useIdeaWrite,
  versionsQuery,
} from "./ideas-api.ts";
import { formatKronor } from "./ideas-format.ts";

type Detail = IdeaDetailView;
const locale = (language: string) => (language === "en" ? "en-GB" : "sv-SE");
const when = (iso: string, language: string) =>
  new Intl.DateTimeFormat(locale(language), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(new Date(iso));

/** What a write answered: a Swedish message for the form and its field errors. */
function useOutcome() {
  const [outcome, setOutcome] = useState<{
    tone: "success" | "error";
    text: string;
    fields?: Record<string, string[]>;
  } | null>(null);
  const run = async (work: () => Promise<unknown>, success: string) => {
    setOutcome(null);
    try {
      await work();
      setOutcome({ tone: "success", text: success });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setOutcome({ tone: "error", text: error.problem.detail, fields: error.fieldErrors });
    }
  };
  return { outcome, run };
}

function Outcome({ outcome }: { outcome: ReturnType<typeof useOutcome>["outcome"] }) {
  if (!outcome) return null;
  const fieldTexts = Object.values(outcome.fields ?? {}).flat();
  return (
    <Alert tone={outcome.tone}>
      {outcome.text}
      {fieldTexts.length > 0 && ` ${fieldTexts.join(" ")}`}
    </Alert>
  );
}

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

const developable = ["submitted", "selected", "developing", "pitched", "planned", "prepared"];

/** The template filled in during development; each save becomes a version. */
function Template({ idea }: { idea: Detail }) {
  const { t, i18n } = useTranslation();
  const save = useIdeaWrite(idea.id, ideaWrites(idea.id).template);
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...idea.fields }));
  const { outcome, run } = useOutcome();
  const versions = useQuery({ ...versionsQuery(idea.id), enabled: idea.versionCount > 0 });
  const editable = idea.nextStages.length > 0 && developable.includes(idea.stage);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(() => save.mutateAsync({ fields: values }), t("ideas.work.versionSaved"));
  };
  return (
    <section aria-labelledby="template-heading">
      <h2 id="template-heading">{t("ideas.work.template")}</h2>
      {editable ? (
        <form noValidate onSubmit={submit}>
          <Outcome outcome={outcome} />
          {idea.template.map((field) => (
            <TextAreaField
              key={field.key}
              id={`idea-field-${field.key}`}
              label={field.label}
              value={values[field.key] ?? ""}
              onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
              error={outcome?.fields?.[`fields.${field.key}`]}
            />
          ))}
          <Button type="submit" isDisabled={save.isPending}>
            {t("ideas.work.saveVersion")}
          </Button>
        </form>
      ) : (
        <dl className="facts">
          {idea.template.map((field) => (
            <div key={field.key}>
              <dt>{field.label}</dt>
              <dd>{idea.fields[field.key] || "–"}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3>{t("ideas.work.versions", { count: idea.versionCount })}</h3>
      {idea.versionCount === 0 ? (
        <p>{t("ideas.work.noVersions")}</p>
      ) : (
        <QueryState query={versions}>
          {(items) => (
            <ul>
              {items.map((v) => (
                <li key={v.version}>
                  <details>
                    <summary>
                      {t("ideas.work.version", { n: v.version, by: v.by, at: when(v.at, i18n.language) })}
                    </summary>
                    <dl className="facts">
                      {idea.template.map((field) => (
                        <div key={field.key}>
                          <dt>{field.label}</dt>
                          <dd>{v.fields[field.key] || "–"}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      )}
    </section>
  );
}

/** Documents of the development (the plan, a budget), uploaded beside the idea. */
function Documents({ idea, editable }: { idea: Detail; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const documents = useQuery(documentsQuery(idea.id));
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [formKey, setFormKey] = useState(0);
  const upload = useIdeaWrite(idea.id, () => uploadIdeaDocument(idea.id, me?.csrfToken ?? "", title, file));
  const { outcome, run } = useOutcome();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      await upload.mutateAsync(undefined);
      setTitle("");
      setFile(null);
      setFormKey((k) => k + 1);
    }, t("ideas.work.documentSaved"));
  };
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t("ideas.work.documents")}</h2>
      <QueryState query={documents}>
        {(items) =>
          items.length === 0 ? (
            <p>{t(editable ? "ideas.work.noDocuments" : "ideas.work.noDocumentsClosed")}</p>
          ) : (
            <ul>
              {items.map((d) => (
                <li key={d.id}>
                  <a href={`/api/ideas/${idea.id}/documents/${d.id}`}>{d.title}</a>{" "}
                  {t("ideas.work.documentMeta", {
                    filename: d.filename,
                    by: d.by,
                    at: when(d.at, i18n.language),
                  })}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {editable && (
        <form noValidate onSubmit={submit} key={formKey}>
          <Outcome outcome={outcome} />
          <TextField label={t("ideas.work.documentTitle")} value={title} onChange={setTitle} />
          <div className="field">
            <label className="field-label" htmlFor="idea-document-file">
              {t("ideas.work.file")}
            </label>
            <input
              id="idea-document-file"
              type="file"
              className="input"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <Button type="submit" variant="secondary" isDisabled={upload.isPending}>
            {t("ideas.work.upload")}
          </Button>
        </form>
      )}
    </section>
  );
}

/** The panel's scores on the call's criteria; a reviewer sees the others' only after scoring. */
function Reviews({ idea }: { idea: Detail }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => n.toLocaleString(locale(i18n.language));
  const rows = idea.reviews.map((r, i) => ({ ...r, key: String(i) }));
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t("ideas.work.reviews")}</h2>
      {idea.mayReview && <ReviewForm idea={idea} />}
      {idea.mayReview && !idea.ownReview ? (
        <p>{t("ideas.work.scoreFirst")}</p>
      ) : rows.length === 0 ? (
        <EmptyState message={t("ideas.work.noReviews")} />
      ) : (
        <>
          <p>
            {t("ideas.work.averages", {
              averages: idea.criteria
                .filter((c) => idea.averages[c.key] !== undefined)
                .map((c) => `${c.label} ${number(idea.averages[c.key])}`)
                .join(", "),
              overall: idea.averageScore === null ? "–" : number(idea.averageScore),
            })}
          </p>
          <DataTable<(typeof rows)[number]>
            caption={t("ideas.work.reviewsCaption", { title: idea.title })}
            rows={rows}
            rowKey={(r) => r.key}
            columns={[
              {
                key: "reviewer",
                header: t("ideas.work.reviewer"),
                isRowHeader: true,
                cell: (r) => r.reviewer,
              },
              ...idea.criteria.map((c) => ({
                key: c.key,
                header: c.label,
                cell: (r: (typeof rows)[number]) => r.scores[c.key] ?? "–",
              })),
              { key: "comment", header: t("ideas.work.comment"), cell: (r) => r.comment ?? "–" },
            ]}
          />
        </>
      )}
    </section>
  );
}

function ReviewForm({ idea }: { idea: Detail }) {
  const { t } = useTranslation();
  const review = useIdeaWrite(idea.id, ideaWrites(idea.id).review);
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(idea.criteria.map((c) => [c.key, String(idea.ownReview?.scores[c.key] ?? "")])),
  );
  const [comment, setComment] = useState(idea.ownReview?.comment ?? "");
  const { outcome, run } = useOutcome();
  const options = [
    { value: "", label: t("ideas.work.chooseScore") },
    ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t("ideas.work.score", { n }) })),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = Object.fromEntries(
      Object.entries(scores).map(([k, v]) => [k, v === "" ? Number.NaN : Number(v)]),
    );
    return run(
      () => review.mutateAsync({ scores: input, comment: comment.trim() || undefined }),
      t("ideas.work.reviewSaved"),
    );
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="review-form-heading">
      <h3 id="review-form-heading">
        {t(idea.ownReview ? "ideas.work.changeScores" : "ideas.work.yourScores")}
      </h3>
      <Outcome outcome={outcome} />
      {idea.criteria.map((c) => (
        <Select
          key={c.key}
          id={`idea-score-${c.key}`}
          label={c.label}
          value={scores[c.key]}
          onChange={(value) => setScores((s) => ({ ...s, [c.key]: value }))}
          options={options}
          error={outcome?.fields?.[`scores.${c.key}`]}
        />
      ))}
      <TextAreaField
        id="idea-review-comment"
        label={t("ideas.work.comment")}
        value={comment}
        onChange={setComment}
      />
      <Button type="submit" isDisabled={review.isPending}>
        {t("ideas.work.saveScores")}
      </Button>
    </form>
  );
}

/** The sector group's preparation: its recommendation to the board. */
function Recommendation({ idea }: { idea: Detail }) {
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
function Grant({ idea }: { idea: Detail }) {
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
