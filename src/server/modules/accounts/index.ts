// The accounts module's door: what other modules may use.
export { searchActiveUsers, type UserCandidate, userNames } from "./accounts.directory.ts";
export { actorOf, endSession, ensureExternalUser, startExternalSession } from "./accounts.external.ts";
export * as personalData from "./accounts.personal-data.ts";
export { ensureUser } from "./accounts.service.ts";
