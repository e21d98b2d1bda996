/** The compass module's door: what other modules may use. */
export { registerCompassRoutes } from "./compass.routes.ts";
