/** The goals module's door: goal frameworks and the links of activities, projects and plan items to goals. */
export { goalIdsByCode, setActivityGoals } from "./goal-links.service.ts";
export { registerGoalRoutes } from "./goals.routes.ts";
export { frameworkIdByName, goalHasActivities } from "./goals.seed.ts";
export { createFramework } from "./goals.service.ts";
