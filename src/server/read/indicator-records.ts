import { type SQL, sql } from "drizzle-orm";
import { GENDER_MIN_GROUP } from "../../common/events.ts";
import {
  type DefinitionFilters,
  type IndicatorDefinition,
  isAgreementKind,
} from "../../common/indicators.ts";
import { agreementRecordsSql } from "./agreement-records.ts";
import { supportRecordsSql } from "./support-records.ts";

/**
 * THE place where an indicator definition becomes SQL. Every figure — the value, the history, the
 * drill-down — is computed from the one records query built here, so the value is by construction
 * the sum of the `amount` of the records it lists (1 per record for the counting kinds).
 *
 * Read layer (decision 011): this reads the registers' and the events, projects and finance modules' tables
 * with plain SQL (activities, activity_organisations, activity_goals, events, event_series,
 * event_networks, event_registrations, event_gender_answers, people, organisations, project_outputs, project_goals,
 * projects, spend_entries, finance_units). Those modules own the tables; this only reads them. The SKO
 * agreements' kinds and the process-support hours have their records queries beside it (agreement-records.ts,
 * support-records.ts). The indicators module calls it after deciding who may read what.
 *
 * Every records query yields the same columns:
 *   kind, id (register id or null), label, date (ISO or null), amount, detail, project_id,
 *   sort (text order of the drill-down), key (unique per record; the keyset's tie-breaker).
 * An activity counts when it is not cancelled, has a start date on or before the as-of date, and
 * overlaps the definition's period; undated activities never count.
 */

const list = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
/** The project and all its sub-projects (a programme such as an agreement period counts its projects' data). */
const projectTree = (id: string) =>
  sql`(with recursive tree(id) as (select ${id}::uuid union all select c.id from projects c join tree t on c.parent_id = t.id) select id from tree)`;
const has = (values: readonly string[] | undefined): values is readonly string[] =>
  !!values && values.length > 0;

/** Activities matching the filters; `countsOrganisations` leaves organisation types to the counted organisations. */
function matchedActivities(f: DefinitionFilters, asOf: string, countsOrganisations = false): SQL {
  const where: SQL[] = [
    sql`a.status <> 'cancelled'`,
    sql`a.start_date is not null`,
    sql`a.start_date <= ${asOf}::date`,
  ];
  if (f.from) where.push(sql`coalesce(a.end_date, a.start_date) >= ${f.from}::date`);
  if (f.to) where.push(sql`a.start_date <= ${f.to}::date`);
  if (has(f.activityTypes)) where.push(sql`a.type_key = any(${list(f.activityTypes)})`);
  if (has(f.tags))
    where.push(sql`(jsonb_exists_any(a.tags, ${list(f.tags)}) or e.theme = any(${list(f.tags)}))`);
  if (f.goalId)
    where.push(
      sql`exists (select 1 from activity_goals ag where ag.activity_id = a.id and ag.goal_id = ${f.goalId}::uuid)`,
    );
  if (f.organisationId)
    where.push(
      sql`exists (select 1 from activity_organisations ao where ao.activity_id = a.id and ao.organisation_id = ${f.organisationId}::uuid)`,
    );
  if (has(f.organisationTypes) && !countsOrganisations)
    where.push(sql`exists (select 1 from activity_organisations ao join organisations o on o.id = ao.organisation_id
      where ao.activity_id = a.id and o.type = any(${list(f.organisationTypes)}))`);
  if (f.projectId)
    where.push(
      sql`(e.project_id in ${projectTree(f.projectId)} or es.project_id in ${projectTree(f.projectId)} or en.project_id in ${projectTree(f.projectId)})`,
    );
  if (f.seriesId) where.push(sql`e.series_id = ${f.seriesId}::uuid`);
  return sql`select a.id, a.title, a.sort_key, a.type_key, a.start_date, a.participants
    from activities a
    left join events e on e.activity_id = a.id
    left join event_series es on es.id = e.series_id
    left join event_networks en on en.id = e.network_id
    where ${sql.join(where, sql` and `)}`;
}

const dated = (column: string) => sql.raw(`coalesce(${column}::text, '0000-00-00')`);

