import { and, eq, sql } from "drizzle-orm";
import {
  type RegistrationInput,
  registrationInput,
  type UpdateRegistrationInput,
  updateRegistrationInput,
} from "../../../common/events.ts";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { parseWith } from "../../platform/validation.ts";
import { endedEventsBefore } from "../../read/events-ended.ts";
import { type MailOrigin, releaseReservedMails, reserveAnonymousMail } from "../mail/index.ts";
import { organisationIdByName } from "../organisations/index.ts";
import {
  checkinQrPng,
  checkinQrPngOffThread,
  confirmationAttachments,
  confirmationMail,
  queuePromotions,
} from "./events.mail.ts";
import { eventsPolicy } from "./events.policy.ts";
import {
  type EventRecord,
  eventEndsAt,
  eventStartsAt,
  loadEvent,
  loadRegistrationEvent,
  type RegistrationEvent,
} from "./events.records.ts";
import {
  eventAccessibilityNeeds,
  eventDietaryNeeds,
  eventFeedback,
  eventGenderAnswers,
  eventRegistrations,
} from "./events.schema.ts";
import { registerInBatch } from "./registration-batches.ts";
import {
  answersFor,
  lockEvent,
  promoteFromWaitlist,
  type RegistrationRow,
  randomCheckinCode,
  waitlistPosition,
} from "./registrations.write.ts";

/**
 * Registration without an account: the public form, and the personal link (a token, stored hashed)
 * through which a participant sees, changes or cancels their own registration and later gives feedback.
 * The link reaches exactly one registration; an unknown token is 404 like anything that does not exist.
 */

const refuse = (
  code: "eventStarted" | "registrationNotOpen" | "registrationClosed" | "registrationCancelled",
) => new AppError(code);

/** How long after the event the personal link still shows the registration and takes feedback. */
export const LINK_DAYS_AFTER_EVENT = 30;
const DAY = 86_400_000;

/**
 * The personal link is a bearer key sent by e-mail, so it does not live for ever: it answers 410 once
 * the event is more than LINK_DAYS_AFTER_EVENT days over (feedback is given before that).
 */
function assertLinkValid(record: EventRecord, now: Date) {
  const ends = eventEndsAt(record);
  if (ends && now.getTime() > ends.getTime() + LINK_DAYS_AFTER_EVENT * DAY)
    throw new AppError("linkExpired", undefined, { days: LINK_DAYS_AFTER_EVENT });
}

/** A registration is changed or cancelled only before the event begins (409 after). */
function assertChangeable(record: EventRecord, now: Date) {
  assertLinkValid(record, now);
  const starts = eventStartsAt(record);
  if (starts && starts <= now) throw refuse("eventStarted");
}

export interface RegistrationOutcome {
  row: Pick<RegistrationRow, "id" | "eventId" | "name" | "email" | "status" | "source" | "checkinCode">;
  token: string;
  position: number | null;
  /** A confirmation is in the outbox (every public registration has an e-mail address). */
  emailQueued: boolean;
}

/**
 * Registers for a public event and queues the confirmation mail in the same transaction. Internal
 * events are not found by the public. The caller nudges the mail sender after this returns.
 *
 * Everything that needs no lock comes first: reading the event, checking the answers, the QR image and
 * the .ics, the organisation, and the mail's place under the caps on anonymous mail (in its own short
 * transaction: the caps' locks are per sender's address, so held to the commit they made every
 * registration from one address wait for the one before). Then the registration joins the event's next
 * batch (registration-batches.ts), which decides its place under the event lock together with the
 * others that arrived meanwhile (issue 14, goal 4).
 */
/**
 * The event as a registration reads it before it joins a batch, shared by the registrations that ask while one
 * read is under way (in a rush, fifty registrations read it once instead of fifty times, three statements each).
 * A read that joins sees what the read it joins saw, a few milliseconds old: the place is decided under the
 * event lock with the event as it is then.
 */
const eventReads = new WeakMap<Db, Map<string, Promise<RegistrationEvent | null>>>();
function readRegistrationEvent(db: Db, eventId: string) {
  const reads = eventReads.get(db) ?? new Map<string, Promise<RegistrationEvent | null>>();
  eventReads.set(db, reads);
  const running = reads.get(eventId);
  if (running) return running;
  const read = loadRegistrationEvent(db, eventId).finally(() => reads.delete(eventId));
  reads.set(eventId, read);
  return read;
}

