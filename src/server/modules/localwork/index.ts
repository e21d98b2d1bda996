// The local development work module's door: what other modules and the route list may use.

// The support efforts' indicator records live in the read layer (decision 011); this door hands them on.
export { supportRecordsSql } from "../../read/support-records.ts";
export { registerLocalWorkRoutes } from "./localwork.routes.ts";
export {
  addSupport,
  createPlan,
  supportOfProjectInPeriod,
  supportSummary,
  totalsOf,
} from "./localwork.service.ts";
