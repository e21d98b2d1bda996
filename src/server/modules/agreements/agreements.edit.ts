import { and, eq, ne } from "drizzle-orm";
import {
  type AppendixRowView,
  type DialogueCommentInput,
  type DialogueView,
  dialogueCommentInput,
  type NeedView,
  type UpdateAppendixInput,
  type UpdateDialogueInput,
  type UpdateNeedInput,
  updateAppendixInput,
  updateDialogueInput,
  updateNeedInput,
} from "../../../common/agreements.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { coursesByIds } from "../programmes/index.ts";
import { type AgreementAction, agreementPolicy } from "./agreements.policy.ts";
import { findAgreement, needsOfAgreement } from "./agreements.records.ts";
import {
  agreementAppendix,
  agreementAppendixNeeds,
  agreementDialogueComments,
  agreementDialogues,
  agreementNeeds,
} from "./agreements.schema.ts";
import { getAgreement } from "./agreements.service.ts";

/**
 * Changing and removing one need, appendix row or dialogue, and the parties' comments on dialogues.
 * The routes version each item by its own `updated_at` (ETag/If-Match, platform/etag.ts), which locks
 * the item's row first; the agreement is then only read (never locked), so these writes and the
 * agreement-wide ones (which lock the agreement, then touch items) cannot wait on each other in a circle.
 *
 * Deleting a need that an appendix row serves answers 409 listing those rows: the coordinator takes
 * the need off the rows (PATCH the row's `needIds`) or removes them first, so a signed appendix never
 * silently loses what it was ordered for. Deleting an appendix row leaves its needs (they become open
 * again); deleting a dialogue leaves the needs it added (they keep source `dialogue`) and removes its comments.
 */

async function agreementFor(tx: Tx, actor: Actor | null, agreementId: string, action: AgreementAction) {
  const found = await findAgreement(tx, agreementId);
  authorize(actor, agreementPolicy, "read", found.subject);
  authorize(actor, agreementPolicy, action, found.subject);
  return found;
}

/** Only the fields sent; an empty text clears an optional one. */
function patchOf(data: Record<string, unknown>) {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data))
    if (value !== undefined) patch[key] = value === "" ? null : value;
  return patch;
}

async function needRow(tx: Tx, agreementId: string, needId: string) {
  const [row] = await tx
    .select()
    .from(agreementNeeds)
    .where(and(eq(agreementNeeds.id, needId), eq(agreementNeeds.agreementId, agreementId)));
  if (!row) throw notFound();
  return row;
}

async function appendixRow(tx: Tx, agreementId: string, appendixId: string) {
  const [row] = await tx
    .select()
    .from(agreementAppendix)
    .where(and(eq(agreementAppendix.id, appendixId), eq(agreementAppendix.agreementId, agreementId)));
  if (!row) throw notFound();
  const links = await tx
    .select({ needId: agreementAppendixNeeds.needId })
    .from(agreementAppendixNeeds)
    .where(eq(agreementAppendixNeeds.appendixId, appendixId));
  return { ...row, needIds: links.map((l) => l.needId) };
}

async function dialogueRow(tx: Tx, agreementId: string, dialogueId: string) {
  const [row] = await tx
    .select()
    .from(agreementDialogues)
    .where(and(eq(agreementDialogues.id, dialogueId), eq(agreementDialogues.agreementId, agreementId)));
  if (!row) throw notFound();
  return row;
}

/** One item of a readable agreement, as the agreement presents it (GET of a single item, for its ETag). */
export async function getItem(
  db: Db,
  actor: Actor | null,
  agreementId: string,
  kind: "needs" | "appendix" | "dialogues",
  itemId: string,
) {
  const agreement = await getAgreement(db, actor, agreementId);
  const item = (agreement[kind] as (NeedView | AppendixRowView | DialogueView)[]).find(
    (i) => i.id === itemId,
  );
  if (!item) throw notFound();
  return item;
}