function activityRecords(f: DefinitionFilters, asOf: string, participants: boolean): SQL {
  return sql`select 'activity'::text as kind, m.id::text as id, m.title as label, m.start_date::text as date,
      ${participants ? sql`m.participants` : sql`1`}::float8 as amount, m.type_key as detail, null::text as project_id,
      ${dated("m.start_date")} || ' ' || m.sort_key as sort, m.id::text as key
    from (${matchedActivities(f, asOf)}) m
    ${participants ? sql`where m.participants is not null` : sql``}`;
}

/**
 * Distinct people: a register person, else an e-mail address, else the registration itself.
 * Registrations are fetched per matched event (LATERAL, through the event_id index): with random
 * uuids the planner cannot see that an event's registrations sit together and would otherwise scan
 * every registration for an indicator that covers a month's events. `offset 0` keeps the planner
 * from flattening the subquery back into a plain join.
 */
function peopleRecords(f: DefinitionFilters, asOf: string): SQL {
  const roles = has(f.roleKeys) ? sql`and r.role_key = any(${list(f.roleKeys)})` : sql``;
  return sql`select 'person'::text as kind, min(r.person_id::text) as id,
      coalesce(min(p.name), min(r.name)) as label, min(m.start_date)::text as date, 1::float8 as amount,
      coalesce(min(o.name), min(r.organisation_name)) as detail, null::text as project_id,
      lower(coalesce(min(p.sort_key), min(r.name))) as sort,
      coalesce(r.person_id::text, 'e:' || lower(r.email), 'r:' || r.id::text) as key
    from (${matchedActivities(f, asOf)}) m
    cross join lateral (
      select * from event_registrations r
      where r.event_id = m.id and r.attended_at is not null and r.status <> 'cancelled' ${roles}
      offset 0
    ) r
    left join people p on p.id = r.person_id
    left join organisations o on o.id = r.organisation_id
    group by coalesce(r.person_id::text, 'e:' || lower(r.email), 'r:' || r.id::text)`;
}

function organisationRecords(f: DefinitionFilters, asOf: string): SQL {
  const types = has(f.organisationTypes) ? sql`where o.type = any(${list(f.organisationTypes)})` : sql``;
  return sql`select 'organisation'::text as kind, o.id::text as id, o.name as label, min(m.start_date)::text as date,
      1::float8 as amount, o.type as detail, null::text as project_id, o.sort_key as sort, o.id::text as key
    from activity_organisations ao
    join (${matchedActivities(f, asOf, true)}) m on m.id = ao.activity_id
    join organisations o on o.id = ao.organisation_id
    ${types}
    group by o.id, o.name, o.type, o.sort_key`;
}

function spendRecords(f: DefinitionFilters, asOf: string): SQL {
  const where: SQL[] = [sql`s.date <= ${asOf}::date`];
  if (f.organisationId) where.push(sql`s.organisation_id = ${f.organisationId}::uuid`);
  if (f.projectId) where.push(sql`s.project_id in ${projectTree(f.projectId)}`);
  if (has(f.categories)) where.push(sql`s.category = any(${list(f.categories)})`);
  if (f.from) where.push(sql`s.date >= ${f.from}::date`);
  if (f.to) where.push(sql`s.date <= ${f.to}::date`);
  return sql`select 'spend'::text as kind, s.id::text as id, u.name as label, s.date::text as date,
      s.amount::float8 as amount, coalesce(s.note, s.category) as detail, s.project_id::text as project_id,
      s.date::text || ' ' || lower(u.name) as sort, s.id::text as key
    from spend_entries s join finance_units u on u.id = s.unit_id
    where ${sql.join(where, sql` and `)}`;
}

