// Every module's tables, re-exported so Drizzle (queries and drizzle-kit) sees one schema.
export * from "../platform/platform.schema.ts";
