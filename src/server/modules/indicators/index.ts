/** The indicators module's door: measurable goals, their values and evaluation. */
export { computeValue, dataAsOf } from "./indicators.compute.ts";
export { type EvaluatedIndicator, evaluateIndicators } from "./indicators.evaluate.ts";
export {
  findIndicators,
  indicatorsOfFramework,
  indicatorsOfProject,
  ownIndicatorsOfOrganisation,
} from "./indicators.records.ts";
export { registerIndicatorRoutes } from "./indicators.routes.ts";
export { goalHasIndicatorNamed, hasIndicators } from "./indicators.seed.ts";
export { addManualValue, createIndicator } from "./indicators.service.ts";
