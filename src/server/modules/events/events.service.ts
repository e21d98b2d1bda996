import { eq, inArray } from "drizzle-orm";
import {
  type CreateEventInput,
  createEventInput,
  type SessionInput,
  type UpdateEventInput,
  updateEventInput,
} from "../../../common/events.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith } from "../../platform/validation.ts";
import { createActivity, findActivityType, updateActivity } from "../activities/index.ts";
import { existingProjectIds } from "../projects/index.ts";
import { queuePromotions } from "./events.mail.ts";
import { eventsPolicy } from "./events.policy.ts";
import { type EventRecord, loadEvent } from "./events.records.ts";
import { eventNetworks, eventSeries, eventSessions, events } from "./events.schema.ts";
import { stockholmInstant } from "./local-time.ts";
import { promoteFromWaitlist } from "./registrations.write.ts";

export { listEvents } from "./events.queries.ts";
export type { EventRecord } from "./events.records.ts";

/**
 * Events: an activity of a meeting kind (created through the activities service, so its rules and
 * audit apply) plus the event's own settings and sessions, written in one transaction.
 */

export async function getEvent(db: Db, actor: Actor | null, id: string): Promise<EventRecord> {
  authorize(actor, eventsPolicy, "read", null);
  const record = await loadEvent(db, id);
  if (!record) throw notFound();
  return record;
}

/** "Eskilstuna resp. Västerås": the activity's place summarises the sessions' places. */
function placeOf(sessions: SessionInput[], fallback: string | null | undefined) {
  const places = [...new Set(sessions.map((s) => s.place?.trim()).filter((p): p is string => !!p))];
  if (!places.length) return fallback ?? null;
  if (places.length === 2) return `${places[0]} resp. ${places[1]}`;
  return places.join(", ");
}

function datesOf(sessions: SessionInput[]) {
  if (!sessions.length) return {};
  const dates = sessions.map((s) => s.date).sort();
  return { startDate: dates[0], endDate: dates[dates.length - 1] };
}

async function checkMeetingType(tx: Tx, typeKey: string) {
  const type = await findActivityType(tx, typeKey);
  if (type && type.category !== "meeting") throw fieldErrors({ typeKey: "validation.events.notMeetingType" });
}

async function checkLinks(
  tx: Tx,
  links: { seriesId?: string | null; networkId?: string | null; projectId?: string | null },
) {
  const checks = [
    ["seriesId", links.seriesId, eventSeries],
    ["networkId", links.networkId, eventNetworks],
  ] as const;
  for (const [field, id, table] of checks) {
    if (!id) continue;
    const [found] = await tx.select({ id: table.id }).from(table).where(eq(table.id, id));
    if (!found) throw fieldErrors({ [field]: "validation.events.unknownLink" });
  }
  if (links.projectId && !(await existingProjectIds(tx, [links.projectId])).has(links.projectId))
    throw fieldErrors({ projectId: "validation.events.unknownLink" });
}

async function writeSessions(tx: Tx, eventId: string, sessions: SessionInput[]) {
  await tx.delete(eventSessions).where(eq(eventSessions.eventId, eventId));
  if (!sessions.length) return;
  await tx.insert(eventSessions).values(
    sessions.map((s) => ({
      eventId,
      startsAt: stockholmInstant(s.date, s.startTime),
      endsAt: stockholmInstant(s.date, s.endTime),
      place: s.place?.trim() || null,
    })),
  );
}

async function snapshot(tx: Tx, id: string) {
  const [row] = await tx.select().from(events).where(eq(events.activityId, id));
  const sessions = await tx.select().from(eventSessions).where(eq(eventSessions.eventId, id));
  return row ? { ...row, sessions } : null;
}

export async function createEvent(
  db: Db,
  actor: Actor | null,
  input: CreateEventInput,
): Promise<EventRecord> {
  return (await loadEvent(db, await createEventId(db, actor, input)))!;
}

