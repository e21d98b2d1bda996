/** What other modules use of finance: spend sums per agreement and the spend guard hook. */
export { listSpendOfProject, spendOfAgreements } from "./finance.queries.ts";
export { registerFinanceRoutes } from "./finance.routes.ts";
export { organisationHasUnits } from "./finance.seed.ts";
export { assertReadableOrganisation, createSpend, createUnit, unitsOf } from "./finance.service.ts";
export { computeFinanceSummary } from "./finance.summary.ts";
export { registerSpendGuard, type SpendGuard } from "./spend-guards.ts";