export async function registerPublic(
  db: Db,
  eventId: string,
  input: RegistrationInput,
  publicUrl: string,
  now: Date,
  origin: MailOrigin,
): Promise<RegistrationOutcome> {
  const record = await readRegistrationEvent(db, eventId);
  if (record?.event.visibility !== "public") throw notFound();
  const data = parseWith(registrationInput, input);
  const answers = answersFor(record.event.questions, data);
  const token = newToken();
  const drawn = randomCheckinCode();
  // Drawn on the QR thread while this registration waits for the database below.
  const drawing = checkinQrPngOffThread(publicUrl, eventId, drawn);
  const organisationId = await organisationIdByName(db, answers.organisation);
  const mail = (status: "confirmed" | "waitlisted", position: number | null, checkinCode: string) => {
    // One in a billion per registration the drawn code was taken, and another was drawn: its own image.
    const qr = checkinCode === drawn ? drawnQr : checkinQrPng(publicUrl, eventId, checkinCode);
    const attachments = confirmationAttachments(record, publicUrl, qr);
    const row = { name: data.name, email: data.email, status, checkinCode };
    return confirmationMail({ record, row, token, position, publicUrl, attachments });
  };
  // Over the cap on anonymous mail nothing is queued, and the registrant is told the same.
  const reservation = await reserveAnonymousMail(db, "events.confirmation", data.email, origin);
  const drawnQr = await drawing;
  try {
    const outcome = await registerInBatch(db, eventId, {
      record,
      now,
      person: { name: data.name, email: data.email, role: answers.role, organisationId },
      row: {
        name: data.name,
        email: data.email,
        organisationName: answers.organisation,
        organisationId,
        role: answers.role,
        roleKey: answers.roleKey,
        municipality: answers.municipality,
        source: "form",
        tokenHash: hashToken(token),
        consentInvitations: data.consentInvitations,
      },
      answers,
      checkinCode: drawn,
      reservation,
      mail,
      // Most registrations get a place: their confirmation is written before the lock.
      likelyMail: reservation ? mail("confirmed", null, drawn) : null,
    });
    const row = {
      id: outcome.id,
      eventId,
      name: data.name,
      email: data.email,
      status: outcome.status,
      source: "form",
      checkinCode: outcome.checkinCode,
    };
    return { row, token, position: outcome.position, emailQueued: true };
  } catch (error) {
    if (reservation) await releaseReservedMails(db, [reservation]);
    throw error;
  }
}

async function byToken(db: Db | Tx, token: string): Promise<RegistrationRow> {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.tokenHash, hashToken(token)));
  if (!row) throw notFound();
  return row;
}

export interface OwnRegistration {
  row: RegistrationRow;
  record: EventRecord;
  dietary: string | null;
  accessibility: string | null;
  /** The consented gender answer, shown only to the person through their own link. */
  gender: string | null;
  position: number | null;
  feedbackGiven: boolean;
  feedbackOpen: boolean;
}

/** Feedback opens when the event is over, for those who did not cancel. */
export function feedbackOpen(record: EventRecord, row: RegistrationRow, now = new Date()) {
  if (row.status === "cancelled" && !row.attendedAt) return false;
  const ends = eventEndsAt(record);
  return !!ends && ends <= now && record.activity.status !== "cancelled";
}

export async function getOwnRegistration(db: Db, token: string, now = new Date()): Promise<OwnRegistration> {
  const row = await byToken(db, token);
  const record = (await loadEvent(db, row.eventId))!;
  assertLinkValid(record, now);
  const [[dietary], [feedback], [accessibility], [gender]] = await Promise.all([
    db.select().from(eventDietaryNeeds).where(eq(eventDietaryNeeds.registrationId, row.id)),
    db.select({ id: eventFeedback.id }).from(eventFeedback).where(eq(eventFeedback.registrationId, row.id)),
    db.select().from(eventAccessibilityNeeds).where(eq(eventAccessibilityNeeds.registrationId, row.id)),
    db.select().from(eventGenderAnswers).where(eq(eventGenderAnswers.registrationId, row.id)),
  ]);
  return {
    row,
    record,
    dietary: dietary?.needs ?? null,
    accessibility: accessibility?.needs ?? null,
    gender: gender?.gender ?? null,
    position: await waitlistPosition(db as Tx, row),
    feedbackGiven: !!feedback,
    feedbackOpen: feedbackOpen(record, row, now),
  };
}

