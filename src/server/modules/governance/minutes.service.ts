import { and, eq } from "drizzle-orm";
import { type MinutesInput, minutesInput } from "../../../common/governance.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith } from "../../platform/validation.ts";
import { existingPersonIds } from "../people/index.ts";
import { governancePolicy } from "./governance.policy.ts";
import { governanceAgendaItems, governanceMeetings } from "./governance.schema.ts";
import { getMeeting, loadMeeting } from "./meetings.service.ts";
import { seatsOf, standingIn } from "./standing.ts";

/**
 * Minutes (protokoll): the text as a whole, notes per agenda item, attendance and the adjusters
 * (justerare). Approval makes them final: after it neither the minutes nor their decisions change
 * (409); a correction is a new decision in a later meeting.
 */

const approvedConflict = () =>
  new AppError(
    "conflict",
    "governance.errors.minutesApproved",
    {},
    {
      minutes: [{ key: "governance.errors.minutesApproved" }],
    },
  );

/** Locks the meeting, checks the actor may manage it and that its minutes are still open. */
export async function openMeetingForWrite(
  tx: Tx,
  actor: Actor | null,
  seats: Map<string, boolean>,
  id: string,
) {
  const meeting = await loadMeeting(tx, id, true);
  const standing = standingIn(seats, meeting?.bodyId ?? "", meeting?.public ?? false);
  authorize(actor, governancePolicy, "readMeeting", standing);
  if (!meeting) throw notFound();
  authorize(actor, governancePolicy, "manageMeeting", standing);
  return meeting;
}

async function checkPeople(tx: Tx, field: string, ids: string[]) {
  if (!ids.length) return;
  const unique = [...new Set(ids)];
  if ((await existingPersonIds(tx, unique)).size !== unique.length)
    throw fieldErrors({ [field]: "governance.errors.unknownPerson" });
}

export async function saveMinutes(db: Db, actor: Actor | null, id: string, input: MinutesInput) {
  const seats = await seatsOf(db, actor);
  const data = parseWith(minutesInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const meeting = await openMeetingForWrite(tx, actor, seats, id);
    if (meeting.approvedAt) throw approvedConflict();
    if (data.attendance) await checkPeople(tx, "attendance", data.attendance);
    if (data.adjusters) await checkPeople(tx, "adjusters", data.adjusters);
    for (const item of data.items ?? []) {
      const updated = await tx
        .update(governanceAgendaItems)
        .set({ notes: item.notes ?? null })
        .where(and(eq(governanceAgendaItems.id, item.agendaItemId), eq(governanceAgendaItems.meetingId, id)))
        .returning({ id: governanceAgendaItems.id });
      if (!updated.length) throw fieldErrors({ items: "governance.errors.unknownAgendaItem" });
    }
    const [row] = await tx
      .update(governanceMeetings)
      .set({
        minutesText: data.text,
        ...(data.attendance ? { attendance: [...new Set(data.attendance)] } : {}),
        ...(data.adjusters ? { adjusters: [...new Set(data.adjusters)] } : {}),
        ...(data.public !== undefined ? { public: data.public } : {}),
        updatedAt: new Date(),
      })
      .where(eq(governanceMeetings.id, id))
      .returning();
    await audit({
      action: "update",
      entityType: "governance_minutes",
      entityId: id,
      before: meeting,
      after: row,
    });
  });
  return getMeeting(db, actor, id);
}

/** Approval after the adjusters' check: the minutes need text and at least one named adjuster. */
export async function approveMinutes(db: Db, actor: Actor | null, id: string) {
  const seats = await seatsOf(db, actor);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const meeting = await openMeetingForWrite(tx, actor, seats, id);
    if (meeting.approvedAt) throw approvedConflict();
    if (!meeting.minutesText?.trim()) throw fieldErrors({ text: "governance.errors.minutesEmpty" });
    if (!meeting.adjusters.length) throw fieldErrors({ adjusters: "governance.errors.adjustersRequired" });
    const [row] = await tx
      .update(governanceMeetings)
      .set({ approvedAt: new Date(), approvedBy: actor?.name ?? null, updatedAt: new Date() })
      .where(eq(governanceMeetings.id, id))
      .returning();
    await audit({
      action: "approve",
      entityType: "governance_minutes",
      entityId: id,
      before: meeting,
      after: row,
    });
  });
  return getMeeting(db, actor, id);
}
