/** The goals module's door: what other modules may use. */
export { registerGoalRoutes } from "./goals.routes.ts";
