/** The governance module's door: what other modules, routes.ts and the demo may use. */
export { addMember, createBody, getBody, listBodies } from "./bodies.service.ts";
export { createDecision, decisionForGrant, listDecisions, updateDecision } from "./decisions.service.ts";
export * as personalData from "./governance.personal-data.ts";
export { registerGovernanceRoutes } from "./governance.routes.ts";
export { createMeeting, getMeeting, listMeetings } from "./meetings.service.ts";
export { approveMinutes, saveMinutes } from "./minutes.service.ts";
export { sendNotice } from "./notice.service.ts";
export { createRegistryEntry, listRegistry, setRegistryPrefix } from "./registry.service.ts";
