import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { rating, type WalkInInput, walkInInput } from "../../../common/events.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { notFound } from "../../platform/errors.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { parseWith } from "../../platform/validation.ts";
import { organisationIdsByNames } from "../organisations/index.ts";
import { ensureMemberships, findOrCreateParticipants } from "../people/index.ts";
import { eventEndsAt, eventStartsAt } from "./events.records.ts";
import { eventFeedback, eventRegistrations } from "./events.schema.ts";
import { organisedEvent } from "./participants.service.ts";
import { lockEvent, randomCheckinCode } from "./registrations.write.ts";

/**
 * An event's attendance list recorded afterwards (a signed list, a project's records, an import):
 * everyone on it in one transaction and a handful of statements, however long the list. People are
 * matched by e-mail and never duplicated; names already registered to the event are left as they are.
 */
export interface AttendanceListEntry extends WalkInInput {
  attended: boolean;
  /** A paper evaluation handed in at the event, entered with the list. */
  feedback?: { rating: number; comment?: string | null };
}

const CHUNK = 500;
const chunks = <T>(list: T[]) =>
  Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

export async function recordAttendanceList(
  db: Db,
  actor: Actor | null,
  eventId: string,
  list: AttendanceListEntry[],
) {
  const record = await organisedEvent(db, actor, eventId);
  const attendedAt = eventStartsAt(record) ?? eventEndsAt(record) ?? new Date();
  const entries = list.map(({ attended, feedback, ...entry }) => ({
    data: parseWith(walkInInput, entry),
    attended,
    feedback: feedback
      ? { rating: parseWith(rating, feedback.rating), comment: feedback.comment ?? null }
      : null,
  }));
  return writeWithAudit(db, actor, async (tx, audit) => {
    const event = await lockEvent(tx, eventId);
    if (!event) throw notFound();
    const emails = [...new Set(entries.map((e) => e.data.email).filter((e): e is string => !!e))];
    const already = emails.length
      ? await tx
          .select({ email: eventRegistrations.email })
          .from(eventRegistrations)
          .where(
            and(
              eq(eventRegistrations.eventId, eventId),
              inArray(eventRegistrations.email, emails),
              sql`${eventRegistrations.status} <> 'cancelled'`,
            ),
          )
      : [];
    const seen = new Set(already.map((r) => r.email));
    const fresh = entries.filter((e) => !e.data.email || (!seen.has(e.data.email) && seen.add(e.data.email)));
    const orgIds = await organisationIdsByNames(tx, [
      ...new Set(fresh.map((e) => e.data.organisation).filter((o): o is string => !!o)),
    ]);
    const personIds = await findOrCreateParticipants(
      tx,
      fresh
        .filter((e) => e.data.email)
        .map((e) => ({ name: e.data.name, email: e.data.email!, role: e.data.role ?? null })),
    );
    const codes = new Set(
      (
        await tx
          .select({ code: eventRegistrations.checkinCode })
          .from(eventRegistrations)
          .where(eq(eventRegistrations.eventId, eventId))
      ).map((r) => r.code),
    );
    const rows = fresh.map((e) => {
      let code = randomCheckinCode();
      while (codes.has(code)) code = randomCheckinCode();
      codes.add(code);
      const organisationId = e.data.organisation
        ? (orgIds.get(e.data.organisation.toLowerCase()) ?? null)
        : null;
      return {
        id: randomUUID(),
        eventId,
        personId: e.data.email ? (personIds.get(e.data.email) ?? null) : null,
        name: e.data.name,
        email: e.data.email ?? null,
        organisationName: e.data.organisation ?? null,
        organisationId,
        role: e.data.role ?? null,
        roleKey: e.data.roleKey ?? null,
        municipality: e.data.municipality ?? null,
        status: "confirmed",
        source: "list",
        attendedAt: e.attended ? attendedAt : null,
        tokenHash: hashToken(newToken()),
        checkinCode: code,
      };
    });
    await ensureMemberships(
      tx,
      rows
        .filter((r) => r.personId && r.organisationId)
        .map((r) => ({ personId: r.personId!, organisationId: r.organisationId!, role: r.role })),
    );
    for (const part of chunks(rows)) await tx.insert(eventRegistrations).values(part);
    const feedback = fresh
      .map((e, i) =>
        e.feedback
          ? { registrationId: rows[i].id, eventId, rating: e.feedback.rating, comment: e.feedback.comment }
          : null,
      )
      .filter((f) => f !== null);
    for (const part of chunks(feedback)) await tx.insert(eventFeedback).values(part);
    await audit({
      action: "registration.importList",
      entityType: "event",
      entityId: eventId,
      after: { added: rows.length },
    });
    return rows.length;
  });
}
