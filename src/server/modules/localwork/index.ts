// The local development work module's door: what other modules and the route list may use.

export { supportRecordsSql } from "./localwork.records.ts";
export { registerLocalWorkRoutes } from "./localwork.routes.ts";
export {
  addSupport,
  createPlan,
  supportOfProjectInPeriod,
  supportSummary,
  totalsOf,
} from "./localwork.service.ts";
