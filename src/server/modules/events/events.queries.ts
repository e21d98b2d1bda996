import { type EventListQuery, eventListQuery, publicEventListQuery } from "../../../common/events.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { encodeCursor, page } from "../../platform/pagination.ts";
import { parseWith } from "../../platform/validation.ts";
import { calendarFeedEventIds, eventListIds, publicEventIds } from "../../read/events-calendar.ts";
import { eventsPolicy } from "./events.policy.ts";
import { loadEvents } from "./events.records.ts";
import { stockholmToday } from "./local-time.ts";

/**
 * Lists of events: the organisers' filtered list and the public calendar. Which events, in which order, is
 * read in the read layer (`read/events-calendar.ts`): the lists filter on the activities module's rows
 * (issue 12: no raw SQL on another module's tables here).
 */

/** Events for logged-in users, sorted by date, filtered, keyset-paged. */
export async function listEvents(db: Db, actor: Actor | null, query: EventListQuery = {}) {
  authorize(actor, eventsPolicy, "list", null);
  const q = parseWith(eventListQuery, query);
  const rows = await eventListIds(db, q);
  const result = page(rows, q.limit, (r) => encodeCursor(r.sort, r.id));
  return {
    items: await loadEvents(
      db,
      result.items.map((r) => r.id),
    ),
    nextCursor: result.nextCursor,
  };
}

/**
 * The public calendar: public events that are not over (or, with `month`, that have a day in that
 * month), earliest first. Internal events never appear here.
 */
export async function listPublicEvents(db: Db, query: { month?: string; limit?: number } = {}) {
  const q = parseWith(publicEventListQuery, query);
  return loadEvents(
    db,
    await publicEventIds(db, { month: q.month, limit: q.limit, today: stockholmToday() }),
  );
}

/** Public events of the past year and the future, for the subscribable calendar feed. */
export async function listCalendarFeedEvents(db: Db) {
  return loadEvents(db, await calendarFeedEventIds(db));
}
