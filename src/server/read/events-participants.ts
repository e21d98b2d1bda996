import { type SQL, sql } from "drizzle-orm";

/**
 * The SQL of the events module's participant table (see `participantTable` there): the events in scope with
 * their estimated participants, and the distinct people who attended them by role and organisation.
 * Cross-module because the scope reads the activities' tags and participant estimates, the organisation names
 * come from the organisations register and a project's name from the projects module (read layer, decision
 * 011). Statements to run, also run bare by the benchmark; no authorisation here (the events module's
 * service authorises the reader).
 *
 * Scope: `projectTag` matches events whose activity, series or network carries the tag; `projectId`
 * events linked to the project directly or through their series or network; `seriesId`, `networkId`.
 */
export type ParticipantTableQuery = {
  projectTag?: string;
  projectId?: string;
  seriesId?: string;
  networkId?: string;
};

function scopeOf(q: ParticipantTableQuery): { where: SQL; kind: string; label: SQL } {
  if (q.projectTag) {
    const tag = JSON.stringify([q.projectTag]);
    return {
      kind: "projectTag",
      where: sql`(a.tags @> ${tag}::jsonb or es.tags @> ${tag}::jsonb or en.tags @> ${tag}::jsonb)`,
      label: sql`${q.projectTag}::text`,
    };
  }
  if (q.projectId)
    return {
      kind: "project",
      where: sql`(e.project_id = ${q.projectId}::uuid or es.project_id = ${q.projectId}::uuid or en.project_id = ${q.projectId}::uuid)`,
      label: sql`(select name from projects where id = ${q.projectId}::uuid)`,
    };
  if (q.seriesId)
    return {
      kind: "series",
      where: sql`e.series_id = ${q.seriesId}::uuid`,
      label: sql`(select name from event_series where id = ${q.seriesId}::uuid)`,
    };
  return {
    kind: "network",
    where: sql`e.network_id = ${q.networkId}::uuid`,
    label: sql`(select name from event_networks where id = ${q.networkId}::uuid)`,
  };
}

/** The SQL of the table, also run bare by the benchmark. */
export function participantTableSql(q: ParticipantTableQuery) {
  const scope = scopeOf(q);
  const scoped = sql`select e.activity_id as id, a.participants
      from events e join activities a on a.id = e.activity_id
      left join event_series es on es.id = e.series_id
      left join event_networks en on en.id = e.network_id
      where ${scope.where}`;
  const people = sql`select distinct on (coalesce(r.person_id, r.id))
        r.role_key, coalesce(o.name, r.organisation_name) as organisation
      from event_registrations r
      left join organisations o on o.id = r.organisation_id
      where r.event_id in (select id from scoped) and r.attended_at is not null
      order by coalesce(r.person_id, r.id), r.attended_at desc, r.id`;
  return {
    scope,
    totals: sql`with scoped as (${scoped})
      select (select count(*)::int from scoped) as events,
             (select count(*)::int from event_registrations where event_id in (select id from scoped)) as registrations,
             (select coalesce(sum(participants), 0)::int from scoped s
               where not exists (select 1 from event_registrations r where r.event_id = s.id and r.attended_at is not null)
             ) as estimated,
             ${scope.label} as label`,
    byRoleAndOrganisation: sql`with scoped as (${scoped}), people as (${people})
      select role_key, organisation, count(*)::int as n from people group by role_key, organisation`,
  };
}