export async function updateNeed(
  db: Db,
  actor: Actor | null,
  agreementId: string,
  needId: string,
  input: UpdateNeedInput,
) {
  const data = parseInput(updateNeedInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    await agreementFor(tx, actor, agreementId, "update");
    const before = await needRow(tx, agreementId, needId);
    const [after] = await tx
      .update(agreementNeeds)
      .set({ ...patchOf(data), updatedAt: new Date() })
      .where(eq(agreementNeeds.id, needId))
      .returning();
    await audit({
      action: "agreement.need_updated",
      entityType: "agreement_need",
      entityId: needId,
      before,
      after,
    });
  });
  return getAgreement(db, actor, agreementId);
}

/** 409 listing the appendix rows that serve the need; otherwise the need goes. */
export async function deleteNeed(db: Db, actor: Actor | null, agreementId: string, needId: string) {
  await writeWithAudit(db, actor, async (tx, audit) => {
    await agreementFor(tx, actor, agreementId, "update");
    const before = await needRow(tx, agreementId, needId);
    const serving = await tx
      .select({ courseId: agreementAppendix.courseId, term: agreementAppendix.term })
      .from(agreementAppendixNeeds)
      .innerJoin(agreementAppendix, eq(agreementAppendix.id, agreementAppendixNeeds.appendixId))
      .where(eq(agreementAppendixNeeds.needId, needId));
    if (serving.length) {
      const courses = await coursesByIds(
        tx,
        serving.map((s) => s.courseId),
      );
      const rows = serving.map((s) => ({
        key: "agreements.errors.servedByRow",
        params: { course: courses.get(s.courseId)?.code ?? "", term: s.term },
      }));
      throw new AppError(
        "conflict",
        "agreements.errors.needServed",
        { count: rows.length },
        { appendix: rows },
      );
    }
    await tx.delete(agreementNeeds).where(eq(agreementNeeds.id, needId));
    await audit({ action: "agreement.need_deleted", entityType: "agreement_need", entityId: needId, before });
  });
}

export async function updateAppendixRow(
  db: Db,
  actor: Actor | null,
  agreementId: string,
  appendixId: string,
  input: UpdateAppendixInput,
) {
  const data = parseInput(updateAppendixInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    await agreementFor(tx, actor, agreementId, "addAppendix");
    const before = await appendixRow(tx, agreementId, appendixId);
    const courseId = data.courseId ?? before.courseId;
    const term = data.term ?? before.term;
    if (data.courseId && !(await coursesByIds(tx, [data.courseId])).size)
      throw fieldErrors({ courseId: "agreements.errors.unknownCourse" });
    const [twice] = await tx
      .select({ id: agreementAppendix.id })
      .from(agreementAppendix)
      .where(
        and(
          eq(agreementAppendix.agreementId, agreementId),
          eq(agreementAppendix.courseId, courseId),
          eq(agreementAppendix.term, term),
          ne(agreementAppendix.id, appendixId),
        ),
      );
    if (twice) throw fieldErrors({ courseId: { key: "agreements.errors.courseTwice", params: { term } } });
    const needIds = data.needIds ? [...new Set(data.needIds)] : null;
    if (needIds && (await needsOfAgreement(tx, agreementId, needIds)).length !== needIds.length)
      throw fieldErrors({ needIds: "agreements.errors.unknownNeed" });
    const participants = data.participants !== undefined ? data.participants : before.participants;
    const completed = data.completed !== undefined ? data.completed : before.completed;
    if (completed != null && participants != null && completed > participants)
      throw fieldErrors({ completed: "agreements.errors.completedOverParticipants" });
    const { needIds: _needIds, ...fields } = data;
    const [after] = await tx
      .update(agreementAppendix)
      .set({ ...patchOf(fields), updatedAt: new Date() })
      .where(eq(agreementAppendix.id, appendixId))
      .returning();
    if (needIds) {
      await tx.delete(agreementAppendixNeeds).where(eq(agreementAppendixNeeds.appendixId, appendixId));
      if (needIds.length)
        await tx.insert(agreementAppendixNeeds).values(needIds.map((needId) => ({ appendixId, needId })));
    }
    await audit({
      action: "agreement.appendix_updated",
      entityType: "agreement_appendix",
      entityId: appendixId,
      before,
      after: { ...after, needIds: needIds ?? before.needIds },
    });
  });
  return getAgreement(db, actor, agreementId);
}

