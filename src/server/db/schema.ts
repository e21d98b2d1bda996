// Every module's tables, re-exported so Drizzle (queries and drizzle-kit) sees one schema.
// A new module adds one line here.

export * from "../modules/accounts/accounts.schema.ts";
export * from "../modules/activities/activities.schema.ts";
export * from "../modules/agreements/agreements.schema.ts";
export * from "../modules/communication/communication.schema.ts";
export * from "../modules/compass/compass.schema.ts";
export * from "../modules/events/events.schema.ts";
export * from "../modules/finance/finance.schema.ts";
export * from "../modules/goals/goal-links.schema.ts";
export * from "../modules/goals/goals.schema.ts";
export * from "../modules/governance/governance.schema.ts";
export * from "../modules/ideas/ideas.schema.ts";
export * from "../modules/identity/identity.schema.ts";
export * from "../modules/indicators/indicators.schema.ts";
export * from "../modules/learning/learning.schema.ts";
export * from "../modules/localwork/localwork.schema.ts";
export * from "../modules/mail/mail.schema.ts";
export * from "../modules/organisations/organisations.schema.ts";
export * from "../modules/people/people.schema.ts";
export * from "../modules/plans/plans.schema.ts";
export * from "../modules/privacy/privacy.schema.ts";
export * from "../modules/programmes/programmes.schema.ts";
export * from "../modules/projects/projects.schema.ts";
export * from "../modules/retention/retention.schema.ts";
export * from "../modules/site/site.schema.ts";
export * from "../modules/transfer/transfer.schema.ts";
export * from "../platform/platform.schema.ts";
