import type { CallView, IdeaView } from "../../../common/ideas.ts";
import { type CallRecord, callState } from "./calls.service.ts";
import type { DocumentRow, VersionRow } from "./development.service.ts";
import type { IdeaRow, ReviewRow, TransitionRow } from "./ideas.service.ts";

export function presentCall(r: CallRecord, now = new Date()): CallView {
  const c = r.call;
  return {
    id: c.id,
    title: c.title,
    organisationId: c.organisationId,
    organisationName: r.organisationName,
    bodyId: c.bodyId,
    area: c.area,
    questions: c.questions,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    budget: c.budget,
    template: c.template.map((f) => ({ key: f.key, label: f.label, required: !!f.required })),
    criteria: c.criteria,
    public: c.public,
    state: callState(c, now),
    ideaCount: r.ideaCount,
  };
}

/** Submitters' names and addresses only to those who may read personal data. */
export function presentIdea(
  idea: IdeaRow,
  summary: { reviewCount: number; averageScore: number | null },
  showPersonal: boolean,
): IdeaView {
  return {
    id: idea.id,
    callId: idea.callId,
    title: idea.title,
    summary: idea.summary,
    stage: idea.stage as IdeaView["stage"],
    submitterName: showPersonal ? idea.submitterName : null,
    submitterEmail: showPersonal ? idea.submitterEmail : null,
    organisation: idea.organisationText,
    fields: idea.fields,
    submittedAt: idea.submittedAt.toISOString(),
    projectId: idea.projectId,
    grantedAmount: idea.grantedAmount,
    decisionId: idea.decisionId,
    averageScore: summary.averageScore === null ? null : Number(summary.averageScore),
    reviewCount: Number(summary.reviewCount),
  };
}

export const presentTransition = (t: TransitionRow) => ({
  from: t.fromStage,
  to: t.toStage,
  at: t.at.toISOString(),
  by: t.byLabel,
  reason: t.reason,
});

export const presentReview = (r: ReviewRow) => ({
  reviewer: r.reviewerName,
  scores: r.scores,
  comment: r.comment,
  at: r.updatedAt.toISOString(),
});

/** Average score per criterion over the reviews shown, to two decimals. */
export function averagesOf(reviews: ReviewRow[]): Record<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const r of reviews) {
    for (const [k, v] of Object.entries(r.scores)) {
      const s = sums.get(k) ?? { sum: 0, n: 0 };
      sums.set(k, { sum: s.sum + v, n: s.n + 1 });
    }
  }
  return Object.fromEntries([...sums].map(([k, s]) => [k, Math.round((s.sum / s.n) * 100) / 100]));
}

export const presentVersion = (v: VersionRow) => ({
  version: v.version,
  title: v.title,
  summary: v.summary,
  fields: v.fields,
  by: v.byLabel,
  at: v.at.toISOString(),
});

export const presentRecommendation = (idea: IdeaRow) =>
  idea.recommendation === "grant" || idea.recommendation === "reject"
    ? {
        recommendation: idea.recommendation as "grant" | "reject",
        reason: idea.recommendationReason,
        amount: idea.recommendedAmount,
        by: idea.recommendedBy,
        at: idea.recommendedAt?.toISOString() ?? null,
      }
    : null;

export const presentDocument = (d: DocumentRow) => ({
  id: d.id,
  title: d.title,
  filename: d.filename,
  mimeType: d.mimeType,
  size: d.size,
  by: d.uploadedByName,
  at: d.at.toISOString(),
});