/** The participant corrects their answers (not the e-mail: that is who they are). */
export async function updateOwnRegistration(
  db: Db,
  token: string,
  input: UpdateRegistrationInput,
  now = new Date(),
) {
  const row = await byToken(db, token);
  const record = (await loadEvent(db, row.eventId))!;
  assertChangeable(record, now);
  if (row.status === "cancelled") throw refuse("registrationCancelled");
  const data = parseWith(updateRegistrationInput, input);
  const answers = answersFor(record.event.questions, data, true);
  await writeWithAudit(db, null, async (tx, audit) => {
    const changes: Partial<RegistrationRow> = { updatedAt: new Date() };
    if (data.name !== undefined) changes.name = data.name;
    if (data.organisation !== undefined) changes.organisationName = answers.organisation;
    if (data.municipality !== undefined) changes.municipality = answers.municipality;
    if (data.role !== undefined || data.roleKey !== undefined) {
      changes.role = answers.role;
      changes.roleKey = answers.roleKey;
    }
    if (data.consentInvitations !== undefined) changes.consentInvitations = data.consentInvitations;
    await tx.update(eventRegistrations).set(changes).where(eq(eventRegistrations.id, row.id));
    if (data.dietary !== undefined) {
      await tx.delete(eventDietaryNeeds).where(eq(eventDietaryNeeds.registrationId, row.id));
      if (answers.dietary)
        await tx.insert(eventDietaryNeeds).values({ registrationId: row.id, needs: answers.dietary });
    }
    if (data.accessibility !== undefined) {
      await tx.delete(eventAccessibilityNeeds).where(eq(eventAccessibilityNeeds.registrationId, row.id));
      if (answers.accessibility)
        await tx
          .insert(eventAccessibilityNeeds)
          .values({ registrationId: row.id, needs: answers.accessibility });
    }
    // A new answer replaces the old; consent withdrawn (or the answer cleared) deletes it.
    if (data.gender !== undefined || data.consentGender === false) {
      await tx.delete(eventGenderAnswers).where(eq(eventGenderAnswers.registrationId, row.id));
      if (answers.gender)
        await tx.insert(eventGenderAnswers).values({ registrationId: row.id, gender: answers.gender });
    }
    await audit({
      action: "registration.update",
      entityType: "event_registration",
      entityId: row.id,
      after: { fields: Object.keys(data) },
    });
  });
  return getOwnRegistration(db, token);
}

/**
 * Cancels through the personal link; a freed place goes to the first on the waiting list, who is
 * told by e-mail (queued in the same transaction).
 */
export async function cancelOwnRegistration(
  db: Db,
  token: string,
  publicUrl: string,
  now = new Date(),
): Promise<{ promoted: string[] }> {
  const row = await byToken(db, token);
  assertChangeable((await loadEvent(db, row.eventId))!, now);
  if (row.status === "cancelled") return { promoted: [] };
  const promoted = await writeWithAudit(db, null, async (tx, audit) => {
    await lockEvent(tx, row.eventId);
    await tx
      .update(eventRegistrations)
      .set({ status: "cancelled", cancelledAt: new Date(), updatedAt: new Date() })
      .where(eq(eventRegistrations.id, row.id));
    // Health data has no purpose once the person is not coming.
    await tx.delete(eventDietaryNeeds).where(eq(eventDietaryNeeds.registrationId, row.id));
    await tx.delete(eventAccessibilityNeeds).where(eq(eventAccessibilityNeeds.registrationId, row.id));
    await audit({
      action: "registration.cancel",
      entityType: "event_registration",
      entityId: row.id,
      before: { status: row.status },
      after: { status: "cancelled" },
    });
    const promoted = await promoteFromWaitlist(tx, audit, row.eventId);
    await queuePromotions(tx, row.eventId, promoted, publicUrl);
    return promoted;
  });
  return { promoted };
}

/**
 * Deletes dietary and accessibility needs of events that are over (docs/design.md: purge health data
 * after an event). Runs at start-up and every hour (main.ts), and on an administrator's request.
 * Returns how many answers were deleted (both kinds).
 */
export async function purgeDietaryNeeds(db: Db, actor: Actor | null, now = new Date()): Promise<number> {
  authorize(actor, eventsPolicy, "purgeDietaryNeeds", null);
  // Which events are over reads the activities' dates: the read layer's subquery (issue 12).
  const over = sql`select event_id from (${endedEventsBefore(now)}) ev`;
  let purged = 0;
  for (const table of [sql.raw("event_dietary_needs"), sql.raw("event_accessibility_needs")]) {
    const rows = await queryRows<{ registration_id: string }>(
      db,
      sql`delete from ${table} d using event_registrations r
          where d.registration_id = r.id and r.event_id in (${over})
          returning d.registration_id`,
    );
    purged += rows.length;
  }
  return purged;
}

/** For the participant's check-in page: the registration's event and code. */
export async function findRegistrationInEvent(
  db: Db | Tx,
  eventId: string,
  by: { id?: string; code?: string },
) {
  const condition = by.id
    ? eq(eventRegistrations.id, by.id)
    : eq(eventRegistrations.checkinCode, by.code ?? "");
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), condition));
  return row ?? null;
}
