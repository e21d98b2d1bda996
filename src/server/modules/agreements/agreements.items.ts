import { eq } from "drizzle-orm";
import {
  type AppendixInput,
  appendixInput,
  type DialogueInput,
  dialogueInput,
  type NeedInput,
  needInput,
} from "../../../common/agreements.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors } from "../../platform/errors.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import type { SpendGuard } from "../finance/index.ts";
import { coursesByIds } from "../programmes/index.ts";
import { type AgreementAction, agreementPolicy } from "./agreements.policy.ts";
import { courseInTerm, findAgreement, needsOfAgreement } from "./agreements.records.ts";
import {
  agreementAppendix,
  agreementAppendixNeeds,
  agreementDialogues,
  agreementNeeds,
  agreements,
} from "./agreements.schema.ts";
import { getAgreement } from "./agreements.service.ts";

/** What an agreement holds: needs, appendix rows, dialogues. Each write locks the agreement and is audited. */

async function lockFor(tx: Tx, actor: Actor | null, id: string, action: AgreementAction) {
  const found = await findAgreement(tx, id, true);
  authorize(actor, agreementPolicy, "read", found.subject);
  authorize(actor, agreementPolicy, action, found.subject);
  await tx.update(agreements).set({ updatedAt: new Date() }).where(eq(agreements.id, id));
  return found;
}

type Need = Omit<ReturnType<typeof needInput.parse>, "source"> & { source?: string };

async function insertNeed(tx: Tx, agreementId: string, n: Need, dialogueId: string | null) {
  const [row] = await tx
    .insert(agreementNeeds)
    .values({
      agreementId,
      title: n.title,
      targetGroup: n.targetGroup ?? null,
      staffCount: n.staffCount ?? null,
      description: n.description ?? null,
      priority: n.priority ?? null,
      source: n.source ?? (dialogueId ? "dialogue" : "plan"),
      status: n.status ?? "open",
      dialogueId,
    })
    .returning();
  return row;
}

export async function addNeed(db: Db, actor: Actor | null, agreementId: string, input: NeedInput) {
  const data = parseInput(needInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    await lockFor(tx, actor, agreementId, "addNeed");
    const row = await insertNeed(tx, agreementId, data, null);
    await audit({
      action: "agreement.need_added",
      entityType: "agreement_need",
      entityId: row.id,
      after: row,
    });
  });
  return getAgreement(db, actor, agreementId);
}

export async function addAppendixRow(db: Db, actor: Actor | null, agreementId: string, input: AppendixInput) {
  const data = parseInput(appendixInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    await lockFor(tx, actor, agreementId, "addAppendix");
    if (!(await coursesByIds(tx, [data.courseId])).size)
      throw fieldErrors({ courseId: "agreements.errors.unknownCourse" });
    if (await courseInTerm(tx, agreementId, data.courseId, data.term))
      throw fieldErrors({ courseId: { key: "agreements.errors.courseTwice", params: { term: data.term } } });
    const needIds = [...new Set(data.needIds)];
    if ((await needsOfAgreement(tx, agreementId, needIds)).length !== needIds.length)
      throw fieldErrors({ needIds: "agreements.errors.unknownNeed" });
    if (data.completed != null && data.participants != null && data.completed > data.participants)
      throw fieldErrors({ completed: "agreements.errors.completedOverParticipants" });
    const [row] = await tx
      .insert(agreementAppendix)
      .values({
        agreementId,
        courseId: data.courseId,
        term: data.term,
        places: data.places,
        price: data.price ?? null,
        delivery: data.delivery ?? [],
        package: data.package ?? null,
        workCase: data.workCase ?? null,
        participants: data.participants ?? null,
        completed: data.completed ?? null,
      })
      .returning();
    if (needIds.length)
      await tx
        .insert(agreementAppendixNeeds)
        .values(needIds.map((needId) => ({ appendixId: row.id, needId })));
    await audit({
      action: "agreement.appendix_added",
      entityType: "agreement_appendix",
      entityId: row.id,
      after: { ...row, needIds },
    });
  });
  return getAgreement(db, actor, agreementId);
}

/** Records a dialogue; the needs it found join the inventory with source `dialogue`. */
export async function addDialogue(db: Db, actor: Actor | null, agreementId: string, input: DialogueInput) {
  const data = parseInput(dialogueInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    await lockFor(tx, actor, agreementId, "addDialogue");
    if (data.nextDate && data.nextDate <= data.date)
      throw fieldErrors({ nextDate: "agreements.errors.nextDateBefore" });
    const [row] = await tx
      .insert(agreementDialogues)
      .values({
        agreementId,
        date: data.date,
        participants: data.participants ?? null,
        notes: data.notes ?? null,
        decisions: data.decisions ?? null,
        nextDate: data.nextDate ?? null,
      })
      .returning();
    const needs = [];
    for (const n of data.needs ?? []) needs.push(await insertNeed(tx, agreementId, n, row.id));
    await audit({
      action: "agreement.dialogue_added",
      entityType: "agreement_dialogue",
      entityId: row.id,
      after: { ...row, needs },
    });
  });
  return getAgreement(db, actor, agreementId);
}

/** Registered with finance: spend may only be booked on an agreement that exists and has not ended. */
export const agreementSpendGuard: SpendGuard = async (tx, { agreementId }) => {
  const [row] = await tx
    .select({ status: agreements.status })
    .from(agreements)
    .where(eq(agreements.id, agreementId))
    .for("share");
  if (!row) throw fieldErrors({ agreementId: "agreements.errors.unknownAgreement" });
  if (row.status === "ended") throw fieldErrors({ agreementId: "agreements.errors.spendOnEnded" });
};
