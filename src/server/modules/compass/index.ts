/** The compass module's door (ALA-kompassen): what other modules, the demo and the bench may use. */

export { registerCompassRoutes } from "./compass.routes.ts";
export { hasOffers } from "./compass.seed.ts";
export { defaultDimensions } from "./model.defaults.ts";
export { ensureModel } from "./model.service.ts";
export { createOffer } from "./offers.service.ts";
export { addOutcome, setWorkStep } from "./process.service.ts";
export { programmeCompass, setAssessment, setGoals } from "./programme.service.ts";
export { takeOffer } from "./recommendations.service.ts";
export { unitCompass } from "./units.service.ts";
