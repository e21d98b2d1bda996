import { and, eq, ne } from "drizzle-orm";
import {
  type CreatePlanItemInput,
  createPlanItemInput,
  type ItemActivityInput,
  itemActivityInput,
  type ProgressInput,
  parsePlanStart,
  progressInput,
  type UpdatePlanItemInput,
  updatePlanItemInput,
} from "../../../common/plans.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { uniqueIds } from "../../platform/parse-input.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { activityTitles, createActivity } from "../activities/index.ts";
import { actorUserId, setGoalLinks } from "../goals/index.ts";
import { organisationNames } from "../organisations/index.ts";
import { checkRecurrence, type Recurrence, scheduleOccurrences } from "./plan-occurrences.service.ts";
import { plansPolicy } from "./plans.policy.ts";
import {
  planItemActivities,
  planItemOrganisations,
  planItemProgress,
  planItems,
  planPhases,
  planSections,
  plans,
} from "./plans.schema.ts";

/** "Q4 2013" → 2013-10-01; text in which no start can be found is an input error. */
function parsedStart(startText: string | null | undefined) {
  if (!startText) return null;
  const date = parsePlanStart(startText);
  if (!date) throw fieldErrors({ startText: "plans.errors.startUnrecognised" });
  return date;
}

/** Section and phase must be the plan's own; responsible units must exist. */
async function checkParts(
  tx: Tx,
  planId: string,
  input: { sectionId?: string | null; phaseId?: string | null; responsibleOrganisationIds?: string[] },
) {
  if (input.sectionId) {
    const [s] = await tx
      .select({ id: planSections.id })
      .from(planSections)
      .where(and(eq(planSections.id, input.sectionId), eq(planSections.planId, planId)));
    if (!s) throw fieldErrors({ sectionId: "plans.errors.unknownSection" });
  }
  if (input.phaseId) {
    const [p] = await tx
      .select({ id: planPhases.id })
      .from(planPhases)
      .where(and(eq(planPhases.id, input.phaseId), eq(planPhases.planId, planId)));
    if (!p) throw fieldErrors({ phaseId: "plans.errors.unknownPhase" });
  }
  const orgIds = uniqueIds(input.responsibleOrganisationIds ?? []);
  if (orgIds.length) {
    const found = await organisationNames(tx, orgIds);
    if (found.size !== orgIds.length)
      throw fieldErrors({ responsibleOrganisationIds: "plans.errors.unknownOrganisation" });
  }
}

async function checkNumberFree(tx: Tx, planId: string, number: number, exceptId?: string) {
  const [taken] = await tx
    .select({ id: planItems.id })
    .from(planItems)
    .where(
      and(
        eq(planItems.planId, planId),
        eq(planItems.number, number),
        ...(exceptId ? [ne(planItems.id, exceptId)] : []),
      ),
    );
  if (taken) throw fieldErrors({ number: { key: "plans.errors.numberTaken", params: { number } } });
}

async function setResponsible(tx: Tx, itemId: string, organisationIds: string[]) {
  await tx.delete(planItemOrganisations).where(eq(planItemOrganisations.itemId, itemId));
  const ids = uniqueIds(organisationIds);
  if (ids.length)
    await tx.insert(planItemOrganisations).values(ids.map((organisationId) => ({ itemId, organisationId })));
}

async function itemOfPlan(tx: Db | Tx, planId: string, itemId: string) {
  const [item] = await tx
    .select()
    .from(planItems)
    .where(and(eq(planItems.id, itemId), eq(planItems.planId, planId)));
  if (!item) throw notFound();
  return item;
}

export async function createPlanItem(db: Db, actor: Actor, planId: string, raw: CreatePlanItemInput) {
  authorize(actor, plansPolicy, "manage", null);
  const input = parseInput(createPlanItemInput, raw);
  const startDate = parsedStart(input.startText);
  const recurrence: Recurrence = {
    recurrenceFrequency: input.recurrenceFrequency ?? null,
    recurrenceStart: input.recurrenceStart ?? null,
    recurrenceEnd: input.recurrenceEnd ?? null,
  };
  checkRecurrence(recurrence);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
    if (!plan) throw notFound();
    await checkParts(tx, planId, input);
    await checkNumberFree(tx, planId, input.number);
    const { goalIds, responsibleOrganisationIds, ...fields } = input;
    const [item] = await tx
      .insert(planItems)
      .values({ ...fields, planId, startDate })
      .returning();
    await setGoalLinks(tx, "planItem", item.id, goalIds);
    await setResponsible(tx, item.id, responsibleOrganisationIds);
    await scheduleOccurrences(tx, item.id, recurrence);
    await audit({ action: "plans.item_created", entityType: "plan_item", entityId: item.id, after: input });
    return item.id;
  });
}

