/** The activities module's door: the activity register and its types, as other modules and the demo use them. */
export { activityIdsOfType } from "./activities.seed.ts";
export { createActivity } from "./activities.write.ts";
export { ensureActivityTypes } from "./activity-types.service.ts";
