import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import { auditMany, writeWithAudit } from "../../platform/audit.ts";
import { batchConcurrent } from "../../platform/batch-concurrent.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { pgArray } from "../../platform/sql.ts";
import {
  fillReservedMails,
  type MailReservation,
  type OutgoingMail,
  releaseReservedMails,
} from "../mail/index.ts";
import { findOrCreateParticipantsOnce } from "../people/index.ts";
import { type RegistrationEvent, registrationWindow } from "./events.records.ts";
import {
  eventAccessibilityNeeds,
  eventDietaryNeeds,
  eventGenderAnswers,
  eventRegistrations,
} from "./events.schema.ts";
import { lockEvent, randomCheckinCode } from "./registrations.write.ts";

/**
 * Public registrations to one event, written in batches: a group commit.
 *
 * Every registration to an event decides its place under the event's row lock, so they pass one at a time,
 * and each statement under the lock waits for its turn on a busy event loop — with one transaction per
 * registration an event took about a hundred a second, whatever the machine (issue 14, goal 4). Here the
 * registrations that arrive while a batch is being written wait in this process and are written together as
 * the next batch (platform/batch-concurrent.ts): one transaction, one lock, one count, one statement per table
 * for all of them.
 *
 * Each registration keeps its own outcome: a place, a place on the waiting list, or its own refusal (the
 * address is registered, the event is full) while the others in the batch are written. Should the batch fail
 * as a whole (the database refused), each of its registrations is tried again alone, so that one cannot take
 * the others down with it.
 */

/** One public registration, checked and prepared by `registerPublic` before it joins a batch. */
export interface BatchedRegistration {
  record: RegistrationEvent;
  now: Date;
  person: { name: string; email: string; role: string | null; organisationId: string | null };
  row: Omit<
    typeof eventRegistrations.$inferInsert,
    "id" | "eventId" | "personId" | "status" | "checkinCode" | "createdAt"
  >;
  answers: { dietary: string | null; accessibility: string | null; gender: string | null };
  /** Drawn in advance; another is drawn under the lock if it is taken. */
  checkinCode: string;
  reservation: MailReservation | null;
  /** The confirmation for an outcome; called under the lock only when the outcome is not a plain place. */
  mail: (status: "confirmed" | "waitlisted", position: number | null, checkinCode: string) => OutgoingMail;
  /** The confirmation for a place with the drawn code, written before the lock (most get a place). */
  likelyMail: OutgoingMail | null;
}

export interface BatchOutcome {
  id: string;
  status: "confirmed" | "waitlisted";
  position: number | null;
  checkinCode: string;
  personId: string;
}

/** The largest batch: its statements stay well within PostgreSQL's parameter limit and the batch short. */
const MAX_BATCH = 200;

/**
 * A batch in one transaction; should the database refuse it as a whole, each of its registrations is tried
 * again alone, so that one cannot take the others down with it.
 */
const inBatches = batchConcurrent<Db, BatchedRegistration, BatchOutcome>(async (db, eventId, batch) => {
  try {
    return await writeBatch(db, eventId, batch);
  } catch (error) {
    if (batch.length === 1) throw error;
    const outcomes: (BatchOutcome | Error)[] = [];
    for (const one of batch)
      outcomes.push(
        await writeBatch(db, eventId, [one]).then(
          ([outcome]) => outcome,
          (e: Error) => e,
        ),
      );
    return outcomes;
  }
}, MAX_BATCH);

/** Registers within the next batch of the event; resolves to this registration's own outcome. */
export function registerInBatch(db: Db, eventId: string, registration: BatchedRegistration) {
  return inBatches(db, eventId, registration);
}

