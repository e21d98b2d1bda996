import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { eventListQuery } from "../../common/events.ts";
import { type Db, queryRows } from "../db/client.ts";
import { afterCursor } from "../platform/pagination.ts";
import { likePattern } from "../platform/sql.ts";

/**
 * Which events a list shows, as ids in the list's order: the organisers' filtered list, the public calendar and
 * the calendar feed. Cross-module because an event is an activity (its title, dates, type and tags are the
 * activities module's rows) and the lists filter and sort on them (read layer, decision 011). The events module
 * authorises the reader and loads the events; no authorisation here.
 */

const FAR_FUTURE = "9999-12-31";

/** The organisers' list, filtered and keyset-paged: up to `q.limit + 1` ids (the extra one says "more"). */
export async function eventListIds(db: Db, q: z.output<typeof eventListQuery>) {
  const desc = q.sort === "-startDate";
  const sortExpr = sql`coalesce(a.start_date::text, ${FAR_FUTURE})`;
  const where: SQL[] = [sql`true`];
  if (q.q) where.push(sql`a.title ilike ${likePattern(q.q)}`);
  if (q.from) where.push(sql`coalesce(a.end_date, a.start_date) >= ${q.from}::date`);
  if (q.to) where.push(sql`a.start_date <= ${q.to}::date`);
  if (q.visibility) where.push(sql`e.visibility = ${q.visibility}`);
  if (q.typeKey) where.push(sql`a.type_key = ${q.typeKey}`);
  if (q.seriesId) where.push(sql`e.series_id = ${q.seriesId}::uuid`);
  if (q.networkId) where.push(sql`e.network_id = ${q.networkId}::uuid`);
  if (q.projectId) where.push(sql`e.project_id = ${q.projectId}::uuid`);
  if (q.tag) where.push(sql`a.tags @> ${JSON.stringify([q.tag])}::jsonb`);
  const after = afterCursor(q.cursor, { sort: sortExpr, id: sql`a.id` }, { desc });
  if (after) where.push(after);
  return queryRows<{ id: string; sort: string }>(
    db,
    sql`select a.id, ${sortExpr} as sort from events e join activities a on a.id = e.activity_id
        where ${sql.join(where, sql` and `)}
        order by ${sortExpr} ${desc ? sql`desc` : sql`asc`}, a.id ${desc ? sql`desc` : sql`asc`}
        limit ${q.limit + 1}`,
  );
}

/**
 * The public calendar: public events that are not over on `today` (or, with `month`, that have a day in that
 * month), earliest first, at most `limit`. Internal events never appear here.
 */
export async function publicEventIds(db: Db, q: { month?: string; limit: number; today: string }) {
  let window: SQL;
  if (q.month) {
    const first = `${q.month}-01`;
    window = sql`coalesce(s.first_day, a.start_date) < (${first}::date + interval '1 month')
                 and coalesce(s.last_day, a.end_date, a.start_date) >= ${first}::date`;
  } else {
    window = sql`coalesce(s.last_end > now(), coalesce(a.end_date, a.start_date) >= ${q.today}::date)`;
  }
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select a.id from events e
        join activities a on a.id = e.activity_id
        left join (
          select event_id, min(starts_at) as first_start, max(ends_at) as last_end,
                 min((starts_at at time zone 'Europe/Stockholm')::date) as first_day,
                 max((ends_at at time zone 'Europe/Stockholm')::date) as last_day
          from event_sessions group by event_id
        ) s on s.event_id = e.activity_id
        where e.visibility = 'public' and ${window}
        order by coalesce(s.first_start, a.start_date::timestamptz) asc nulls last, a.id
        limit ${q.limit}`,
  );
  return rows.map((r) => r.id);
}

/** Public events with a session in the past year or the future, for the subscribable calendar feed. */
export async function calendarFeedEventIds(db: Db) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select e.activity_id as id from events e join activities a on a.id = e.activity_id
        where e.visibility = 'public'
          and exists (select 1 from event_sessions s where s.event_id = e.activity_id
                      and s.ends_at > now() - interval '365 days')
        order by a.start_date, a.id limit 2000`,
  );
  return rows.map((r) => r.id);
}
