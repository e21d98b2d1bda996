import { type Actor, isStaff } from "../../platform/actor.ts";

/**
 * Follow-up data (money, indicators, reports) is read by everyone inside the platform; a partner
 * representative — whose only role is partner — sees only their own organisations' figures (the rule is the
 * organisations module's, shared with projects, goals and indicators). Administrators and coordinators record
 * budgets and spend.
 */
export { canReadOrganisationFollowUp, readableOrganisationIds } from "../organisations/index.ts";

export const canManageFinance = (actor: Actor | null) => isStaff(actor);
