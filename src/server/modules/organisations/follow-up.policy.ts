import { type Actor, hasRole, isStaff } from "../../platform/actor.ts";
import { partnerOrganisationIds } from "./organisations.policy.ts";

/**
 * Follow-up data (money, indicators, reports, projects' figures) is read by everyone inside the platform; a
 * partner representative — whose only role is partner — sees only their own organisations' figures. The rule
 * is the organisations' so that finance, projects, goals, indicators and compass share it without depending
 * on each other (issue 12).
 */

/** The organisations a reader is limited to, or null when they may read every organisation's. */
export function readableOrganisationIds(actor: Actor | null): string[] | null {
  if (!actor) return [];
  const internal = isStaff(actor) || hasRole(actor, "group_member") || hasRole(actor, "programme_director");
  if (internal || !hasRole(actor, "partner")) return null;
  return partnerOrganisationIds(actor);
}

export function canReadOrganisationFollowUp(actor: Actor | null, organisationId: string | null) {
  if (!actor) return false;
  const limited = readableOrganisationIds(actor);
  return limited === null || (!!organisationId && limited.includes(organisationId));
}
