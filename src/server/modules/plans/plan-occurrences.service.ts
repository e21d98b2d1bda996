import { and, asc, eq, isNull, notInArray } from "drizzle-orm";
import {
  maxOccurrences,
  type OccurrenceDoneInput,
  occurrenceDates,
  occurrenceDoneInput,
  type RecurrenceFrequency,
} from "../../../common/plans.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { actorUserId } from "../goals/index.ts";
import { occurrencePolicy } from "./plans.policy.ts";
import { planItemOccurrences, planItems } from "./plans.schema.ts";

export interface Recurrence {
  recurrenceFrequency: string | null;
  recurrenceStart: string | null;
  recurrenceEnd: string | null;
}

/** A schedule needs its start and end, in order, and at most `maxOccurrences` occurrences. */
export function checkRecurrence(r: Recurrence) {
  if (!r.recurrenceFrequency) return;
  if (!r.recurrenceStart) throw fieldErrors({ recurrenceStart: "plans.errors.recurrenceStartMissing" });
  if (!r.recurrenceEnd) throw fieldErrors({ recurrenceEnd: "plans.errors.recurrenceEndMissing" });
  if (r.recurrenceEnd < r.recurrenceStart) throw fieldErrors({ recurrenceEnd: "plans.errors.periodOrder" });
  const dates = occurrenceDates(
    r.recurrenceFrequency as RecurrenceFrequency,
    r.recurrenceStart,
    r.recurrenceEnd,
  );
  if (dates.length > maxOccurrences)
    throw fieldErrors({
      recurrenceEnd: { key: "plans.errors.tooManyOccurrences", params: { max: maxOccurrences } },
    });
}

/**
 * Schedules the item's occurrences from its recurrence: the dates the schedule gives are added,
 * open occurrences it no longer gives are removed, and done ones are kept as the record of what was done.
 */
export async function scheduleOccurrences(tx: Tx, itemId: string, r: Recurrence) {
  const dates =
    r.recurrenceFrequency && r.recurrenceStart && r.recurrenceEnd
      ? occurrenceDates(r.recurrenceFrequency as RecurrenceFrequency, r.recurrenceStart, r.recurrenceEnd)
      : [];
  await tx
    .delete(planItemOccurrences)
    .where(
      and(
        eq(planItemOccurrences.itemId, itemId),
        isNull(planItemOccurrences.doneAt),
        ...(dates.length ? [notInArray(planItemOccurrences.dueDate, dates)] : []),
      ),
    );
  if (dates.length)
    await tx
      .insert(planItemOccurrences)
      .values(dates.map((dueDate) => ({ itemId, dueDate })))
      .onConflictDoNothing();
}

async function itemOf(db: Db | Tx, itemId: string, planId?: string) {
  const [item] = await db
    .select({ id: planItems.id, planId: planItems.planId })
    .from(planItems)
    .where(eq(planItems.id, itemId));
  if (!item || (planId && item.planId !== planId)) throw notFound();
  return item;
}

/** The item's occurrences in date order, done or not. */
export async function listOccurrences(db: Db, actor: Actor | null, planId: string, itemId: string) {
  authorize(actor, occurrencePolicy, "read", null);
  await itemOf(db, itemId, planId);
  return db
    .select()
    .from(planItemOccurrences)
    .where(eq(planItemOccurrences.itemId, itemId))
    .orderBy(asc(planItemOccurrences.dueDate));
}

/** Records that an occurrence was done, by whom and when; an occurrence already done is refused. */
export async function markOccurrenceDone(
  db: Db,
  actor: Actor | null,
  planId: string,
  itemId: string,
  occurrenceId: string,
  raw: OccurrenceDoneInput,
) {
  authorize(actor, occurrencePolicy, "read", null);
  await itemOf(db, itemId, planId);
  authorize(actor, occurrencePolicy, "markDone", null);
  const input = parseInput(occurrenceDoneInput, raw ?? {});
  return writeWithAudit(db, actor as Actor, async (tx, audit) => {
    const [before] = await tx
      .select()
      .from(planItemOccurrences)
      .where(and(eq(planItemOccurrences.id, occurrenceId), eq(planItemOccurrences.itemId, itemId)));
    if (!before) throw notFound();
    if (before.doneAt) throw fieldErrors({ occurrenceId: "plans.errors.occurrenceAlreadyDone" });
    const [after] = await tx
      .update(planItemOccurrences)
      .set({
        doneAt: new Date(),
        doneById: actorUserId(actor as Actor),
        doneByName: (actor as Actor).name,
        note: input.note ?? null,
      })
      .where(eq(planItemOccurrences.id, occurrenceId))
      .returning();
    await audit({
      action: "plans.occurrence_done",
      entityType: "plan_item",
      entityId: itemId,
      before,
      after,
    });
    return after;
  });
}