/** One transaction for the batch; each registration's outcome in order, a refusal as its AppError. */
function writeBatch(db: Db, eventId: string, batch: BatchedRegistration[]) {
  return writeWithAudit(db, null, async (tx) => {
    // Before the lock: the confirmations most will get.
    const likely = batch.flatMap((one) =>
      one.reservation && one.likelyMail ? [{ reservation: one.reservation, mail: one.likelyMail }] : [],
    );
    await fillReservedMails(tx, likely);

    // The event lock: from here to the commit every other batch for this event waits.
    const event = await lockEvent(tx, eventId);
    if (!event) throw notFound();
    const emails = batch.map((one) => one.person.email);
    const taken = await takenNow(
      tx,
      eventId,
      emails,
      batch.map((one) => one.checkinCode),
    );
    const registered = new Set(taken.emails);
    const codes = new Set(taken.codes);
    let { confirmed, waitlisted } = taken;
    const outcomes: (Omit<BatchOutcome, "personId"> | AppError)[] = [];
    const accepted: { one: BatchedRegistration; outcome: Omit<BatchOutcome, "personId"> }[] = [];
    const remail: { reservation: MailReservation; mail: OutgoingMail }[] = [];
    const refused: MailReservation[] = [];
    for (const one of batch) {
      const fresh: RegistrationEvent = {
        ...one.record,
        event: {
          ...one.record.event,
          ...event,
          visibility: one.record.event.visibility,
          questions: event.questions,
        },
      };
      // Opening and closing as the organiser has them now; "full" is the capacity decision below.
      const window = registrationWindow(fresh, one.now);
      const refusal =
        window === "notYetOpen"
          ? "registrationNotOpen"
          : window === "closed" || window === "none"
            ? "registrationClosed"
            : registered.has(one.person.email)
              ? "alreadyRegistered"
              : event.capacity !== null && confirmed >= event.capacity && !event.waitlist
                ? "eventFull"
                : null;
      if (refusal) {
        outcomes.push(new AppError(refusal));
        // Its confirmation was written before the lock: it must not go.
        if (one.reservation && one.likelyMail) refused.push(one.reservation);
        continue;
      }
      const hasPlace = event.capacity === null || confirmed < event.capacity;
      registered.add(one.person.email);
      let checkinCode = one.checkinCode;
      // One in a billion per registration: the drawn code is taken in the event, so another is drawn.
      while (codes.has(checkinCode)) checkinCode = randomCheckinCode();
      codes.add(checkinCode);
      const status = hasPlace ? "confirmed" : "waitlisted";
      const position = hasPlace ? null : ++waitlisted;
      if (hasPlace) confirmed++;
      const outcome = { id: randomUUID(), status, position, checkinCode } as const;
      accepted.push({ one, outcome });
      outcomes.push(outcome);
      if (one.reservation && (!hasPlace || checkinCode !== one.checkinCode || !one.likelyMail))
        remail.push({ reservation: one.reservation, mail: one.mail(status, position, checkinCode) });
    }
    await releaseReservedMails(tx, refused);
    if (accepted.length === 0) return outcomes as AppError[];

    // Only those who got a place or a place in the queue enter the register (none for a refusal).
    const people = await findOrCreateParticipantsOnce(
      tx,
      accepted.map(({ one }) => one.person),
    );
    const personOf = (one: BatchedRegistration) => people.get(one.person.email)!;
    await tx.insert(eventRegistrations).values(
      accepted.map(({ one, outcome }, i) => ({
        ...one.row,
        ...outcome,
        eventId,
        personId: personOf(one),
        // The order of the waiting list is the order of the registrations' times: the batch's own order,
        // after every earlier batch's (each row a microsecond after the one before, all under the lock).
        createdAt: sql`clock_timestamp() + make_interval(secs => ${i}::int / 1000000.0)`,
      })),
    );
    await insertAnswers(tx, accepted);
    // The audit keeps what happened, not the person's answers (GDPR: no copies of personal data).
    await auditMany(
      tx,
      null,
      accepted.map(({ one, outcome }) => ({
        action: "registration.create",
        entityType: "event_registration",
        entityId: outcome.id,
        after: { eventId, status: outcome.status, source: "form", personId: personOf(one) },
      })),
    );
    await fillReservedMails(tx, remail);
    const personIds = new Map(accepted.map(({ one, outcome }) => [outcome, personOf(one)]));
    return outcomes.map((o) => (o instanceof AppError ? o : { ...o, personId: personIds.get(o)! }));
  });
}

/**
 * Under the lock (in a statement after it, so its snapshot sees every registration committed before the lock
 * was granted): the places taken and the waiting list's length, and which of the batch's addresses and drawn
 * codes the event already holds.
 */
async function takenNow(tx: Tx, eventId: string, emails: string[], codes: string[]) {
  const [row] = await queryRows<{ confirmed: number; waitlisted: number; emails: string[]; codes: string[] }>(
    tx,
    sql`select count(*) filter (where status = 'confirmed')::int as confirmed,
               count(*) filter (where status = 'waitlisted')::int as waitlisted,
               coalesce(array_agg(email) filter (where status <> 'cancelled' and email = any(${pgArray(emails)}::text[])), '{}') as emails,
               coalesce(array_agg(checkin_code) filter (where checkin_code = any(${pgArray(codes)}::text[])), '{}') as codes
        from event_registrations where event_id = ${eventId}::uuid`,
  );
  return row;
}

/** The answers about diet, access and gender of the registrations that were written, a statement per kind. */
async function insertAnswers(tx: Tx, accepted: { one: BatchedRegistration; outcome: { id: string } }[]) {
  const written = accepted.map(({ one, outcome }) => ({ id: outcome.id, answers: one.answers }));
  const dietary = written.flatMap(({ id, answers }) =>
    answers.dietary ? [{ registrationId: id, needs: answers.dietary }] : [],
  );
  const accessibility = written.flatMap(({ id, answers }) =>
    answers.accessibility ? [{ registrationId: id, needs: answers.accessibility }] : [],
  );
  const gender = written.flatMap(({ id, answers }) =>
    answers.gender ? [{ registrationId: id, gender: answers.gender }] : [],
  );
  if (dietary.length) await tx.insert(eventDietaryNeeds).values(dietary);
  if (accessibility.length) await tx.insert(eventAccessibilityNeeds).values(accessibility);
  if (gender.length) await tx.insert(eventGenderAnswers).values(gender);
}
