/** The search module's door: what other modules, routes.ts and the demo may use (issue 12). */
export { registerSearchRoutes } from "./search.routes.ts";
