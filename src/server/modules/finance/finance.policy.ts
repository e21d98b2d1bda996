import { type Actor, isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";
import { canReadOrganisationFollowUp } from "../organisations/index.ts";

/**
 * Follow-up data (money, indicators, reports) is read by everyone inside the platform; a partner
 * representative — whose only role is partner — sees only their own organisations' figures (the rule is the
 * organisations module's, shared with projects, goals and indicators). Administrators and coordinators record
 * budgets and spend.
 */
export { canReadOrganisationFollowUp, readableOrganisationIds } from "../organisations/index.ts";

export const canManageFinance = (actor: Actor | null) => isStaff(actor);

/** `read`: one organisation's figures (404 outside what the actor reads); lists are scoped in the query. */
export const financePolicy = {
  read: { allow: (actor, s) => !!s && canReadOrganisationFollowUp(actor, s.organisationId), refuse: "hide" },
  manage: canManageFinance,
} satisfies Policy<"read" | "manage", { organisationId: string | null } | null>;
