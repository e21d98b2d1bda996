/** The overview module's door: the signed-in user's start page, GET /api/overview. */
export { registerOverviewRoutes } from "./overview.routes.ts";
export { personalOverview } from "./overview.service.ts";
