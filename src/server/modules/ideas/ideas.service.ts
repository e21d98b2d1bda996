import { and, asc, eq, ilike, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  endStages,
  type IdeaStage,
  type ideaListQuery,
  ideaStages,
  type reviewInput,
  stageRank,
  type transitionInput,
} from "../../../common/ideas.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { afterCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { likePattern } from "../../platform/sql.ts";
import { type CallRecord, loadCall } from "./calls.service.ts";
import { type IdeaSubject, ideaListScope, ideaPolicy } from "./ideas.policy.ts";
import { ideaReviews, ideas, ideaTransitions, ideaVersions } from "./ideas.schema.ts";

export type IdeaRow = typeof ideas.$inferSelect;
export type ReviewRow = typeof ideaReviews.$inferSelect;
export type TransitionRow = typeof ideaTransitions.$inferSelect;

const subjectOf = (call: CallRecord, idea: IdeaRow | null): IdeaSubject => ({
  organisationId: call.call.organisationId,
  reviewerUserIds: call.reviewerUserIds,
  ideaOrganisationId: idea?.organisationId ?? null,
});

/** Loads an idea and its call, authorised for `action`; a hidden idea answers 404. */
export async function loadIdeaFor(
  db: Db | Tx,
  actor: Actor | null,
  action: keyof typeof ideaPolicy,
  id: string,
  lock = false,
) {
  const query = db.select().from(ideas).where(eq(ideas.id, id));
  const [idea] = lock ? await query.for("update") : await query;
  if (!idea) {
    authorize(actor, ideaPolicy, "read", {
      organisationId: "",
      reviewerUserIds: [],
      ideaOrganisationId: null,
    });
    throw notFound();
  }
  const call = (await loadCall(db, idea.callId)) as CallRecord;
  authorize(actor, ideaPolicy, "read", subjectOf(call, idea));
  authorize(actor, ideaPolicy, action, subjectOf(call, idea));
  return { idea, call };
}

/** A call's ideas, filtered by stage and organisation, in order of arrival. */
export async function listIdeas(db: Db, actor: Actor | null, query: z.output<typeof ideaListQuery>) {
  const after = afterCursor(query.cursor, { sort: ideas.submittedAt, id: ideas.id }, { sort: "timestamp" });
  const call = await loadCall(db, query.callId);
  if (!call) throw fieldErrors({ callId: "ideas.errors.unknownCall" });
  const scope = ideaListScope(actor, subjectOf(call, null));
  if (!actor) authorize(actor, ideaPolicy, "read", subjectOf(call, null));
  const conditions = [eq(ideas.callId, query.callId)];
  if (scope) conditions.push(scope.length ? sql`${ideas.organisationId} in ${scope}` : sql`false`);
  if (query.stage) conditions.push(eq(ideas.stage, query.stage));
  if (query.organisation) conditions.push(ilike(ideas.organisationText, likePattern(query.organisation)));
  if (after) conditions.push(after);
  const rows = await db
    .select({ idea: ideas, ...reviewSummary })
    .from(ideas)
    .where(and(...conditions))
    .orderBy(asc(ideas.submittedAt), asc(ideas.id))
    .limit(query.limit + 1);
  return {
    call,
    ...page(rows, query.limit, (r) => encodeCursor(r.idea.submittedAt.toISOString(), r.idea.id)),
  };
}

// Correlated subqueries name the outer row explicitly: in a one-table select Drizzle writes columns
// unqualified, and a bare "id" inside the subquery would mean idea_reviews.id.
const outerIdeaId = sql.raw(`"ideas"."id"`);
const reviewSummary = {
  reviewCount: sql<number>`(select count(*)::int from ${ideaReviews} where ${ideaReviews.ideaId} = ${outerIdeaId})`,
  averageScore: sql<number | null>`(
    select round(avg(s.value::numeric), 2)::float from ${ideaReviews}, jsonb_each_text(${ideaReviews.scores}) s
    where ${ideaReviews.ideaId} = ${outerIdeaId})`,
};

/** An idea with its history and the reviews the actor may see. */
export async function getIdea(db: Db, actor: Actor | null, id: string) {
  const { idea, call } = await loadIdeaFor(db, actor, "read", id);
  const [summary] = await db.select(reviewSummary).from(ideas).where(eq(ideas.id, id));
  const transitions = await db
    .select()
    .from(ideaTransitions)
    .where(eq(ideaTransitions.ideaId, id))
    .orderBy(asc(ideaTransitions.at), asc(ideaTransitions.id));
  const reviews = await db
    .select()
    .from(ideaReviews)
    .where(eq(ideaReviews.ideaId, id))
    .orderBy(asc(ideaReviews.createdAt));
  const [versions] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ideaVersions)
    .where(eq(ideaVersions.ideaId, id));
  const ownReview = reviews.find((r) => r.reviewerUserId === actor?.userId) ?? null;
  const subject = subjectOf(call, idea);
  // A panel member sees the others' scores only after scoring, so the first scores are their own.
  const onPanel = !!actor && subject.reviewerUserIds.includes(actor.userId);
  const seesAll = !!ownReview || !onPanel || canSee(actor, subject, "move");
  return {
    idea,
    call,
    summary,
    transitions,
    /** How many versions of the plan the submitter has handed in (the development stage). */
    versionCount: Number(versions.n),
    reviews: seesAll ? reviews : [],
    ownReview,
    showPersonal: canSee(actor, subject, "readPersonal"),
    nextStages: canSee(actor, subject, "move") ? nextStages(idea.stage) : [],
    mayReview: onPanel,
    mayRecommend: canSee(actor, subject, "recommend"),
    mayGrant: canSee(actor, subject, "grant"),
  };
}

