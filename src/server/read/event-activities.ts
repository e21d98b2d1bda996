import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { activities } from "../modules/activities/activities.schema.ts";
import {
  eventAccessibilityNeeds,
  eventDietaryNeeds,
  eventFeedback,
  eventGenderAnswers,
  eventRegistrations,
} from "../modules/events/events.schema.ts";

/**
 * An event is an activity of a meeting kind: its title, dates and type are the activities module's rows.
 * Cross-module because the events module reads those rows beside its own (read layer, decision 011);
 * the caller decides who may read them.
 */

/** The activity rows of these events (activity ids), in no particular order. */
export async function eventActivityRows(
  db: Db | Tx,
  ids: string[],
): Promise<(typeof activities.$inferSelect)[]> {
  if (!ids.length) return [];
  return db.select().from(activities).where(inArray(activities.id, ids));
}

const r = eventRegistrations;

/**
 * Registrations matching `where` (a condition on event_registrations), each with its event's title and
 * start date and the answers kept beside it, oldest first: what a register extract lists. No condition
 * lists nothing.
 */
export async function registrationsWithEvent(db: Db | Tx, where: SQL | undefined) {
  return db
    .select({
      id: r.id,
      event: activities.title,
      date: activities.startDate,
      name: r.name,
      email: r.email,
      organisation: r.organisationName,
      role: r.role,
      municipality: r.municipality,
      status: r.status,
      attendedAt: r.attendedAt,
      consent: r.consentInvitations,
      createdAt: r.createdAt,
      dietary: eventDietaryNeeds.needs,
      accessibility: eventAccessibilityNeeds.needs,
      gender: eventGenderAnswers.gender,
      rating: eventFeedback.rating,
      comment: eventFeedback.comment,
    })
    .from(r)
    .innerJoin(activities, eq(activities.id, r.eventId))
    .leftJoin(eventDietaryNeeds, eq(eventDietaryNeeds.registrationId, r.id))
    .leftJoin(eventAccessibilityNeeds, eq(eventAccessibilityNeeds.registrationId, r.id))
    .leftJoin(eventGenderAnswers, eq(eventGenderAnswers.registrationId, r.id))
    .leftJoin(eventFeedback, eq(eventFeedback.registrationId, r.id))
    .where(where ?? sql`false`)
    .orderBy(r.createdAt);
}
