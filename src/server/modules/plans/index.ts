/** The plans module's door: what other modules may use. */
export { registerPlanRoutes } from "./plans.routes.ts";
