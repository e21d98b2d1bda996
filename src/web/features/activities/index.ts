/** Activities: the activity register. What other features use of it: the activity types and their labels. */
export { activityTypesQuery } from "./activities-api.ts";
export { typeLabel } from "./activity-labels.ts";
