import { randomInt } from "node:crypto";
import { and, asc, count, eq, sql } from "drizzle-orm";
import {
  type EventQuestions,
  participantRoles,
  type RegistrationData,
  type RegistrationStatus,
} from "../../../common/events.ts";
import type { Tx } from "../../db/client.ts";
import type { Audit } from "../../platform/audit.ts";
import { AppError, fieldErrors } from "../../platform/errors.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { organisationIdByName } from "../organisations/index.ts";
import { findOrCreateParticipant } from "../people/index.ts";
import {
  eventAccessibilityNeeds,
  eventDietaryNeeds,
  eventGenderAnswers,
  eventRegistrations,
  events,
} from "./events.schema.ts";

/**
 * The write side of registrations, always inside a transaction that holds the event row locked
 * (`select … for update`): concurrent registrations to one event queue on that lock, so the count of
 * confirmed places read here is exact and capacity is never exceeded.
 */

type EventRow = typeof events.$inferSelect;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;

/**
 * Locks the event row until the transaction ends; null when there is no such event. `for no key update`:
 * lockers still wait for one another, but not for the key-share lock that inserting a registration takes on
 * its event (the foreign key), so a transaction that wrote a registration before it locks cannot deadlock
 * with another that did the same (with `for update` they each wait for the other's key-share lock).
 */
export async function lockEvent(tx: Tx, eventId: string): Promise<EventRow | null> {
  const [row] = await tx.select().from(events).where(eq(events.activityId, eventId)).for("no key update");
  return row ?? null;
}

export async function confirmedCount(tx: Tx, eventId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "confirmed")));
  return row.n;
}

/** 1-based place in the waiting list (first come, first served). */
export async function waitlistPosition(tx: Tx, registration: RegistrationRow): Promise<number | null> {
  if (registration.status !== "waitlisted") return null;
  const [row] = await tx
    .select({ n: count() })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, registration.eventId),
        eq(eventRegistrations.status, "waitlisted"),
        // Compared in SQL: a JS Date would drop the timestamp's microseconds.
        sql`(${eventRegistrations.createdAt}, ${eventRegistrations.id}) <= (select r.created_at, r.id from event_registrations r where r.id = ${registration.id}::uuid)`,
      ),
    );
  return row.n;
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Six characters without look-alikes (no O/0, I/1): easy to read out and type at the door. */
export function randomCheckinCode(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A check-in code unique within the event: `preferred` (drawn before the transaction) when free. */
export async function newCheckinCode(tx: Tx, eventId: string, preferred?: string): Promise<string> {
  for (let tries = 0; ; tries++) {
    const code = tries === 0 && preferred ? preferred : randomCheckinCode();
    const [taken] = await tx
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.checkinCode, code)));
    if (!taken) return code;
  }
}

/** The answers the event asks for, required ones checked; answers to questions not asked are dropped. */
export function answersFor(questions: EventQuestions, data: Partial<RegistrationData>, partial = false) {
  const errors: Record<string, string> = {};
  const pick = (
    mode: EventQuestions["organisation"],
    field: "organisation" | "municipality" | "role",
    value: unknown,
  ) => {
    if (mode === "off") return null;
    if (mode === "required" && !value && !(partial && value === undefined))
      errors[field] = "validation.required";
    return (value as string | null | undefined) ?? null;
  };
  const organisation = pick(questions.organisation, "organisation", data.organisation);
  const municipality = pick(questions.municipality, "municipality", data.municipality);
  let role: string | null = null;
  let roleKey: string | null = null;
  if (questions.role !== "off") {
    if (questions.roleFrom === "catalogue") {
      roleKey = data.roleKey ?? null;
      if (questions.role === "required" && !roleKey && !(partial && data.roleKey === undefined))
        errors.roleKey = "validation.required";
      role = roleKey ? (participantRoles.find((r) => r.key === roleKey)?.sv ?? null) : null;
    } else {
      role = pick(questions.role, "role", data.role);
      roleKey = data.roleKey ?? null;
    }
  }
  // A gender answer is kept only with its own consent, never by default (GDPR art. 9-like care).
  if (data.gender && data.consentGender !== true) errors.consentGender = "validation.events.genderConsent";
  if (Object.keys(errors).length) throw fieldErrors(errors);
  const dietary = questions.dietary ? (data.dietary ?? null) : null;
  const accessibility = data.accessibility ?? null;
  const gender = data.gender && data.consentGender ? data.gender : null;
  return { organisation, municipality, role, roleKey, dietary, accessibility, gender };
}

