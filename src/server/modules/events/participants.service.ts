import { asc, eq } from "drizzle-orm";
import {
  type AttendanceInput,
  attendanceInput,
  type ParticipantStatus,
  type WalkInInput,
  walkInInput,
} from "../../../common/events.ts";
import type { Db } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { notFound } from "../../platform/errors.ts";
import { parseWith } from "../../platform/validation.ts";
import { eventsPolicy } from "./events.policy.ts";
import { loadEvent } from "./events.records.ts";
import { eventAccessibilityNeeds, eventDietaryNeeds, eventRegistrations } from "./events.schema.ts";
import { findRegistrationInEvent } from "./registrations.service.ts";
import { insertRegistration, lockEvent, type RegistrationRow } from "./registrations.write.ts";

/** The organiser's side of participants: the list, check-in and walk-ins (attendance lists: attendance-list.service.ts). */

export interface ParticipantRecord extends RegistrationRow {
  dietary: string | null;
  /** Shown to the organiser until purged; never the gender answer (that is only counted). */
  accessibility?: string | null;
}

export const participantStatus = (row: RegistrationRow): ParticipantStatus =>
  row.attendedAt ? "attended" : (row.status as ParticipantStatus);

/** The event, when it exists and the actor organises events (404 before 403: existence first). */
export async function organisedEvent(db: Db, actor: Actor | null, eventId: string) {
  requireActor(actor);
  const record = await loadEvent(db, eventId);
  if (!record) throw notFound();
  authorize(actor, eventsPolicy, "manageParticipants", null);
  return record;
}

/** Everyone registered to an event, in order of registration, with dietary needs while they are kept. */
export async function listParticipants(
  db: Db,
  actor: Actor | null,
  eventId: string,
  status?: ParticipantStatus,
): Promise<ParticipantRecord[]> {
  await organisedEvent(db, actor, eventId);
  const rows = await db
    .select({
      registration: eventRegistrations,
      dietary: eventDietaryNeeds.needs,
      accessibility: eventAccessibilityNeeds.needs,
    })
    .from(eventRegistrations)
    .leftJoin(eventDietaryNeeds, eq(eventDietaryNeeds.registrationId, eventRegistrations.id))
    .leftJoin(eventAccessibilityNeeds, eq(eventAccessibilityNeeds.registrationId, eventRegistrations.id))
    .where(eq(eventRegistrations.eventId, eventId))
    .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id));
  return rows
    .map((r) => ({ ...r.registration, dietary: r.dietary, accessibility: r.accessibility }))
    .filter((r) => !status || participantStatus(r) === status);
}

/** Checks a person in (or undoes it), found by registration id or by the code on their confirmation. */
export async function setAttendance(db: Db, actor: Actor | null, eventId: string, input: AttendanceInput) {
  await organisedEvent(db, actor, eventId);
  const data = parseWith(attendanceInput, input);
  const row = await findRegistrationInEvent(db, eventId, { id: data.registrationId, code: data.code });
  if (!row) throw notFound();
  return writeWithAudit(db, actor, async (tx, audit) => {
    const attendedAt = data.attended ? (row.attendedAt ?? new Date()) : null;
    const [after] = await tx
      .update(eventRegistrations)
      .set({ attendedAt, updatedAt: new Date() })
      .where(eq(eventRegistrations.id, row.id))
      .returning();
    await audit({
      action: data.attended ? "registration.checkIn" : "registration.undoCheckIn",
      entityType: "event_registration",
      entityId: row.id,
      before: { attendedAt: row.attendedAt },
      after: { attendedAt },
    });
    return { ...after, dietary: null };
  });
}

/** Someone who came without registering: recorded as attended now. */
export async function addWalkIn(db: Db, actor: Actor | null, eventId: string, input: WalkInInput) {
  await organisedEvent(db, actor, eventId);
  const data = parseWith(walkInInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const event = await lockEvent(tx, eventId);
    if (!event) throw notFound();
    const { row } = await insertRegistration(tx, event, {
      name: data.name,
      email: data.email ?? null,
      organisation: data.organisation ?? null,
      municipality: data.municipality ?? null,
      role: data.role ?? null,
      roleKey: data.roleKey ?? null,
      dietary: null,
      consentInvitations: false,
      source: "walk_in",
      attendedAt: new Date(),
    });
    await audit({
      action: "registration.walkIn",
      entityType: "event_registration",
      entityId: row.id,
      after: { eventId },
    });
    return { ...row, dietary: null } as ParticipantRecord;
  });
}
