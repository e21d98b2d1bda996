/** The compass module's door: what other modules, routes.ts and the demo may use (issue 12). */
export { registerCompassRoutes } from "./compass.routes.ts";
