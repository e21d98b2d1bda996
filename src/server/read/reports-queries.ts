import { sql } from "drizzle-orm";
import { participantRoles } from "../../common/events.ts";
import { outputTypes } from "../../common/projects.ts";
import { type Db, queryRows } from "../db/client.ts";
import { stockholmDateTime } from "../platform/spreadsheet-export.ts";

/**
 * Read models of the reports (read layer, decision 011): plain SQL over the registers' and the events, projects and goals
 * modules' tables (activities, activity_types, activity_organisations, events, event_sessions,
 * event_registrations, event_series, event_networks, projects, project_outputs, goal_frameworks).
 * Those modules own the tables; reports only read them. Every query has a total order, so the
 * same data gives the same report. The reports module decides who may read them.
 */

/** The date (YYYY-MM-DD) a session's start has on a Stockholm clock (the events' stockholmParts(..).date). */
const stockholmDate = (instant: string) => (stockholmDateTime(instant) as Date).toISOString().slice(0, 10);

export interface ReportActivity {
  id: string;
  title: string;
  typeKey: string;
  typeSv: string;
  typeEn: string;
  category: string;
  startDate: string;
  endDate: string | null;
  place: string | null;
  estimated: number | null;
  registered: number;
  attended: number;
  /** An event that takes registrations (or has some): its registered and attended counts mean something. */
  isEvent: boolean;
  /** The sector of the project the event belongs to (directly, or through its series or network). */
  sector: string | null;
  /** The event's theme, e.g. "Äldreomsorg och socialt arbete". */
  theme: string | null;
  tags: string[];
  coOrganisers: string | null;
  /** Distinct Stockholm dates of the event's sessions; empty for plain activities. */
  sessionDates: string[];
  sessionPlaces: string[];
}

interface ActivityRow
  extends Omit<ReportActivity, "sessionDates" | "sessionPlaces" | "registered" | "attended"> {
  registered: number | string;
  attended: number | string;
  /** JSON arrays: both drivers parse JSON, while array types come back differently. */
  sessionStarts: string[] | null;
  sessionPlaces: string[] | null;
}

/** What links activities to a project (and so to the project's owner and sector). */
const eventProject = sql`
  left join events e on e.activity_id = a.id
  left join event_series es on es.id = e.series_id
  left join event_networks en on en.id = e.network_id
  left join projects ep on ep.id = coalesce(e.project_id, es.project_id, en.project_id)`;

/** An activity overlaps [from, to] (as the indicators count it). */
const overlaps = (from: string, to: string) =>
  sql`coalesce(a.end_date, a.start_date) >= ${from}::date and a.start_date <= ${to}::date`;

function toActivity(r: ActivityRow): ReportActivity {
  const dates = [...new Set((r.sessionStarts ?? []).map(stockholmDate))].sort();
  return {
    ...r,
    registered: Number(r.registered),
    attended: Number(r.attended),
    sessionDates: dates,
    sessionPlaces: [...new Set((r.sessionPlaces ?? []).filter(Boolean))],
  };
}

const activityColumns = (organisationId: string) => sql`
  a.id, a.title, a.type_key as "typeKey", t.label_sv as "typeSv", t.label_en as "typeEn", t.category,
  a.start_date::text as "startDate", a.end_date::text as "endDate", a.place, a.participants as estimated,
  a.tags, ep.sector, e.theme,
  e.activity_id is not null and (e.registration_enabled or exists (select 1 from event_registrations r where r.event_id = a.id)) as "isEvent",
  (select count(*) from event_registrations r where r.event_id = a.id and r.status <> 'cancelled') as registered,
  (select count(*) from event_registrations r where r.event_id = a.id and r.status <> 'cancelled' and r.attended_at is not null) as attended,
  (select string_agg(o.name, ', ' order by o.sort_key, o.id) from activity_organisations ao join organisations o on o.id = ao.organisation_id
     where ao.activity_id = a.id and ao.organisation_id <> ${organisationId}::uuid) as "coOrganisers",
  (select json_agg(s.starts_at order by s.starts_at, s.id) from event_sessions s where s.event_id = a.id) as "sessionStarts",
  (select json_agg(s.place order by s.starts_at, s.id) from event_sessions s where s.event_id = a.id) as "sessionPlaces"`;