/** Removes the row and its links; the needs it served become open again unless another row serves them. */
export async function deleteAppendixRow(
  db: Db,
  actor: Actor | null,
  agreementId: string,
  appendixId: string,
) {
  await writeWithAudit(db, actor, async (tx, audit) => {
    await agreementFor(tx, actor, agreementId, "addAppendix");
    const before = await appendixRow(tx, agreementId, appendixId);
    await tx.delete(agreementAppendix).where(eq(agreementAppendix.id, appendixId));
    await audit({
      action: "agreement.appendix_deleted",
      entityType: "agreement_appendix",
      entityId: appendixId,
      before,
    });
  });
}

export async function updateDialogue(
  db: Db,
  actor: Actor | null,
  agreementId: string,
  dialogueId: string,
  input: UpdateDialogueInput,
) {
  const data = parseInput(updateDialogueInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    await agreementFor(tx, actor, agreementId, "addDialogue");
    const before = await dialogueRow(tx, agreementId, dialogueId);
    const date = data.date ?? before.date;
    const nextDate = data.nextDate !== undefined ? data.nextDate : before.nextDate;
    if (nextDate && nextDate <= date) throw fieldErrors({ nextDate: "agreements.errors.nextDateBefore" });
    const [after] = await tx
      .update(agreementDialogues)
      .set({ ...patchOf(data), updatedAt: new Date() })
      .where(eq(agreementDialogues.id, dialogueId))
      .returning();
    await audit({
      action: "agreement.dialogue_updated",
      entityType: "agreement_dialogue",
      entityId: dialogueId,
      before,
      after,
    });
  });
  return getAgreement(db, actor, agreementId);
}

/** Removes the dialogue and its comments; the needs it added stay in the inventory. */
export async function deleteDialogue(db: Db, actor: Actor | null, agreementId: string, dialogueId: string) {
  await writeWithAudit(db, actor, async (tx, audit) => {
    await agreementFor(tx, actor, agreementId, "addDialogue");
    const before = await dialogueRow(tx, agreementId, dialogueId);
    const comments = await tx
      .select()
      .from(agreementDialogueComments)
      .where(eq(agreementDialogueComments.dialogueId, dialogueId));
    await tx.delete(agreementDialogues).where(eq(agreementDialogues.id, dialogueId));
    await audit({
      action: "agreement.dialogue_deleted",
      entityType: "agreement_dialogue",
      entityId: dialogueId,
      before: { ...before, comments },
    });
  });
}

/** A party's comment on a dialogue: coordinators, and partner users of the agreement's own organisations. */
export async function addComment(
  db: Db,
  actor: Actor | null,
  agreementId: string,
  dialogueId: string,
  input: DialogueCommentInput,
) {
  const data = parseInput(dialogueCommentInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    await agreementFor(tx, actor, agreementId, "comment");
    await dialogueRow(tx, agreementId, dialogueId);
    const [row] = await tx
      .insert(agreementDialogueComments)
      .values({ dialogueId, authorId: actor?.userId ?? null, authorName: actor?.name ?? "", body: data.body })
      .returning();
    await audit({
      action: "agreement.dialogue_commented",
      entityType: "agreement_dialogue_comment",
      entityId: row.id,
      after: row,
    });
  });
  return getAgreement(db, actor, agreementId);
}
