// The accounts module's door: what other modules may use.
export { searchActiveUsers, type UserCandidate, userNames } from "./accounts.directory.ts";
export { actorOf, endSession, ensureExternalUser, startExternalSession } from "./accounts.external.ts";
export * as personalData from "./accounts.personal-data.ts";
export { accountsPolicy, canReadAuditLog } from "./accounts.policy.ts";
export { registerAccountRoutes } from "./accounts.routes.ts";
export { ensureUser, hashPassword, loadActor, resolveSession, setRoles } from "./accounts.service.ts";
export { resolveApiToken } from "./api-tokens.ts";
export { SessionCache, sessionResolver } from "./session-cache.ts";
