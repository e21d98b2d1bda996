/** The organisations module's door: what other modules, routes.ts and the demo may use (issue 12). */

export { canReadOrganisationFollowUp, readableOrganisationIds } from "./follow-up.policy.ts";
export { partnerOrganisationIds } from "./organisations.policy.ts";
export { organisationNames } from "./organisations.queries.ts";
export { createOrganisation } from "./organisations.service.ts";
export { parseWith } from "./register-helpers.ts";
