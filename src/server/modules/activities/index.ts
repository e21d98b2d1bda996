/** The activities module's door: what other modules may use. */

export { activityTitles } from "./activities.queries.ts";
export { toRecords } from "./activities.records.ts";
export { registerActivityRoutes } from "./activities.routes.ts";
export { type ActivityRecord, createActivity, listActivities, updateActivity } from "./activities.service.ts";
export { registerActivityTypeRoutes } from "./activity-types.routes.ts";
export { ensureActivityTypes, findActivityType } from "./activity-types.service.ts";
