/** The plans module's door: action plans, their items and progress. */
export { addProgress, createPlanItem } from "./plan-items.service.ts";
export { registerPlanRoutes } from "./plans.routes.ts";
export { planIdByTitle } from "./plans.seed.ts";
export { createPlan, getPlan } from "./plans.service.ts";
