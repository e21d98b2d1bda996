/** The indicators module's door: what other modules, routes.ts and the demo may use (issue 12). */
export { computeValue, dataAsOf } from "./indicators.compute.ts";
export { type EvaluatedIndicator, evaluateIndicators } from "./indicators.evaluate.ts";
export {
  findIndicators,
  indicatorsOfFramework,
  indicatorsOfProject,
  ownIndicatorsOfOrganisation,
} from "./indicators.records.ts";
export { registerIndicatorRoutes } from "./indicators.routes.ts";
