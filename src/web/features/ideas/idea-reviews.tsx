import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, DataTable, EmptyState, Select, TextAreaField } from "../../components/index.ts";
import { type Detail, locale, Outcome, useOutcome } from "./idea-parts.tsx";
import { ideaWrites, useIdeaWrite } from "./ideas-api.ts";

/** The panel's scores on the call's criteria; a reviewer sees the others' only after scoring. */
export function Reviews({ idea }: { idea: Detail }) {
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
