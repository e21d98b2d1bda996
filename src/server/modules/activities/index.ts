/** The activities module's door: the activity register and its types, as other modules and the demo use them. */
export { activityIdsOfType } from "./activities.seed.ts";
export { createActivity } from "./activities.write.ts";
export { ensureActivityTypes } from "./activity-types.service.ts";
/** The activities module's door: what other modules may use. */

export { activityTitles } from "./activities.queries.ts";
export { toRecords } from "./activities.records.ts";
export { registerActivityRoutes } from "./activities.routes.ts";
export { type ActivityRecord, createActivity, listActivities, updateActivity } from "./activities.service.ts";
export { registerActivityTypeRoutes } from "./activity-types.routes.ts";
export { ensureActivityTypes, findActivityType } from "./activity-types.service.ts";
