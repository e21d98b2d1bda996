/** The organisations module's door: the organisation register. */

export { canReadOrganisationFollowUp, readableOrganisationIds } from "./follow-up.policy.ts";
export { createOrganisations, type NewOrganisation, OrganisationsRefused } from "./organisations.bulk.ts";
export { canReadRegisters, partnerOrganisationIds } from "./organisations.policy.ts";
export {
  existingOrganisationIds,
  type OrganisationReferenceReads,
  organisationIdByName,
  organisationIdsByNames,
  organisationNames,
  organisationsInOrder,
  provideOrganisationReferenceReads,
} from "./organisations.queries.ts";
export { registerOrganisationRoutes } from "./organisations.routes.ts";
export { organisationIdsByName } from "./organisations.seed.ts";
export { createOrganisation, listOrganisations, type OrganisationRecord } from "./organisations.service.ts";
export { keyset, nameMatches } from "./register-helpers.ts";
