import type { Fixtures, Scope } from "./test/authz-fixtures.ts";

/**
 * The expected answer of every route × role × scope (see authz-matrix.test.ts). One row a route, keyed
 * "METHOD /openapi/path/{param}"; twelve status codes, a pair (in out) a role, in this column order:
 *
 *   administrator | coordinator | programme director | group member | partner | anonymous
 *
 * "in" is a record inside the role's scope (organisation IN for the partner, programme IN for the
 * programme director), "out" one outside it; roles without a scope ask about the same two records.
 * Write routes are sent `{}` (or the body below), so an allowed actor mostly meets 422 or a no-op
 * PATCH, never destroys a shared record (DELETE gets a fresh one per cell). A new route adds its row.
 */
export const matrix: Record<string, string> = {};

/** Query strings and bodies some routes need for the matrix to reach their authorisation. */
export const requestExtras: Record<
  string,
  (f: Fixtures, scope: Scope) => { query?: string; body?: unknown }
> = {
  "GET /api/reports/progress": (f, s) => ({
    query: `projectId=${f.project[s]}&from=2020-01-01&to=2030-12-31`,
  }),
  "GET /api/reports/follow-up": (f, s) => ({ query: `projectId=${f.project[s]}` }),
  "GET /api/reports/annual": (f, s) => ({ query: `organisationId=${f.organisation[s]}&year=2026` }),
  "GET /api/projects/export": () => ({ query: "format=csv" }),
};