/**
 * Ids of the activities linked to the organisation and of the events of its projects. The project that
 * counts for an event is its own, else its series', else its network's (as `eventProject` joins it);
 * each of the three cases is its own branch, so every part is found through an index.
 */
const organisationActivityIds = (organisationId: string) => sql`
  select ao.activity_id from activity_organisations ao where ao.organisation_id = ${organisationId}::uuid
  union
  select e.activity_id from projects p join events e on e.project_id = p.id
  where p.owner_organisation_id = ${organisationId}::uuid
  union
  select e.activity_id from projects p
  join event_series es on es.project_id = p.id join events e on e.series_id = es.id
  where p.owner_organisation_id = ${organisationId}::uuid and e.project_id is null
  union
  select e.activity_id from projects p
  join event_networks en on en.project_id = p.id join events e on e.network_id = en.id
  left join event_series es on es.id = e.series_id
  where p.owner_organisation_id = ${organisationId}::uuid and e.project_id is null and es.project_id is null`;

/**
 * The organisation's activities that started in the period: those it is linked to (as organiser or
 * partner) and the events of its projects. Cancelled ones are left out.
 */
export async function organisationActivities(db: Db, organisationId: string, from: string, to: string) {
  const rows = await queryRows<ActivityRow>(
    db,
    sql`select ${activityColumns(organisationId)}
      from activities a join activity_types t on t.key = a.type_key
      ${eventProject}
      where a.status <> 'cancelled' and a.start_date between ${from}::date and ${to}::date
        and a.id in (${organisationActivityIds(organisationId)})
      order by a.start_date, a.sort_key, a.id`,
  );
  return rows.map(toActivity);
}

/** A project's (and its sub-projects') events and activities in the period. */
export async function projectActivities(db: Db, projectId: string, from: string, to: string) {
  const rows = await queryRows<ActivityRow>(
    db,
    sql`with recursive tree(id) as (select ${projectId}::uuid union all select c.id from projects c join tree t on c.parent_id = t.id)
      select ${activityColumns("00000000-0000-0000-0000-000000000000")}
      from activities a join activity_types t on t.key = a.type_key
      ${eventProject}
      where a.status <> 'cancelled' and ${overlaps(from, to)} and ep.id in (select id from tree)
      order by a.start_date, a.sort_key, a.id`,
  );
  return rows.map(toActivity);
}

export interface ReportProject {
  id: string;
  name: string;
  sector: string | null;
  parentId: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  periodText: string | null;
  leadName: string | null;
  colour: string | null;
  description: string | null;
}

const projectColumns = sql`p.id, p.name, p.sector, p.parent_id as "parentId", p.period_start::text as "periodStart",
  p.period_end::text as "periodEnd", p.period_text as "periodText", coalesce(pe.name, p.lead_name) as "leadName",
  p.colour, p.description`;

/** The organisation's projects running in the period (undated ones count as running). */
export function organisationProjects(db: Db, organisationId: string, from: string, to: string) {
  return queryRows<ReportProject>(
    db,
    sql`select ${projectColumns} from projects p left join people pe on pe.id = p.lead_person_id
      where p.owner_organisation_id = ${organisationId}::uuid
        and coalesce(p.period_start, '0001-01-01'::date) <= ${to}::date
        and coalesce(p.period_end + interval '1 month' - interval '1 day', '9999-12-31'::date) >= ${from}::date
      order by p.sort_key, p.id`,
  );
}