function canSee(actor: Actor | null, subject: IdeaSubject, action: keyof typeof ideaPolicy) {
  try {
    authorize(actor, ideaPolicy, action, subject);
    return true;
  } catch {
    return false;
  }
}

/** One stage forward at a time, or out (rejected/withdrawn) before granted; granting goes through a decision. */
export function nextStages(stage: string): IdeaStage[] {
  const rank = stageRank(stage);
  if (rank < 0 || stage === "granted") return [];
  const forward = ideaStages[rank + 1];
  return [...(forward && forward !== "granted" ? [forward] : []), ...endStages];
}

export function transitionIdea(db: Db, actor: Actor, id: string, input: z.output<typeof transitionInput>) {
  return transitionIdeaAt(db, actor, id, input, undefined);
}

/** The same, dated in the past: how the demo loader tells a 2010 call's history. */
export async function transitionIdeaAt(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof transitionInput>,
  at: Date | undefined,
) {
  return writeWithAudit(db, actor, async (tx, audit) => {
    const { idea } = await loadIdeaFor(tx, actor, "move", id, true);
    if (input.to === "granted") throw fieldErrors({ to: "ideas.errors.grantThroughDecision" });
    if (!nextStages(idea.stage).includes(input.to)) {
      throw new AppError(
        "validation",
        "errors.validation",
        {},
        {
          to: [{ key: "ideas.errors.transitionNotAllowed", params: { from: idea.stage, to: input.to } }],
        },
      );
    }
    const rank = stageRank(input.to);
    const [after] = await tx
      .update(ideas)
      .set({
        stage: input.to,
        reachedRank: rank >= 0 ? Math.max(rank, idea.reachedRank) : idea.reachedRank,
        updatedAt: new Date(),
      })
      .where(eq(ideas.id, id))
      .returning();
    await recordTransition(tx, actor, id, idea.stage, input.to, input.reason ?? null, at);
    await audit({
      action: "ideas.transitioned",
      entityType: "idea",
      entityId: id,
      before: { stage: idea.stage },
      after: { stage: after.stage, reason: input.reason ?? null },
    });
    return after;
  });
}

export async function recordTransition(
  tx: Tx,
  actor: Actor | null,
  ideaId: string,
  from: string | null,
  to: string,
  reason: string | null,
  at?: Date,
) {
  await tx.insert(ideaTransitions).values({
    ideaId,
    fromStage: from,
    toStage: to,
    byLabel: actor ? actor.name : "Inlämnad via webbformuläret",
    byUserId: actor?.userId ?? null,
    reason,
    ...(at ? { at } : {}),
  });
}

/** A panel member scores every criterion of the call 1–5; a second review replaces the first. */
export async function reviewIdea(db: Db, actor: Actor, id: string, input: z.output<typeof reviewInput>) {
  return writeWithAudit(db, actor, async (tx, audit) => {
    const { call } = await loadIdeaFor(tx, actor, "review", id, true);
    const keys = call.call.criteria.map((c) => c.key);
    const missing = keys.filter((k) => input.scores[k] === undefined);
    const unknown = Object.keys(input.scores).filter((k) => !keys.includes(k));
    if (missing.length || unknown.length) {
      const errors: Record<string, { key: string; params?: Record<string, unknown> }[]> = {};
      for (const k of missing) errors[`scores.${k}`] = [{ key: "validation.ideas.score" }];
      for (const k of unknown) errors[`scores.${k}`] = [{ key: "ideas.errors.unknownCriterion" }];
      throw new AppError("validation", "errors.validation", {}, errors);
    }
    const values = { scores: input.scores, comment: input.comment ?? null, updatedAt: new Date() };
    const [review] = await tx
      .insert(ideaReviews)
      .values({ ideaId: id, reviewerUserId: actor.userId, reviewerName: actor.name, ...values })
      .onConflictDoUpdate({ target: [ideaReviews.ideaId, ideaReviews.reviewerUserId], set: values })
      .returning();
    await audit({ action: "ideas.reviewed", entityType: "idea", entityId: id, after: review });
    return review;
  });
}

/** Whether the actor sees submitters' names and addresses in a call's list. */
export function maySeePersonal(actor: Actor | null, call: CallRecord) {
  return canSee(actor, subjectOf(call, null), "readPersonal");
}
