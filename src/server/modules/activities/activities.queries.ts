import { and, asc, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { ActivityListQuery } from "../../../common/activities.ts";
import type { Db, Tx } from "../../db/client.ts";
import { afterCursor, encodeCursor, page } from "../../platform/pagination.ts";
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
const sorts = {
  startDate: { expr: sql`coalesce(${activities.startDate}::text, '9999-12-31')`, desc: false },
  "-startDate": { expr: sql`coalesce(${activities.startDate}::text, '0000-00-00')`, desc: true },
  title: { expr: sql`${activities.sortKey}`, desc: false },
} as const;

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
  const after = afterCursor(q.cursor, { sort: sort.expr, id: activities.id }, { desc: sort.desc });
  if (after) where.push(after);
  const rows = await db
    .select({ activity: activities, sortValue: sql<string>`${sort.expr}` })
    .from(activities)
    .where(and(...where))
    .orderBy(...(sort.desc ? [desc(sort.expr), desc(activities.id)] : [asc(sort.expr), asc(activities.id)]))
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
