/** The goals module's door: what other modules, routes.ts and the demo may use (issue 12). */
export {
  currentVersionOf,
  describeVersion,
  goalRefsFor,
  goalsOfVersion,
  setGoalLinks,
} from "./goal-links.service.ts";
export { registerGoalRoutes } from "./goals.routes.ts";
export { actorUserId, getFramework } from "./goals.service.ts";
