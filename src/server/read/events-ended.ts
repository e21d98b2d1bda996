import { type SQL, sql } from "drizzle-orm";

/**
 * Events that are over before `before`: at their last session's end, or — without sessions — the day after
 * their end (or start) date. A subquery (columns `event_id`, `title`, `ended_at`) that the events module's
 * purges embed in their own statements, so finding what is due and purging it stay one statement in the
 * purge's transaction. Cross-module because an event's title and dates are the activities module's rows (read
 * layer, decision 011); it only selects. No authorisation here: the purges are authorised by their callers.
 */
export const endedEventsBefore = (before: Date): SQL => sql`
  select e.activity_id as event_id, a.title,
         coalesce(s.last_end, (coalesce(a.end_date, a.start_date) + 1)::timestamptz) as ended_at
  from events e join activities a on a.id = e.activity_id
  left join (select event_id, max(ends_at) as last_end from event_sessions group by event_id) s
    on s.event_id = e.activity_id
  where coalesce(s.last_end, (coalesce(a.end_date, a.start_date) + 1)::timestamptz) <= ${before.toISOString()}::timestamptz`;
