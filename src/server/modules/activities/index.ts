/** The activities module's door: the activity register and its types, as other modules and the demo use them. */

export { activityTitles } from "./activities.queries.ts";
export { toRecords } from "./activities.records.ts";
export { activityVersion, registerActivityRoutes } from "./activities.routes.ts";
export { activityIdsOfType } from "./activities.seed.ts";
export { type ActivityRecord, deleteActivity, listActivities, updateActivity } from "./activities.service.ts";
export { createActivity } from "./activities.write.ts";
export { registerActivityTypeRoutes } from "./activity-types.routes.ts";
export { activityTypeKeys, ensureActivityTypes, findActivityType } from "./activity-types.service.ts";
