/** The search module's door: the search over the registers and the queries behind it. */

export { searchHits, searchStatements, sourceQuery, sources } from "../../read/search-registers.ts";
export { registerSearchRoutes } from "./search.routes.ts";
