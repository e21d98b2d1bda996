import { registerSpendGuard } from "../finance/index.ts";
import { registerAgreementFigures } from "../reports/index.ts";
import { agreementSpendGuard } from "./agreements.items.ts";
import { agreementFiguresInPeriod } from "./agreements.service.ts";

/**
 * The agreements module's door: the only file other modules, routes.ts and the demo import.
 * Importing it registers the spend guard with finance (spend on an unknown or ended agreement → 422) and the
 * agreements' figures with the reports' follow-up summary.
 */
registerSpendGuard(agreementSpendGuard);
registerAgreementFigures(agreementFiguresInPeriod);

export { addAppendixRow, addDialogue, addNeed } from "./agreements.items.ts";
export * as personalData from "./agreements.personal-data.ts";
export { sharedCourseRows } from "./agreements.records.ts";
export { registerAgreementRoutes } from "./agreements.routes.ts";
export {
  agreementFiguresInPeriod,
  agreementFollowUp,
  createAgreement,
  getAgreement,
  listAgreements,
  updateAgreement,
} from "./agreements.service.ts";