/** Outputs dated in the period, or undated outputs of projects whose period overlaps it. */
function outputRecords(f: DefinitionFilters, asOf: string): SQL {
  const where: SQL[] = [sql`(o.date is null or o.date <= ${asOf}::date)`];
  if (has(f.outputTypes)) where.push(sql`o.type = any(${list(f.outputTypes)})`);
  if (f.projectId) where.push(sql`p.id in ${projectTree(f.projectId)}`);
  if (f.organisationId) where.push(sql`p.owner_organisation_id = ${f.organisationId}::uuid`);
  if (f.goalId)
    where.push(
      sql`exists (select 1 from project_goals pg where pg.project_id = p.id and pg.goal_id = ${f.goalId}::uuid)`,
    );
  if (f.from || f.to) {
    const from = f.from ?? "0001-01-01";
    const to = f.to ?? "9999-12-31";
    where.push(sql`(o.date between ${from}::date and ${to}::date
      or (o.date is null and coalesce(p.period_start, '0001-01-01'::date) <= ${to}::date
          and coalesce(p.period_end, '9999-12-31'::date) >= ${from}::date))`);
  }
  return sql`select 'output'::text as kind, o.id::text as id, o.title as label, o.date::text as date,
      o.count::float8 as amount, o.type as detail, p.id::text as project_id,
      ${dated("o.date")} || ' ' || lower(o.title) as sort, o.id::text as key
    from project_outputs o join projects p on p.id = o.project_id
    where ${sql.join(where, sql` and `)}`;
}

/**
 * Participants by gender, from the events module's separately consented answers: one record per
 * gender group (never per person), counting distinct attending people, and only groups of at least
 * GENDER_MIN_GROUP — a smaller group is left out, so its size is never shown or summed.
 */
function genderRecords(f: DefinitionFilters, asOf: string): SQL {
  const which = has(f.genders) ? sql`and g.gender = any(${list(f.genders)})` : sql``;
  return sql`select 'group'::text as kind, null::text as id, g.gender as label, null::text as date,
      count(distinct coalesce(r.person_id::text, 'e:' || lower(r.email), 'r:' || r.id::text))::float8 as amount,
      null::text as detail, null::text as project_id, g.gender as sort, g.gender as key
    from (${matchedActivities(f, asOf)}) m
    join event_registrations r on r.event_id = m.id and r.attended_at is not null and r.status <> 'cancelled'
    join event_gender_answers g on g.registration_id = r.id ${which}
    group by g.gender
    having count(distinct coalesce(r.person_id::text, 'e:' || lower(r.email), 'r:' || r.id::text)) >= ${GENDER_MIN_GROUP}`;
}

/** The records a definition counts, as of a date (inclusive). */
export function recordsSql(definition: IndicatorDefinition, asOf: string): SQL {
  const f = definition.filters ?? {};
  // SKO agreements' figures: the agreements module owns their records query.
  if (isAgreementKind(definition.kind)) return agreementRecordsSql(definition.kind, f, asOf);
  switch (definition.kind) {
    case "count_activities":
      return activityRecords(f, asOf, false);
    case "sum_participants":
      return activityRecords(f, asOf, true);
    case "count_distinct_people_attended":
      return peopleRecords(f, asOf);
    case "count_distinct_organisations":
      return organisationRecords(f, asOf);
    case "sum_kronor":
      return spendRecords(f, asOf);
    case "count_project_outputs":
      return outputRecords(f, asOf);
    case "count_participants_by_gender":
      return genderRecords(f, asOf);
    case "sum_process_support_hours":
      // Local development work's process support: the localwork module owns its records query.
      return supportRecordsSql(f, asOf);
  }
}

/** `{ n, value }`: how many records, and what they add up to. */
export function valueSql(definition: IndicatorDefinition, asOf: string): SQL {
  return sql`select count(*)::int as n, coalesce(sum(r.amount), 0)::float8 as value from (${recordsSql(definition, asOf)}) r`;
}

/** `{ date, value }` per record date, oldest first (undated first): the cumulative history's steps. */
export function stepsSql(definition: IndicatorDefinition, asOf: string): SQL {
  return sql`select r.date, sum(r.amount)::float8 as value from (${recordsSql(definition, asOf)}) r
    group by r.date order by r.date nulls first`;
}

/** One page of the drill-down in (sort, key) order, after the given position. */
export function recordsPageSql(
  definition: IndicatorDefinition,
  asOf: string,
  limit: number,
  after: { sort: string; key: string } | null,
): SQL {
  const position = after ? sql`where (r.sort, r.key) > (${after.sort}, ${after.key})` : sql``;
  return sql`select r.* from (${recordsSql(definition, asOf)}) r ${position} order by r.sort, r.key limit ${limit}`;
}
