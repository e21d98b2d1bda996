import { eq, sql } from "drizzle-orm";
import {
  type FeedbackInput,
  type FeedbackQuestion,
  feedbackInput,
  feedbackQuestionsInput,
} from "../../../common/events.ts";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith } from "../../platform/validation.ts";
import { feedbackSummaryRows } from "../../read/events-feedback.ts";
import { findActivityType } from "../activities/index.ts";
import { eventsPolicy } from "./events.policy.ts";
import { loadEvent } from "./events.records.ts";
import { eventFeedback, feedbackQuestionSets } from "./events.schema.ts";
import { getOwnRegistration } from "./registrations.service.ts";

/**
 * Feedback after an event: a rating 1–5 and free text always, plus the extra questions configured
 * for the event's type. Aggregated per event, and per series, theme or type across events.
 */

export async function questionsForType(db: Db | Tx, typeKey: string): Promise<FeedbackQuestion[]> {
  const [set] = await db.select().from(feedbackQuestionSets).where(eq(feedbackQuestionSets.typeKey, typeKey));
  return set?.questions ?? [];
}

export async function listQuestionSets(db: Db, actor: Actor | null) {
  authorize(actor, eventsPolicy, "list", null);
  return db.select().from(feedbackQuestionSets);
}

export async function setQuestionsForType(db: Db, actor: Actor | null, typeKey: string, input: unknown) {
  requireActor(actor);
  authorize(actor, eventsPolicy, "organise", null);
  const type = await findActivityType(db, typeKey);
  if (!type) throw notFound();
  const { questions } = parseWith(feedbackQuestionsInput, input);
  const keys = questions.map((q) => q.key);
  if (new Set(keys).size !== keys.length)
    throw fieldErrors({ questions: "validation.events.duplicateQuestion" });
  await writeWithAudit(db, actor, async (tx, audit) => {
    const before = await questionsForType(tx, typeKey);
    await tx
      .insert(feedbackQuestionSets)
      .values({ typeKey, questions })
      .onConflictDoUpdate({
        target: feedbackQuestionSets.typeKey,
        set: { questions, updatedAt: new Date() },
      });
    await audit({
      action: "feedbackQuestions.set",
      entityType: "activity_type",
      entityId: null,
      before,
      after: { typeKey, questions },
    });
  });
  return questions;
}

/** Feedback through the personal link: once per registration, after the event. */
export async function giveFeedback(db: Db, token: string, input: FeedbackInput, now = new Date()) {
  const own = await getOwnRegistration(db, token, now);
  if (!own.feedbackOpen) throw new AppError("feedbackNotOpen");
  if (own.feedbackGiven) throw new AppError("feedbackGiven");
  const data = parseWith(feedbackInput, input);
  const questions = await questionsForType(db, own.record.activity.typeKey);
  const answers: Record<string, string | number> = {};
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const value = data.answers[q.key];
    if (value === undefined || value === "") continue;
    if (
      q.kind === "rating" &&
      !(typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5)
    )
      errors[`answers.${q.key}`] = "validation.events.rating";
    else if (q.kind === "yesno" && value !== "ja" && value !== "nej")
      errors[`answers.${q.key}`] = "validation.invalidValue";
    else answers[q.key] = value;
  }
  if (Object.keys(errors).length) throw fieldErrors(errors);
  await writeWithAudit(db, null, async (tx, audit) => {
    const [row] = await tx
      .insert(eventFeedback)
      .values({
        registrationId: own.row.id,
        eventId: own.row.eventId,
        rating: data.rating,
        comment: data.comment ?? null,
        answers,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("feedbackGiven");
    await audit({
      action: "feedback.create",
      entityType: "event_feedback",
      entityId: row.id,
      after: { eventId: row.eventId, rating: row.rating },
    });
  });
}

type FeedbackRow = {
  rating: number;
  comment: string | null;
  answers: Record<string, string | number>;
  created_at: Date | string;
};

/** One event's feedback: average, distribution 1–5, comments, and each extra question summarised. */
export async function eventFeedbackSummary(
  db: Db,
  actor: Actor | null,
  eventId: string,
  locale: "sv" | "en" = "sv",
) {
  requireActor(actor);
  const record = await loadEvent(db, eventId);
  if (!record) throw notFound();
  authorize(actor, eventsPolicy, "organise", null);
  const rows = await queryRows<FeedbackRow>(
    db,
    sql`select rating, comment, answers, created_at from event_feedback where event_id = ${eventId}::uuid order by created_at`,
  );
  const questions = await questionsForType(db, record.activity.typeKey);
  const distribution = [1, 2, 3, 4, 5].map((n) => rows.filter((r) => r.rating === n).length);
  return {
    responses: rows.length,
    averageRating: rows.length ? round(rows.reduce((s, r) => s + r.rating, 0) / rows.length) : null,
    distribution,
    comments: rows
      .filter((r) => r.comment)
      .map((r) => ({
        rating: r.rating,
        comment: r.comment as string,
        createdAt: new Date(r.created_at).toISOString(),
      })),
    questions: questions.map((q) => {
      const values = rows.map((r) => r.answers?.[q.key]).filter((v) => v !== undefined);
      const numbers = values.filter((v): v is number => typeof v === "number");
      return {
        key: q.key,
        label: locale === "en" ? q.labelEn : q.labelSv,
        kind: q.kind,
        average: numbers.length ? round(numbers.reduce((s, n) => s + n, 0) / numbers.length) : null,
        yes: values.filter((v) => v === "ja").length,
        no: values.filter((v) => v === "nej").length,
        texts: q.kind === "text" ? values.map(String) : [],
      };
    }),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Feedback across events grouped by series, theme, type or event. */
export async function feedbackSummary(
  db: Db,
  actor: Actor | null,
  by: "event" | "series" | "theme" | "type",
) {
  requireActor(actor);
  authorize(actor, eventsPolicy, "organise", null);
  // The groups' labels are activities' titles and types: the read layer joins them (issue 12).
  const rows = await feedbackSummaryRows(db, by);
  return {
    by,
    rows: rows.map((r) => ({
      key: r.key ?? "",
      label: r.label ?? "",
      events: r.events,
      responses: r.responses,
      averageRating: r.avg === null ? null : round(r.avg),
      distribution: r.d.map(Number),
    })),
  };
}
