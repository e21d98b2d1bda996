/** The retention module's door (issue 20, item 3): its routes and the daily task for the scheduler. */
export { retentionTask } from "./retention.jobs.ts";
export { registerRetentionRoutes } from "./retention.routes.ts";
export { currentRules as currentRetentionRules } from "./retention.rules.ts";
