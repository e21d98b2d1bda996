import { asc, eq, inArray, sql } from "drizzle-orm";
import type {
  EventCounts,
  EventQuestions,
  EventVisibility,
  RegistrationWindow,
} from "../../../common/events.ts";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import { eventActivityRows } from "../../read/event-activities.ts";
import type { ActivityRecord } from "../activities/index.ts";
import { toRecords } from "../activities/index.ts";
import { projectNames } from "../projects/index.ts";
import { eventNetworks, eventSeries, eventSessions, events } from "./events.schema.ts";

type EventRow = typeof events.$inferSelect;
export type SessionRow = typeof eventSessions.$inferSelect;

/** An event with its activity, sessions, links and the three counts kept apart. */
export interface EventRecord {
  id: string;
  activity: ActivityRecord;
  event: Omit<EventRow, "visibility" | "questions"> & {
    visibility: EventVisibility;
    questions: EventQuestions;
  };
  sessions: SessionRow[];
  series: { id: string; name: string } | null;
  network: { id: string; name: string } | null;
  project: { id: string; name: string } | null;
  counts: EventCounts;
  feedback: { responses: number; averageRating: number | null };
}

type CountRow = { event_id: string; status: string; n: number; attended: number };
type FeedbackRow = { event_id: string; n: number; avg: number | null };

/** Loads events by activity id in a few batched queries, in the order of `ids`. */
export async function loadEvents(db: Db | Tx, ids: string[]): Promise<EventRecord[]> {
  if (!ids.length) return [];
  const [eventRows, activityRows, sessions] = await Promise.all([
    db.select().from(events).where(inArray(events.activityId, ids)),
    eventActivityRows(db, ids),
    db
      .select()
      .from(eventSessions)
      .where(inArray(eventSessions.eventId, ids))
      .orderBy(asc(eventSessions.startsAt), asc(eventSessions.id)),
  ]);
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [records, counts, feedback, names] = await Promise.all([
    toRecords(db, activityRows),
    queryRows<CountRow>(
      db,
      sql`select event_id, status, count(*)::int as n, count(attended_at)::int as attended
          from event_registrations where event_id in (${idList}) group by event_id, status`,
    ),
    queryRows<FeedbackRow>(
      db,
      sql`select event_id, count(*)::int as n, avg(rating)::float8 as avg
          from event_feedback where event_id in (${idList}) group by event_id`,
    ),
    linkNames(db, eventRows),
  ]);
  const activityOf = new Map(records.map((r) => [r.id, r]));
  const eventOf = new Map(eventRows.map((e) => [e.activityId, e]));
  const result: EventRecord[] = [];
  for (const id of ids) {
    const event = eventOf.get(id);
    const activity = activityOf.get(id);
    if (!event || !activity) continue;
    const mine = counts.filter((c) => c.event_id === id);
    const of = (status: string) => mine.find((c) => c.status === status)?.n ?? 0;
    const fb = feedback.find((f) => f.event_id === id);
    result.push({
      id,
      activity,
      event: {
        ...event,
        visibility: event.visibility as EventVisibility,
        questions: event.questions,
      },
      sessions: sessions.filter((s) => s.eventId === id),
      series: event.seriesId ? (names.series.get(event.seriesId) ?? null) : null,
      network: event.networkId ? (names.networks.get(event.networkId) ?? null) : null,
      project: event.projectId ? (names.projects.get(event.projectId) ?? null) : null,
      counts: {
        registered: of("confirmed"),
        waitlisted: of("waitlisted"),
        cancelled: of("cancelled"),
        attended: mine.reduce((sum, c) => sum + c.attended, 0),
        estimated: activity.participants,
      },
      feedback: {
        responses: fb?.n ?? 0,
        averageRating: fb?.avg == null ? null : Math.round(fb.avg * 10) / 10,
      },
    });
  }
  return result;
}

export async function loadEvent(db: Db | Tx, id: string): Promise<EventRecord | null> {
  return (await loadEvents(db, [id]))[0] ?? null;
}

