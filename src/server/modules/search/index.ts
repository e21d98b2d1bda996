/** The search module's door: the search over the registers and the queries behind it. */

export { registerSearchRoutes } from "./search.routes.ts";
export { sourceQuery, sources } from "./search.sql.ts";
