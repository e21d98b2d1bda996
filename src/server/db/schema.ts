// Every module's tables, re-exported so Drizzle (queries and drizzle-kit) sees one schema.
// A new module adds one line here.

export * from "../modules/activities/activities.schema.ts";
export * from "../modules/organisations/organisations.schema.ts";
export * from "../modules/people/people.schema.ts";
export * from "../modules/programmes/programmes.schema.ts";
export * from "../platform/platform.schema.ts";