export async function updatePlanItem(
  db: Db,
  actor: Actor,
  planId: string,
  itemId: string,
  raw: UpdatePlanItemInput,
) {
  authorize(actor, plansPolicy, "manage", null);
  const input = parseInput(updatePlanItemInput, raw);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const before = await itemOfPlan(tx, planId, itemId);
    await checkParts(tx, planId, input);
    if (input.number !== undefined) await checkNumberFree(tx, planId, input.number, itemId);
    const { goalIds, responsibleOrganisationIds, ...fields } = input;
    const changes: Record<string, unknown> = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    );
    if (input.startText !== undefined) changes.startDate = parsedStart(input.startText);
    const rescheduled = (["recurrenceFrequency", "recurrenceStart", "recurrenceEnd"] as const).some(
      (k) => input[k] !== undefined,
    );
    const recurrence: Recurrence = {
      recurrenceFrequency:
        input.recurrenceFrequency === undefined ? before.recurrenceFrequency : input.recurrenceFrequency,
      recurrenceStart: input.recurrenceStart === undefined ? before.recurrenceStart : input.recurrenceStart,
      recurrenceEnd: input.recurrenceEnd === undefined ? before.recurrenceEnd : input.recurrenceEnd,
    };
    if (rescheduled) checkRecurrence(recurrence);
    const [after] = await tx
      .update(planItems)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(planItems.id, itemId))
      .returning();
    if (goalIds) await setGoalLinks(tx, "planItem", itemId, goalIds);
    if (responsibleOrganisationIds) await setResponsible(tx, itemId, responsibleOrganisationIds);
    if (rescheduled) await scheduleOccurrences(tx, itemId, recurrence);
    await audit({
      action: "plans.item_updated",
      entityType: "plan_item",
      entityId: itemId,
      before,
      after: { ...after, goalIds, responsibleOrganisationIds },
    });
  });
}

export async function deletePlanItem(db: Db, actor: Actor, planId: string, itemId: string) {
  authorize(actor, plansPolicy, "manage", null);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const before = await itemOfPlan(tx, planId, itemId);
    await tx.delete(planItems).where(eq(planItems.id, itemId));
    await audit({ action: "plans.item_deleted", entityType: "plan_item", entityId: itemId, before });
  });
}

/** A dated progress note; a status in it becomes the item's status. */
export async function addProgress(db: Db, actor: Actor, planId: string, itemId: string, raw: ProgressInput) {
  authorize(actor, plansPolicy, "manage", null);
  const input = parseInput(progressInput, raw);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const item = await itemOfPlan(tx, planId, itemId);
    const [row] = await tx
      .insert(planItemProgress)
      .values({
        itemId,
        date: input.date ?? new Date().toISOString().slice(0, 10),
        status: input.status ?? null,
        note: input.note,
        authorId: actorUserId(actor),
        authorName: actor.name,
      })
      .returning();
    if (input.status && input.status !== item.status)
      await tx
        .update(planItems)
        .set({ status: input.status, updatedAt: new Date() })
        .where(eq(planItems.id, itemId));
    await audit({
      action: "plans.progress_added",
      entityType: "plan_item",
      entityId: itemId,
      before: { status: item.status },
      after: row,
    });
    return row.id;
  });
}

/**
 * Links an activity to the item as its delivery, or creates one through the activities service
 * (titled after the item unless given). The activity's own rules and audit apply to the creation.
 */
export async function addItemActivity(
  db: Db,
  actor: Actor,
  planId: string,
  itemId: string,
  raw: ItemActivityInput,
) {
  authorize(actor, plansPolicy, "manage", null);
  const input = parseInput(itemActivityInput, raw);
  const item = await itemOfPlan(db, planId, itemId);
  let activityId: string;
  if ("activityId" in input) {
    if (!(await activityTitles(db, [input.activityId])).has(input.activityId))
      throw fieldErrors({ activityId: "plans.errors.unknownActivity" });
    activityId = input.activityId;
  } else {
    const created = await createActivity(db, actor, {
      ...input.activity,
      title: input.activity.title ?? `${item.number}. ${item.title}`,
    });
    activityId = created.id;
  }
  await writeWithAudit(db, actor, async (tx, audit) => {
    await tx.insert(planItemActivities).values({ itemId, activityId }).onConflictDoNothing();
    await audit({
      action: "plans.activity_linked",
      entityType: "plan_item",
      entityId: itemId,
      after: { activityId },
    });
  });
  return activityId;
}

export async function removeItemActivity(
  db: Db,
  actor: Actor,
  planId: string,
  itemId: string,
  activityId: string,
) {
  authorize(actor, plansPolicy, "manage", null);
  await writeWithAudit(db, actor, async (tx, audit) => {
    await itemOfPlan(tx, planId, itemId);
    const removed = await tx
      .delete(planItemActivities)
      .where(and(eq(planItemActivities.itemId, itemId), eq(planItemActivities.activityId, activityId)))
      .returning();
    if (!removed.length) throw notFound();
    await audit({
      action: "plans.activity_unlinked",
      entityType: "plan_item",
      entityId: itemId,
      before: { activityId },
    });
  });
}
