import { type SQL, sql } from "drizzle-orm";
import {
  type ParticipantRoleGroup,
  type ParticipantTableView,
  participantRoleGroups,
  participantRoles,
  participantTableQuery,
} from "../../../common/events.ts";
import { type Db, queryRows } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { notFound } from "../../platform/errors.ts";
import { parseWith } from "../../platform/validation.ts";
import { eventsPolicy } from "./events.policy.ts";

/**
 * The participant table of a project, series or network: the distinct people who attended at least
 * one of its events, by role and by organisation (seed 004: "260 personer", 214 in learning centres by
 * six functions, 46 elsewhere). A person is one row however many events they attended — matched through
 * the people register (e-mail), or the registration itself for a walk-in without e-mail — and counted
 * with the role and organisation of their latest attendance. Estimated counts (events where names were
 * not taken) are reported beside it, never added in.
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

type Totals = { events: number; registrations: number; estimated: number; label: string | null };
type Cell = { role_key: string | null; organisation: string | null; n: number };

export async function participantTable(
  db: Db,
  actor: Actor | null,
  query: ParticipantTableQuery & { format?: string },
): Promise<ParticipantTableView> {
  requireActor(actor);
  authorize(actor, eventsPolicy, "manageParticipants", null);
  const q = parseWith(participantTableQuery, query);
  const statements = participantTableSql(q);
  const [[totals], cells] = await Promise.all([
    queryRows<Totals>(db, statements.totals),
    queryRows<Cell>(db, statements.byRoleAndOrganisation),
  ]);
  if (totals.label === null) throw notFound();
  const roleCount = new Map<string | null, number>();
  const orgCount = new Map<string, number>();
  for (const c of cells) {
    roleCount.set(c.role_key, (roleCount.get(c.role_key) ?? 0) + c.n);
    const org = c.organisation ?? "";
    orgCount.set(org, (orgCount.get(org) ?? 0) + c.n);
  }
  const known = new Set<string>(participantRoles.map((r) => r.key));
  const groups: ParticipantTableView["groups"] = participantRoleGroups.map((group: ParticipantRoleGroup) => {
    const roles = participantRoles
      .filter((r) => r.group === group)
      .map((r) => ({
        roleKey: r.key as string | null,
        label: r.sv as string,
        count: roleCount.get(r.key) ?? 0,
      }));
    return { group, label: group, count: roles.reduce((s, r) => s + r.count, 0), roles };
  });
  const unknown = [...roleCount.entries()]
    .filter(([k]) => k === null || !known.has(k))
    .reduce((s, [, n]) => s + n, 0);
  if (unknown)
    groups.push({
      group: "okand",
      label: "okand",
      count: unknown,
      roles: [{ roleKey: null, label: "", count: unknown }],
    });
  return {
    scope: { kind: statements.scope.kind, label: totals.label },
    events: totals.events,
    registrations: totals.registrations,
    participants: cells.reduce((s, c) => s + c.n, 0),
    estimatedAtEventsWithoutNames: totals.estimated,
    groups,
    organisations: [...orgCount.entries()]
      .map(([organisation, count]) => ({ organisation, count }))
      .sort((a, b) => b.count - a.count || a.organisation.localeCompare(b.organisation, "sv")),
  };
}
