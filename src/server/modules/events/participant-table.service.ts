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
import { type ParticipantTableQuery, participantTableSql } from "../../read/events-participants.ts";
import { eventsPolicy } from "./events.policy.ts";

// The statements read activities, organisations and projects: they live in the read layer (issue 12).
export { type ParticipantTableQuery, participantTableSql };

type Totals = { events: number; registrations: number; estimated: number; label: string | null };
type Cell = { role_key: string | null; organisation: string | null; n: number };

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