export interface NewRegistration {
  name: string;
  email: string | null;
  organisation: string | null;
  municipality: string | null;
  role: string | null;
  roleKey: string | null;
  dietary: string | null;
  accessibility?: string | null;
  /** Given only with consent (answersFor drops it otherwise). */
  gender?: string | null;
  consentInvitations: boolean;
  source: "form" | "staff" | "walk_in" | "list";
  attendedAt?: Date | null;
  /** A code drawn in advance (its QR image is rendered outside the lock); used when still free. */
  checkinCode?: string;
}

/**
 * Inserts a registration into a locked event: confirmed while places remain, otherwise waitlisted
 * or refused as full (the event's setting). Walk-ins and attendance lists are always confirmed.
 */
export async function insertRegistration(tx: Tx, event: EventRow, input: NewRegistration) {
  if (input.email) {
    const [existing] = await tx
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, event.activityId),
          eq(eventRegistrations.email, input.email),
          sql`${eventRegistrations.status} <> 'cancelled'`,
        ),
      );
    if (existing) throw new AppError("alreadyRegistered");
  }
  let status: RegistrationStatus = "confirmed";
  const atDoor = input.source === "walk_in" || input.source === "list";
  if (!atDoor && event.capacity !== null && (await confirmedCount(tx, event.activityId)) >= event.capacity) {
    if (!event.waitlist) throw new AppError("eventFull");
    status = "waitlisted";
  }
  const organisationId = await organisationIdByName(tx, input.organisation);
  const personId = input.email
    ? await findOrCreateParticipant(tx, {
        name: input.name,
        email: input.email,
        role: input.role,
        organisationId,
      })
    : null;
  const token = newToken();
  const [row] = await tx
    .insert(eventRegistrations)
    .values({
      eventId: event.activityId,
      personId,
      name: input.name,
      email: input.email,
      organisationName: input.organisation,
      organisationId,
      role: input.role,
      roleKey: input.roleKey,
      municipality: input.municipality,
      status,
      source: input.source,
      attendedAt: input.attendedAt ?? null,
      tokenHash: hashToken(token),
      checkinCode: await newCheckinCode(tx, event.activityId, input.checkinCode),
      consentInvitations: input.consentInvitations,
      // The moment of the insert, under the event lock — not `now()`, the transaction's start: a
      // transaction that began earlier but got the lock later would share waiting-list places.
      createdAt: sql`clock_timestamp()`,
    })
    .returning();
  if (input.dietary)
    await tx.insert(eventDietaryNeeds).values({ registrationId: row.id, needs: input.dietary });
  if (input.accessibility)
    await tx.insert(eventAccessibilityNeeds).values({ registrationId: row.id, needs: input.accessibility });
  if (input.gender)
    await tx.insert(eventGenderAnswers).values({ registrationId: row.id, gender: input.gender });
  return { row, token };
}

/**
 * Moves people up from the waiting list, first come first served, while places are free.
 * Returns the ids of the registrations that got a place (to tell them by e-mail).
 */
export async function promoteFromWaitlist(tx: Tx, audit: Audit, eventId: string): Promise<string[]> {
  const event = await lockEvent(tx, eventId);
  if (!event) return [];
  const free =
    event.capacity === null ? Number.POSITIVE_INFINITY : event.capacity - (await confirmedCount(tx, eventId));
  if (free <= 0) return [];
  const waiting = await tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "waitlisted")))
    .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id))
    .limit(Number.isFinite(free) ? free : 100_000);
  for (const { id } of waiting) {
    await tx
      .update(eventRegistrations)
      .set({ status: "confirmed", updatedAt: new Date() })
      .where(eq(eventRegistrations.id, id));
    await audit({
      action: "registration.promote",
      entityType: "event_registration",
      entityId: id,
      before: { status: "waitlisted" },
      after: { status: "confirmed" },
    });
  }
  return waiting.map((w) => w.id);
}

/**
 * Someone asked not to be invited again (communication's unsubscribe link): their registrations stop
 * consenting to invitations. Runs in the caller's transaction.
 */
export async function withdrawInvitationConsent(tx: Tx, email: string) {
  await tx
    .update(eventRegistrations)
    .set({ consentInvitations: false })
    .where(sql`${eventRegistrations.email} = ${email} and ${eventRegistrations.consentInvitations}`);
}
