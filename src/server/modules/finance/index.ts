/** What other modules use of finance: spend sums per agreement and the spend guard hook. */
export { spendOfAgreements } from "./finance.queries.ts";
export { registerFinanceRoutes } from "./finance.routes.ts";
export { registerSpendGuard, type SpendGuard } from "./spend-guards.ts";
