/** The indicators module's door: what other modules may use. */
export { registerIndicatorRoutes } from "./indicators.routes.ts";
