/** The organisations module's door: the organisation register. */
export { organisationIdsByName } from "./organisations.seed.ts";
export { createOrganisation } from "./organisations.service.ts";