/** `createEvent` without reading the new event back (ten queries): its id, for a caller that needs no more (the demo). */
export async function createEventId(db: Db, actor: Actor | null, input: CreateEventInput): Promise<string> {
  requireActor(actor);
  authorize(actor, eventsPolicy, "create", null);
  const data = parseWith(createEventInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    await checkMeetingType(tx, data.typeKey);
    await checkLinks(tx, data);
    // The activity is written by its own service inside this transaction (a savepoint), so both land or neither.
    const activity = await createActivity(tx as unknown as Db, actor, {
      title: data.title,
      typeKey: data.typeKey,
      description: data.description ?? null,
      status: data.status,
      organiserIds: data.organiserIds,
      organisationIds: data.organisationIds,
      programmeIds: data.programmeIds,
      tags: data.tags,
      evidenceLinks: data.evidenceLinks,
      participants: data.estimatedParticipants,
      place: placeOf(data.sessions, null),
      ...datesOf(data.sessions),
    });
    await tx.insert(events).values({
      activityId: activity.id,
      capacity: data.capacity,
      visibility: data.visibility,
      waitlist: data.waitlist,
      registrationEnabled: data.registrationEnabled,
      registrationOpensAt: data.registrationOpensAt ? new Date(data.registrationOpensAt) : null,
      registrationClosesAt: data.registrationClosesAt ? new Date(data.registrationClosesAt) : null,
      questions: data.questions,
      theme: data.theme ?? null,
      audience: data.audience ?? null,
      contactEmail: data.contactEmail,
      seriesId: data.seriesId,
      networkId: data.networkId,
      projectId: data.projectId,
    });
    await writeSessions(tx, activity.id, data.sessions);
    await audit({
      action: "event.create",
      entityType: "event",
      entityId: activity.id,
      after: await snapshot(tx, activity.id),
    });
    return activity.id;
  });
}

export async function updateEvent(
  db: Db,
  actor: Actor | null,
  id: string,
  input: UpdateEventInput,
  publicUrl: string,
): Promise<{ record: EventRecord; promoted: string[] }> {
  requireActor(actor);
  const existing = await loadEvent(db, id);
  if (!existing) throw notFound();
  authorize(actor, eventsPolicy, "update", null);
  const data = parseWith(updateEventInput, input);
  const promoted = await writeWithAudit(db, actor, async (tx, audit) => {
    const before = await snapshot(tx, id);
    if (data.typeKey !== undefined) await checkMeetingType(tx, data.typeKey);
    await checkLinks(tx, data);
    const activityPatch = {
      title: data.title,
      typeKey: data.typeKey,
      description: data.description,
      status: data.status,
      organiserIds: data.organiserIds,
      organisationIds: data.organisationIds,
      programmeIds: data.programmeIds,
      tags: data.tags,
      evidenceLinks: data.evidenceLinks,
      participants: data.estimatedParticipants,
      ...(data.sessions
        ? { place: placeOf(data.sessions, existing.activity.place), ...datesOf(data.sessions) }
        : {}),
    };
    const defined = Object.fromEntries(Object.entries(activityPatch).filter(([, v]) => v !== undefined));
    if (Object.keys(defined).length) await updateActivity(tx as unknown as Db, actor, id, defined);
    const eventPatch = {
      capacity: data.capacity,
      visibility: data.visibility,
      waitlist: data.waitlist,
      registrationEnabled: data.registrationEnabled,
      registrationOpensAt:
        data.registrationOpensAt === undefined
          ? undefined
          : data.registrationOpensAt && new Date(data.registrationOpensAt),
      registrationClosesAt:
        data.registrationClosesAt === undefined
          ? undefined
          : data.registrationClosesAt && new Date(data.registrationClosesAt),
      questions: data.questions,
      theme: data.theme,
      audience: data.audience,
      contactEmail: data.contactEmail,
      seriesId: data.seriesId,
      networkId: data.networkId,
      projectId: data.projectId,
    };
    const changes = Object.fromEntries(Object.entries(eventPatch).filter(([, v]) => v !== undefined));
    await tx
      .update(events)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(events.activityId, id));
    if (data.sessions) await writeSessions(tx, id, data.sessions);
    await audit({
      action: "event.update",
      entityType: "event",
      entityId: id,
      before,
      after: await snapshot(tx, id),
    });
    // More places (or no limit any more) move people up from the waiting list; they are told by e-mail.
    const promoted = await promoteFromWaitlist(tx, audit, id);
    await queuePromotions(tx, id, promoted, publicUrl);
    return promoted;
  });
  return { record: (await loadEvent(db, id))!, promoted };
}

/** The events among `ids` that exist; for other modules linking to events. */
export async function existingEventIds(db: Db | Tx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.select({ id: events.activityId }).from(events).where(inArray(events.activityId, ids));
  return rows.map((r) => r.id);
}
