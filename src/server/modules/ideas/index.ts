// The ideas module's door: what other modules and the route list may use.
export {
  callFunnel,
  createCallAs,
  findCallId,
  funnelsInPeriod,
  getCall,
  ideasByOrganisation,
  listPublicCalls,
} from "./calls.service.ts";
export { grantIdea, recordHistoricGrant } from "./grant.service.ts";
export * as personalData from "./ideas.personal-data.ts";
export { anonymiseExpiredSubmitters } from "./ideas.retention.ts";
export { registerIdeaRoutes } from "./ideas.routes.ts";
export { transitionIdeaAt } from "./ideas.service.ts";
export { registerPublicIdeaRoutes } from "./public.routes.ts";
export { recordIdea } from "./public-ideas.service.ts";
