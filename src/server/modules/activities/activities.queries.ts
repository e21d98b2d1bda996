import { and, asc, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { ActivityListQuery } from "../../../common/activities.ts";
import type { Db, Tx } from "../../db/client.ts";
import { afterCursor, decodeCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { likePattern } from "../../platform/sql.ts";
import { reachesProgramme } from "../../read/activity-links.ts";
import { type ActivityRecord, toRecords } from "./activities.records.ts";
import { activities, activityCourses, activityOrganisations } from "./activities.schema.ts";

/**
 * Read queries over activities: the filtered, sorted, keyset-paged list, and the conditions the
 * compass helper shares with it.
 */

/** Overlaps the period [from, to]: ends on or after `from`, starts on or before `to`. Undated never matches. */
export function withinPeriod(from?: string, to?: string): SQL[] {
  const where: SQL[] = [];
  if (from) where.push(gte(sql`coalesce(${activities.endDate}, ${activities.startDate})`, from));
  if (to) where.push(lte(activities.startDate, to));
  return where;
}

// Sort expressions as text, undated activities last in both directions (ISO dates compare as text).
// The cursor carries that text. The date sorts order by the same key as a date (`byDate`: the ISO text
// compares as the date does, the sentinel stands for undated), which the (coalesce(start_date, …), id)
// indexes serve, so a page of millions of activities is read from the index instead of sorted.
const sorts = {
  startDate: {
    expr: sql`coalesce(${activities.startDate}::text, '9999-12-31')`,
    byDate: {
      expr: sql`coalesce(${activities.startDate}, '9999-12-31'::date)`,
      undated: { text: "9999-12-31", date: sql`'9999-12-31'::date` },
    },
    desc: false,
  },
  "-startDate": {
    expr: sql`coalesce(${activities.startDate}::text, '0000-00-00')`,
    byDate: {
      expr: sql`coalesce(${activities.startDate}, '-infinity'::date)`,
      undated: { text: "0000-00-00", date: sql`'-infinity'::date` },
    },
    desc: true,
  },
  title: { expr: sql`${activities.sortKey}`, byDate: null, desc: false },
} as const;

/** `YYYY-MM-DD` that PostgreSQL reads as that date (years 0001–9999). */
function isIsoDate(text: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || text.startsWith("0000")) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * The keyset condition of a page after `cursor`. For the date sorts it compares the date key with the
 * cursor's text read as a date (its sentinel as the undated one); a cursor whose value is no date (only a
 * forged one) is compared as text with the text key, as before.
 */
function afterActivity(cursor: string | undefined, sort: (typeof sorts)[keyof typeof sorts]) {
  const decoded = decodeCursor(cursor);
  if (!decoded || !sort.byDate)
    return afterCursor(cursor, { sort: sort.expr, id: activities.id }, { desc: sort.desc });
  const text = String(decoded.sortValue);
  if (text !== sort.byDate.undated.text && !isIsoDate(text))
    return afterCursor(cursor, { sort: sort.expr, id: activities.id }, { desc: sort.desc });
  const value = text === sort.byDate.undated.text ? sort.byDate.undated.date : sql`${text}::date`;
  return sort.desc
    ? sql`(${sort.byDate.expr}, ${activities.id}) < (${value}, ${decoded.id}::uuid)`
    : sql`(${sort.byDate.expr}, ${activities.id}) > (${value}, ${decoded.id}::uuid)`;
}

export async function queryActivities(db: Db, q: ActivityListQuery) {
  const where: SQL[] = [];
  if (q.q) {
    where.push(
      or(
        ilike(activities.title, likePattern(q.q)),
        sql`to_tsvector('swedish', ${activities.title} || ' ' || coalesce(${activities.description}, '')) @@ plainto_tsquery('swedish', ${q.q})`,
      )!,
    );
  }
  if (q.typeKey) where.push(eq(activities.typeKey, q.typeKey));
  if (q.status) where.push(eq(activities.status, q.status));
  if (q.programmeId) where.push(reachesProgramme(q.programmeId));
  if (q.courseId)
    where.push(sql`exists (select 1 from ${activityCourses}
      where ${activityCourses.activityId} = ${activities.id} and ${activityCourses.courseId} = ${q.courseId})`);
  if (q.organisationId)
    where.push(sql`exists (select 1 from ${activityOrganisations}
      where ${activityOrganisations.activityId} = ${activities.id}
        and ${activityOrganisations.organisationId} = ${q.organisationId})`);
  where.push(...withinPeriod(q.from, q.to));
  if (q.tag) where.push(sql`${activities.tags} @> ${JSON.stringify([q.tag])}::jsonb`);
  const sort = sorts[q.sort];
  // Implied by the period's end (an activity that starts on or before it has its date key there too):
  // lets the date index start at the period's end instead of walking every later activity first.
  if (q.to && sort.byDate) where.push(sql`${sort.byDate.expr} <= ${q.to}::date`);
  const after = afterActivity(q.cursor, sort);
  if (after) where.push(after);
  const key = sort.byDate?.expr ?? sort.expr;
  const rows = await db
    .select({ activity: activities, sortValue: sql<string>`${sort.expr}` })
    .from(activities)
    .where(and(...where))
    .orderBy(...(sort.desc ? [desc(key), desc(activities.id)] : [asc(key), asc(activities.id)]))
    .limit(q.limit + 1);
  const result = page(rows, q.limit, (r) => encodeCursor(r.sortValue, r.activity.id));
  const items: ActivityRecord[] = await toRecords(
    db,
    result.items.map((r) => r.activity),
  );
  return { items, nextCursor: result.nextCursor };
}

/** Titles of activities by id, for other modules' views that name a linked activity. */
export async function activityTitles(db: Db | Tx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .select({ id: activities.id, title: activities.title })
    .from(activities)
    .where(inArray(activities.id, wanted));
  return new Map(rows.map((r) => [r.id, r.title]));
}
