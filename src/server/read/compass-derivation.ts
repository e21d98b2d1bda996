import { sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../db/client.ts";

/**
 * The compass's reads of the registers (read layer, decision 011): the programmes' activities, through the
 * programmes module's link tables (activity_programmes, programme_courses, activity_courses) and the
 * activities table, with SQL, because the derivations are GROUP BYs over thousands of rows that no per-row
 * service call could compute fast enough. The compass module turns the rows into levels and decides who
 * may read them; taking an offer writes through the activities service.
 *
 * An activity belongs to a period when it overlaps it (starts on or before its last day and ends, or
 * starts when it has no end, on or after its first day) — the activities register's own period rule.
 */

/** First and last day (inclusive, ISO) of a compass year. */
export interface Period {
  from: string;
  to: string;
}

/**
 * Links of the programmes' activities: directly to the programme, or to one of its courses
 * (course_id then says which course, for the "spans two courses" rule).
 */
export function programmeLinks(programmeIds: string[]) {
  // A uuid[] parameter (not a JSON list) lets the planner see how many programmes there are, so one
  // programme is looked up by index instead of hash-joining every link in the database.
  const ids = uuidArray(programmeIds);
  return sql`
    select ap.programme_id, ap.activity_id, null::uuid as course_id
    from activity_programmes ap
    where ap.programme_id = any(${ids}::uuid[])
    union all
    select pc.programme_id, ac.activity_id, ac.course_id
    from programme_courses pc
    join activity_courses ac on ac.course_id = pc.course_id
    where pc.programme_id = any(${ids}::uuid[])`;
}

/** `{id,id}`: a PostgreSQL array literal, the same text parameter for both drivers. */
export function uuidArray(ids: string[]) {
  if (ids.some((id) => !/^[0-9a-f-]{36}$/i.test(id))) throw new Error("not a uuid");
  return `{${ids.join(",")}}`;
}

export interface StatsRow {
  programme_id: string;
  dim: string;
  n: number;
  courses: number;
  mandatory: boolean;
  evaluated: boolean;
}

/**
 * Per programme and dimension, over its done activities in the period whose type feeds the dimension
 * (`mapping`: which activity types feed which dimension): how many, over how many of its courses, and
 * whether any was mandatory or evaluated. One query.
 */
export function dimensionStatRows(
  db: Db | Tx,
  programmeIds: string[],
  { from, to }: Period,
  mapping: { dim: string; type_key: string }[],
) {
  return queryRows<StatsRow>(
    db,
    sql`
    with links as (${programmeLinks(programmeIds)}),
    m as (select dim, type_key from jsonb_to_recordset(${JSON.stringify(mapping)}::jsonb)
          as x(dim text, type_key text))
    select l.programme_id::text as programme_id, m.dim,
           count(distinct a.id)::int as n, count(distinct l.course_id)::int as courses,
           bool_or(a.mandatory) as mandatory, bool_or(a.evaluated) as evaluated
    from links l
    join activities a on a.id = l.activity_id
    join m on m.type_key = a.type_key
    where a.status = 'done' and a.start_date <= ${to}::date and coalesce(a.end_date, a.start_date) >= ${from}::date
    group by l.programme_id, m.dim`,
  );
}

/** One derivation of `dimensionStatRowsOfPeriods`: programmes, a period and the model's type mapping. */
export interface StatsJob {
  programmeIds: string[];
  period: Period;
  mapping: { dim: string; type_key: string }[];
}

/**
 * `dimensionStatRows` for several periods (e.g. a year and the year before, each with the model version
 * it is computed with) in one query: the programmes' links and activities are read once. Rows carry the
 * index of their job.
 */
export function dimensionStatRowsOfPeriods(db: Db | Tx, jobs: StatsJob[]) {
  const programmeIds = [...new Set(jobs.flatMap((j) => j.programmeIds))];
  const periods = jobs.map((j, job) => ({
    job,
    from_date: j.period.from,
    to_date: j.period.to,
    programme_ids: uuidArray(j.programmeIds),
  }));
  const mapping = jobs.flatMap((j, job) => j.mapping.map((m) => ({ job, ...m })));
  return queryRows<StatsRow & { job: number }>(
    db,
    sql`
    with links as (${programmeLinks(programmeIds)}),
    j as (select job, from_date, to_date, programme_ids::uuid[] as programme_ids
          from jsonb_to_recordset(${JSON.stringify(periods)}::jsonb)
          as x(job int, from_date date, to_date date, programme_ids text)),
    m as (select job, dim, type_key from jsonb_to_recordset(${JSON.stringify(mapping)}::jsonb)
          as x(job int, dim text, type_key text))
    select j.job, l.programme_id::text as programme_id, m.dim,
           count(distinct a.id)::int as n, count(distinct l.course_id)::int as courses,
           bool_or(a.mandatory) as mandatory, bool_or(a.evaluated) as evaluated
    from links l
    join activities a on a.id = l.activity_id
    join j on l.programme_id = any(j.programme_ids)
          and a.start_date <= j.to_date and coalesce(a.end_date, a.start_date) >= j.from_date
    join m on m.job = j.job and m.type_key = a.type_key
    where a.status = 'done'
    group by j.job, l.programme_id, m.dim`,
  );
}

export interface ActivityRow {
  id: string;
  title: string;
  type_key: string;
  status: string;
  start_date: string | null;
  mandatory: boolean;
  evaluated: boolean;
}

/** The programme's activities in the period whose type is one of `types` (any status). */
export function programmeActivityRows(
  db: Db | Tx,
  programmeId: string,
  { from, to }: Period,
  types: string[],
) {
  return queryRows<ActivityRow>(
    db,
    sql`
    select a.id::text as id, a.title, a.type_key, a.status, a.start_date::text as start_date,
           a.mandatory, a.evaluated
    from activities a
    where a.id in (select activity_id from (${programmeLinks([programmeId])}) l)
      and a.type_key in (select value from jsonb_array_elements_text(${JSON.stringify(types)}::jsonb))
      and a.start_date <= ${to}::date and coalesce(a.end_date, a.start_date) >= ${from}::date
    order by a.start_date, a.sort_key, a.id`,
  );
}

export interface PlanRow {
  id: string;
  title: string;
  type_key: string;
  status: string;
  start_date: string | null;
  offer_id: string | null;
  offer_title: string | null;
  taken_by: string | null;
}

/**
 * The programme's work plan rows for a year: the activities taken from offers for that year (whatever
 * their status now, with the offer and who took it) and every other planned activity of the programme
 * in the period.
 */
export function workPlanRows(db: Db, programmeId: string, year: number, { from, to }: Period) {
  return queryRows<PlanRow>(
    db,
    sql`
    with takes as (
      select t.activity_id, t.offer_id, o.title as offer_title, u.name as taken_by
      from compass_offer_takes t
      join compass_offers o on o.id = t.offer_id
      left join users u on u.id = t.taken_by
      where t.programme_id = ${programmeId}::uuid and t.year = ${year} and t.activity_id is not null
    )
    select a.id::text as id, a.title, a.type_key, a.status, a.start_date::text as start_date,
           t.offer_id::text as offer_id, t.offer_title, t.taken_by
    from activities a
    left join takes t on t.activity_id = a.id
    where t.activity_id is not null
       or (a.status = 'planned'
           and a.id in (select activity_id from (${programmeLinks([programmeId])}) l)
           and a.start_date <= ${to}::date and coalesce(a.end_date, a.start_date) >= ${from}::date)
    order by a.start_date nulls last, a.sort_key, a.id`,
  );
}
