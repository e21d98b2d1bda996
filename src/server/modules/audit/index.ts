// The audit module's door (started for issue 20): what other modules may use.
export * as personalData from "./audit.personal-data.ts";

export { registerAuditRoutes } from "./audit.routes.ts";
