/** The activities module's door: what other modules, routes.ts and the demo may use (issue 12). */
export { createActivity, deleteActivity } from "./activities.service.ts";
export { ensureActivityTypes } from "./activity-types.service.ts";