/** A project and all its sub-projects, parents before children, in name order within a level. */
export function projectTree(db: Db, projectId: string) {
  return queryRows<ReportProject & { depth: number }>(
    db,
    sql`with recursive tree(id, depth) as (
          select ${projectId}::uuid, 0 union all select c.id, t.depth + 1 from projects c join tree t on c.parent_id = t.id)
        select ${projectColumns}, tree.depth from tree join projects p on p.id = tree.id
        left join people pe on pe.id = p.lead_person_id
        order by tree.depth, p.sort_key, p.id`,
  );
}

export interface OutputCount {
  type: string;
  count: number;
}

/** Outputs by type, one record each: of the given projects, optionally only those dated in the period. */
export async function outputsByType(db: Db, projectIds: string[], period?: { from: string; to: string }) {
  if (!projectIds.length) return [];
  const ids = sql.join(
    projectIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const dated = period ? sql`and o.date between ${period.from}::date and ${period.to}::date` : sql``;
  const rows = await queryRows<{ type: string; count: number | string }>(
    db,
    sql`select o.type, count(*) as count from project_outputs o where o.project_id in (${ids}) ${dated}
        group by o.type order by o.type`,
  );
  // The catalogue's order (articles, reports, presentations, dissemination, models …), as seed 002 lists them.
  const rank = (type: string) => {
    const i = (outputTypes as readonly string[]).indexOf(type);
    return i < 0 ? outputTypes.length : i;
  };
  return rows
    .map((r): OutputCount => ({ type: r.type, count: Number(r.count) }))
    .sort((a, b) => rank(a.type) - rank(b.type) || a.type.localeCompare(b.type));
}

export interface OutputRecord {
  type: string;
  title: string;
  projectName: string;
  authors: string | null;
  venue: string | null;
  year: number | null;
  doi: string | null;
  date: string | null;
}

/** The output records of the given projects, for the lists a follow-up's counts open. */
export async function outputRecords(db: Db, projectIds: string[]) {
  if (!projectIds.length) return [];
  const ids = sql.join(
    projectIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<OutputRecord & { year: number | string | null; date: string | Date | null }>(
    db,
    sql`select o.type, o.title, p.name as "projectName", o.authors, o.venue, o.year, o.doi, o.date::text as date
        from project_outputs o join projects p on p.id = o.project_id where o.project_id in (${ids})
        order by o.type, coalesce(o.year, extract(year from o.date)::int), o.date, o.title, o.id`,
  );
  return rows.map(
    (r): OutputRecord => ({
      ...r,
      year: r.year === null ? null : Number(r.year),
      date: r.date === null ? null : String(r.date),
    }),
  );
}

/** Frameworks the organisation owns, in name order. */
export function frameworksOwnedBy(db: Db, organisationId: string) {
  return queryRows<{ id: string }>(
    db,
    sql`select id from goal_frameworks where owner_organisation_id = ${organisationId}::uuid order by sort_key, id`,
  );
}

/** Participants who attended the project's events in the period, by role (the project's role table). */
export async function attendeesByRole(db: Db, projectId: string, from: string, to: string) {
  const rows = await queryRows<{ role_key: string | null; role: string | null; people: number | string }>(
    db,
    sql`with recursive tree(id) as (select ${projectId}::uuid union all select c.id from projects c join tree t on c.parent_id = t.id)
      select r.role_key, min(r.role) as role,
        count(distinct coalesce(r.person_id::text, 'e:' || lower(r.email), 'r:' || r.id::text)) as people
      from event_registrations r
      join activities a on a.id = r.event_id
      ${eventProject}
      where r.attended_at is not null and r.status <> 'cancelled' and a.status <> 'cancelled'
        and ${overlaps(from, to)} and ep.id in (select id from tree)
      group by r.role_key order by r.role_key nulls last`,
  );
  // The catalogue's order (learning centres' functions first), as the project plan's table has it.
  const rank = (key: string | null) => {
    const i = participantRoles.findIndex((r) => r.key === key);
    return i < 0 ? participantRoles.length : i;
  };
  return rows
    .map((r) => ({ roleKey: r.role_key, role: r.role, people: Number(r.people) }))
    .sort((a, b) => rank(a.roleKey) - rank(b.roleKey));
}
