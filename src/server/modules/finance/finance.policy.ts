import { type Actor, hasRole, isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";
import { partnerOrganisationIds } from "../organisations/organisations.policy.ts";

/**
 * Follow-up data (money, indicators, reports) is read by everyone inside the platform; a partner
 * representative — whose only role is partner — sees only their own organisations' figures.
 * Administrators and coordinators record budgets and spend.
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

export const canManageFinance = (actor: Actor | null) => isStaff(actor);

/** `read`: one organisation's figures (404 outside what the actor reads); lists are scoped in the query. */
export const financePolicy = {
  read: { allow: (actor, s) => !!s && canReadOrganisationFollowUp(actor, s.organisationId), refuse: "hide" },
  manage: canManageFinance,
} satisfies Policy<"read" | "manage", { organisationId: string | null } | null>;
