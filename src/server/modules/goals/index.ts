/** The goals module's door: goal frameworks and the links of activities, projects and plan items to goals. */
export {
  currentVersionOf,
  describeVersion,
  goalIdsByCode,
  goalRefsFor,
  goalsOfVersion,
  setActivityGoals,
  setGoalLinks,
} from "./goal-links.service.ts";
export { registerGoalRoutes } from "./goals.routes.ts";
export { frameworkIdByName, goalHasActivities } from "./goals.seed.ts";
export { actorUserId, createFramework, getFramework } from "./goals.service.ts";
