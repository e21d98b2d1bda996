/** The plans module's door: what other modules, routes.ts and the demo may use (issue 12). */
export { registerPlanRoutes } from "./plans.routes.ts";