/** What a public registration reads of its event: the rows, not the counts, links or feedback. */
export type RegistrationEvent = Pick<EventRecord, "id" | "event" | "sessions"> & {
  activity: Pick<ActivityRecord, "title" | "description" | "place" | "status" | "startDate" | "endDate">;
};

/**
 * The event as a registration needs it (its window, the mail and the .ics), in three queries at once
 * instead of `loadEvent`'s ten: every registration reads it, and on PGlite every query waits its turn.
 */
export async function loadRegistrationEvent(db: Db, id: string): Promise<RegistrationEvent | null> {
  const [[event], [activity], sessions] = await Promise.all([
    db.select().from(events).where(eq(events.activityId, id)),
    eventActivityRows(db, [id]),
    db
      .select()
      .from(eventSessions)
      .where(eq(eventSessions.eventId, id))
      .orderBy(asc(eventSessions.startsAt), asc(eventSessions.id)),
  ]);
  if (!event || !activity) return null;
  return {
    id,
    event: { ...event, visibility: event.visibility as EventVisibility, questions: event.questions },
    activity: { ...activity, status: activity.status as ActivityRecord["status"] },
    sessions,
  };
}

async function linkNames(db: Db | Tx, rows: EventRow[]) {
  const wanted = (key: "seriesId" | "networkId" | "projectId") => [
    ...new Set(rows.map((r) => r[key]).filter((v): v is string => !!v)),
  ];
  const [series, networks, projectRows] = await Promise.all([
    wanted("seriesId").length
      ? db
          .select({ id: eventSeries.id, name: eventSeries.name })
          .from(eventSeries)
          .where(inArray(eventSeries.id, wanted("seriesId")))
      : [],
    wanted("networkId").length
      ? db
          .select({ id: eventNetworks.id, name: eventNetworks.name })
          .from(eventNetworks)
          .where(inArray(eventNetworks.id, wanted("networkId")))
      : [],
    projectNames(db, wanted("projectId")).then((names) => [...names].map(([id, name]) => ({ id, name }))),
  ]);
  const byId = (list: { id: string; name: string }[]) => new Map(list.map((x) => [x.id, x]));
  return { series: byId(series), networks: byId(networks), projects: byId(projectRows) };
}

/** When the event is over: the end of its last session, or the day after its end date. */
export function eventEndsAt(record: Pick<EventRecord, "sessions" | "activity">): Date | null {
  if (record.sessions.length) return new Date(Math.max(...record.sessions.map((s) => s.endsAt.getTime())));
  const last = record.activity.endDate ?? record.activity.startDate;
  return last ? new Date(`${last}T23:59:59+01:00`) : null;
}

/** When the event begins: its first session, or the start of its start date. */
export function eventStartsAt(
  record: Pick<EventRecord, "sessions"> & { activity: Pick<ActivityRecord, "startDate"> },
): Date | null {
  if (record.sessions.length) return record.sessions[0].startsAt;
  return record.activity.startDate ? new Date(`${record.activity.startDate}T00:00:00+01:00`) : null;
}

/**
 * Whether the public can register now. Closes at `registrationClosesAt`, or when the event begins
 * when no closing time is set; "full" only when the event takes no waiting list.
 */
export function registrationWindow(
  record: Pick<EventRecord, "event" | "sessions"> & {
    activity: Pick<ActivityRecord, "status" | "startDate">;
    /** Without counts (a registration decides "full" under the lock) the window is never "full". */
    counts?: Pick<EventCounts, "registered">;
  },
  now = new Date(),
): RegistrationWindow {
  const { event, activity, counts } = record;
  if (!event.registrationEnabled || activity.status !== "planned") return "none";
  if (event.registrationOpensAt && now < event.registrationOpensAt) return "notYetOpen";
  const closes = event.registrationClosesAt ?? eventStartsAt(record);
  if (closes && now >= closes) return "closed";
  if (counts && event.capacity !== null && counts.registered >= event.capacity && !event.waitlist)
    return "full";
  return "open";
}

export async function findEventRow(db: Db | Tx, id: string) {
  const [row] = await db.select().from(events).where(eq(events.activityId, id));
  return row ?? null;
}
