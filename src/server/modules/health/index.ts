/** The health module's door: what other modules may use. */
export { registerHealthRoutes } from "./health.routes.ts";
