/** The search module's door: what other modules may use. */
export { registerSearchRoutes } from "./search.routes.ts";
