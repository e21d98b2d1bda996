/** The indicators module's door: measurable goals, their values and evaluation. */
export { computeValue } from "./indicators.compute.ts";
export { evaluateIndicators } from "./indicators.evaluate.ts";
export { findIndicators } from "./indicators.records.ts";
export { registerIndicatorRoutes } from "./indicators.routes.ts";
export { goalHasIndicatorNamed, hasIndicators } from "./indicators.seed.ts";
export { addManualValue, createIndicator } from "./indicators.service.ts";
