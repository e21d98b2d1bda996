/** What other modules use of finance: spend sums per agreement and the spend guard hook. */
export { spendOfAgreements } from "./finance.queries.ts";
export { registerFinanceRoutes } from "./finance.routes.ts";
export { organisationHasUnits } from "./finance.seed.ts";
export { createSpend, createUnit } from "./finance.service.ts";
export { registerSpendGuard, type SpendGuard } from "./spend-guards.ts";
