import type { Fixtures, Scope } from "./test/authz-fixtures.ts";

/**
 * The expected answer of every route × role × scope (see authz-matrix.test.ts). One row a route, keyed
 * "METHOD /openapi/path/{param}"; twelve status codes, a pair (in out) a role, in this column order:
 *
 *   administrator | coordinator | programme director | group member | partner | anonymous
 *
 * "in" is a record inside the role's scope (organisation IN for the partner, programme IN for the
 * programme director, body IN for its members, call IN for its panel), "out" one outside it; roles
 * without a scope ask about the same two records (test/authz-fixtures.ts says what each one is).
 * Write routes are sent `{}` (or the body below), so an allowed actor mostly meets 422 or a no-op
 * PATCH, never destroys a shared record (DELETE gets a fresh one per cell). A new route adds its row.
 */
export const matrix: Record<string, string> = {
  // cells: administrator in out | coordinator in out | programme director in out | group member in out |
  //        partner in out | anonymous in out
  "GET /api/health": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "GET /api/ready": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "POST /api/auth/login": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  // The demo-login help answers only the machine itself (finding 8); app.inject comes from 127.0.0.1.
  "GET /api/auth/demo-login": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "GET /api/auth/me": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/auth/logout": "204 204 | 204 204 | 204 204 | 204 204 | 204 204 | 401 401",
  "POST /api/auth/password": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/auth/invitations/{token}": "410 410 | 410 410 | 410 410 | 410 410 | 410 410 | 410 410",
  "POST /api/auth/invitations/{token}/accept": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "POST /api/admin/invitations": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/admin/users": "200 200 | 403 403 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/admin/users/{id}": "404 404 | 403 403 | 403 403 | 403 403 | 403 403 | 401 401",
  "PATCH /api/admin/users/{id}": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "PUT /api/admin/users/{id}/roles": "404 404 | 403 403 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/admin/audit": "200 200 | 403 403 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/organisations": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/organisations": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/organisations/{id}": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "PATCH /api/organisations/{id}": "200 200 | 200 200 | 403 403 | 403 403 | 200 403 | 401 401",
  "DELETE /api/organisations/{id}": "204 204 | 204 204 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/organisations/{id}/impact": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/organisations/{id}/merge": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/people": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/people": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/people/{id}": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  // Finding 1: a partner changes only people of their own organisation.
  "PATCH /api/people/{id}": "200 200 | 200 200 | 403 403 | 403 403 | 200 403 | 401 401",
  "DELETE /api/people/{id}": "204 204 | 204 204 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/people/{id}/impact": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/people/{id}/merge": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/programmes": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/programmes": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/programmes/{id}": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "PATCH /api/programmes/{id}": "200 200 | 200 200 | 200 403 | 403 403 | 403 403 | 401 401",
  "DELETE /api/programmes/{id}": "204 204 | 204 204 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/programmes/{id}/impact": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/courses": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/courses": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/courses/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/courses/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "DELETE /api/courses/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/courses/{id}/impact": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/activity-types": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/activity-types": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "PATCH /api/activity-types/{key}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/activities": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/activities": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/activities/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/activities/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "DELETE /api/activities/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/activities/{id}/impact": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/compass/model": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/compass/model/versions": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/compass/model/versions": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/compass/programmes/{programmeId}": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "PUT /api/compass/programmes/{programmeId}/goals":
    "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "PUT /api/compass/programmes/{programmeId}/assessments/{key}":
    "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "DELETE /api/compass/programmes/{programmeId}/assessments/{key}":
    "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "POST /api/compass/programmes/{programmeId}/recompute":
    "200 200 | 403 403 | 200 403 | 403 403 | 403 403 | 401 401",
  "GET /api/compass/programmes/{programmeId}/activities":
    "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/compass/programmes/{programmeId}/outcomes":
    "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/compass/programmes/{programmeId}/outcomes":
    "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "DELETE /api/compass/programmes/{programmeId}/outcomes/{outcomeId}":
    "404 404 | 403 403 | 404 403 | 403 403 | 403 403 | 401 401",
  "GET /api/compass/programmes/{programmeId}/process":
    "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "PUT /api/compass/programmes/{programmeId}/process/{step}":
    "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/compass/my-programmes": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/compass/compare": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/compass/offers": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/compass/offers": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/compass/offers/{offerId}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/compass/offers/{offerId}": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/compass/programmes/{programmeId}/recommendations":
    "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/compass/programmes/{programmeId}/offers/{offerId}/take":
    "404 404 | 403 403 | 404 403 | 403 403 | 403 403 | 401 401",
  "GET /api/compass/programmes/{programmeId}/work-plan":
    "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/compass/years": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/compass/units": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  // A unit's compass is its organisation's follow-up data: a partner reads only their own (compass.policy.ts).
  "GET /api/compass/units/{organisationId}": "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "GET /api/compass/units/{organisationId}/heatmap":
    "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "GET /api/compass/units/{organisationId}/trend":
    "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  // 200 where Chromium is installed; not compared without it (see rendersPdf in the test).
  "GET /api/compass/programmes/{programmeId}/compass.pdf":
    "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/compass/units/{organisationId}/compass.pdf":
    "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "GET /api/compass/units/{organisationId}/heatmap.xlsx":
    "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "GET /api/search": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/frameworks": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/frameworks": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/frameworks/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/frameworks/{id}": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/frameworks/{id}/versions": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/goal-links/activities/{activityId}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PUT /api/goal-links/activities/{activityId}": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/plans": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/plans": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/plans/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/plans/{id}": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/plans/{id}/phases": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "POST /api/plans/{id}/sections": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/plans/{id}/timeline": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/plans/{id}/coverage": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/plans/{id}/export": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/plans/{id}/items": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/plans/{id}/items/{itemId}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/plans/{id}/items/{itemId}": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "DELETE /api/plans/{id}/items/{itemId}": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/plans/{id}/items/{itemId}/progress": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "POST /api/plans/{id}/items/{itemId}/activities":
    "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "DELETE /api/plans/{id}/items/{itemId}/activities/{activityId}":
    "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/projects": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/projects": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/projects/export": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/projects/dashboard": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/projects/timeline": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/projects/reports/overdue": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  // Finding 3: a partner reads only their own organisation's projects (projects.policy.ts); a write on
  // another organisation's project answers 404 like its read (decision 007), not 403.
  "GET /api/projects/{id}": "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "PATCH /api/projects/{id}": "200 200 | 200 200 | 403 403 | 403 403 | 403 404 | 401 401",
  "POST /api/projects/{id}/status": "200 200 | 200 200 | 403 403 | 403 403 | 403 404 | 401 401",
  "POST /api/projects/{id}/outputs": "201 201 | 201 201 | 403 403 | 403 403 | 403 404 | 401 401",
  "DELETE /api/projects/{id}/outputs/{outputId}": "404 404 | 404 404 | 403 403 | 403 403 | 403 404 | 401 401",
  // Finding 1: only staff and the project's lead report; another organisation's project is hidden (404).
  "POST /api/projects/{id}/reports": "201 201 | 201 201 | 403 403 | 403 403 | 403 404 | 401 401",
  "PATCH /api/projects/{id}/reports/{reportId}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/projects/{id}/reports/{reportId}/review":
    "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/finance/units": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "POST /api/finance/units": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/budgets": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/budgets": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "PATCH /api/budgets/{id}": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "DELETE /api/budgets/{id}": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/spend": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/spend": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "PATCH /api/spend/{id}": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "DELETE /api/spend/{id}": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/finance/summary": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "POST /api/indicators/preview": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "PATCH /api/indicators/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "DELETE /api/indicators/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/indicators/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/indicators/{id}/impact": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/indicators": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/indicators": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/indicators/{id}/records": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/indicators/{id}/values": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/indicators/{id}/values": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/indicators/{id}/values/{valueId}/evidence":
    "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/goal-dashboard": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/reports/annual": "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "GET /api/reports/progress": "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "GET /api/reports/follow-up": "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "GET /api/events": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/events": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/events/participants-by-role": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/events/feedback-summary": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/events/feedback-questions": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "PUT /api/event-feedback-questions/{typeKey}": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/events/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/events/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/events/{id}/participants": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/events/{id}/attendance": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "POST /api/events/{id}/walk-ins": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/events/{id}/feedback": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/admin/events/purge-dietary-needs": "200 200 | 403 403 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/event-series": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/event-series": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/event-series/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/event-series/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/networks": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/networks": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/networks/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/networks/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PUT /api/networks/{id}/members": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/public/events": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "GET /api/public/events/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  "GET /api/public/events/{id}/calendar.ics": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  "POST /api/public/events/{id}/registrations": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "GET /api/public/calendar.ics": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "GET /api/public/registrations/{token}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  "PATCH /api/public/registrations/{token}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  "POST /api/public/registrations/{token}/cancel":
    "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  "POST /api/public/registrations/{token}/feedback":
    "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "GET /api/public/registrations/{token}/checkin-code.svg":
    "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  "GET /api/admin/mail-outbox": "200 200 | 403 403 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/admin/mail-sink": "200 200 | 403 403 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/public/newsletter/subscriptions": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "POST /api/public/newsletter/confirm/{token}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  "GET /api/communication/subscribers": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/communication/segments": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/communication/audiences": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/communication/segments": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "POST /api/communication/segments/preview": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/communication/mailings": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/communication/mailings": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/communication/mailings/{id}": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/communication/mailings/{id}/recipients":
    "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/communication/mailings/{id}/send": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/learning/spaces": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/learning/spaces": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/learning/spaces/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/learning/spaces/{id}/members": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PUT /api/learning/spaces/{id}/members": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/learning/spaces/{id}/documents": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  // JSON sent to a multipart route answers 415 (finding 7), after the permission check.
  "POST /api/learning/spaces/{id}/documents": "415 415 | 415 415 | 415 415 | 415 415 | 415 415 | 401 401",
  "GET /api/learning/spaces/{id}/documents/{documentId}/versions/{version}":
    "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "GET /api/learning/spaces/{id}/links": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/learning/spaces/{id}/links": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/learning/spaces/{id}/threads": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/learning/spaces/{id}/threads": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/learning/spaces/{id}/threads/{threadId}":
    "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/learning/spaces/{id}/threads/{threadId}/posts":
    "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/learning/spaces/{id}/feedback": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/learning/spaces/{id}/feedback": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/organisations/export": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/organisations/import/template": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/organisations/import/preview": "415 415 | 415 415 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/organisations/import": "415 415 | 415 415 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/people/export": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/people/import/template": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/people/import/preview": "415 415 | 415 415 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/people/import": "415 415 | 415 415 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/programmes/export": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/programmes/import/template": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/programmes/import/preview": "415 415 | 415 415 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/programmes/import": "415 415 | 415 415 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/courses/export": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/courses/import/template": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/courses/import/preview": "415 415 | 415 415 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/courses/import": "415 415 | 415 415 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/activities/export": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/activities/import/template": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/activities/import/preview": "415 415 | 415 415 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/activities/import": "415 415 | 415 415 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/imports/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/learning/spaces/{id}/documents/{documentId}/versions":
    "415 415 | 415 415 | 415 415 | 415 415 | 415 415 | 401 401",
  "POST /api/public/unsubscribe/{token}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  // Ideas: every user reads calls; an idea is read by staff, group members, the call's panel (the
  // programme director sits on call IN's) and the partner of the idea's organisation (IN). The public
  // reaches only public calls (IN is public, OUT not).
  "GET /api/calls": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/calls": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/calls/{id}": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "PUT /api/calls/{id}/reviewers": "204 204 | 204 204 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/calls/{id}/funnel": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/calls/{id}/ideas": "201 201 | 201 201 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/ideas": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/ideas/{id}": "200 200 | 200 200 | 200 404 | 200 200 | 200 404 | 401 401",
  "POST /api/ideas/{id}/transition": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "POST /api/ideas/{id}/reviews": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "POST /api/ideas/{id}/grant": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/public/calls": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "GET /api/public/calls/{id}": "200 404 | 200 404 | 200 404 | 200 404 | 200 404 | 200 404",
  "POST /api/public/calls/{id}/ideas": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "GET /api/public/ideas/{token}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  "PATCH /api/public/ideas/{token}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  // Agreements: a partner reads and adds needs to only their organisation's (IN); OUT is hidden (404).
  "GET /api/agreements": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/agreements": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/agreements/shared-courses": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/agreements/{id}": "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "PATCH /api/agreements/{id}": "200 200 | 200 200 | 403 403 | 403 403 | 403 404 | 401 401",
  "DELETE /api/agreements/{id}": "204 204 | 204 204 | 403 403 | 403 403 | 403 404 | 401 401",
  "GET /api/agreements/{id}/follow-up": "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "GET /api/agreements/{id}/appendix.pdf": "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "GET /api/agreements/{id}/appendix.docx": "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "POST /api/agreements/{id}/needs": "201 201 | 201 201 | 403 403 | 403 403 | 201 404 | 401 401",
  "POST /api/agreements/{id}/appendix": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "POST /api/agreements/{id}/dialogues": "201 201 | 201 201 | 403 403 | 403 403 | 403 404 | 401 401",
  "GET /api/agreements/{id}/needs/{needId}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/agreements/{id}/needs/{needId}": "404 404 | 404 404 | 403 403 | 403 403 | 403 404 | 401 401",
  "DELETE /api/agreements/{id}/needs/{needId}": "404 404 | 404 404 | 403 403 | 403 403 | 403 404 | 401 401",
  "GET /api/agreements/{id}/appendix/{appendixId}":
    "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/agreements/{id}/appendix/{appendixId}":
    "404 404 | 404 404 | 403 403 | 403 403 | 403 404 | 401 401",
  "DELETE /api/agreements/{id}/appendix/{appendixId}":
    "404 404 | 404 404 | 403 403 | 403 403 | 403 404 | 401 401",
  "GET /api/agreements/{id}/dialogues/{dialogueId}":
    "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/agreements/{id}/dialogues/{dialogueId}":
    "404 404 | 404 404 | 403 403 | 403 403 | 403 404 | 401 401",
  "DELETE /api/agreements/{id}/dialogues/{dialogueId}":
    "404 404 | 404 404 | 403 403 | 403 403 | 403 404 | 401 401",
  "POST /api/agreements/{id}/dialogues/{dialogueId}/comments":
    "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/agreements/{id}/plans": "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  "GET /api/agreements/{id}/plans/{planId}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  // JSON sent to the plan upload answers 415 before the agreement is looked up (like the learning upload).
  "POST /api/agreements/{id}/plans": "415 415 | 415 415 | 415 415 | 415 415 | 415 415 | 401 401",
  // Governance: the group member and the partner sit on body IN, no matrix user on OUT; both meetings and
  // decisions are non-public, so outside the body (or staff) they do not exist (404); members may read but
  // not manage (403); the body's secretary or staff manage. Approving needs minutes first (422).
  "GET /api/bodies": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/bodies": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/bodies/{id}": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/bodies/{id}/members": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/meetings": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "POST /api/meetings": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/meetings/{id}": "200 200 | 200 200 | 404 404 | 200 404 | 200 404 | 404 404",
  "POST /api/meetings/{id}/notice": "200 200 | 200 200 | 404 404 | 403 404 | 403 404 | 401 401",
  "PUT /api/meetings/{id}/minutes": "200 200 | 200 200 | 404 404 | 403 404 | 403 404 | 401 401",
  "POST /api/meetings/{id}/minutes/approve": "422 422 | 422 422 | 404 404 | 403 404 | 403 404 | 401 401",
  "POST /api/meetings/{id}/decisions": "201 201 | 201 201 | 404 404 | 403 404 | 403 404 | 401 401",
  "GET /api/decisions": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "PATCH /api/decisions/{id}": "200 200 | 200 200 | 404 404 | 403 404 | 403 404 | 401 401",
  "GET /api/registry": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "POST /api/registry": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  // Ideas in development (issue 18): versions, documents, recommendation; ids that do not exist.
  "GET /api/ideas/by-organisation": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "PATCH /api/ideas/{id}": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/ideas/{id}/versions": "200 200 | 200 200 | 200 404 | 200 200 | 200 404 | 401 401",
  "PUT /api/ideas/{id}/recommendation": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/ideas/{id}/documents": "200 200 | 200 200 | 200 404 | 200 200 | 200 404 | 401 401",
  "GET /api/ideas/{id}/documents/{documentId}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/ideas/{id}/documents": "415 415 | 415 415 | 415 415 | 415 415 | 415 415 | 401 401",
  // The public face (issue 18): news, page texts, sector groups, the start page; ids that do not exist.
  "GET /api/public/news": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "GET /api/public/news.atom": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "GET /api/public/news/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  "GET /api/public/news/{id}/image": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404",
  "GET /api/news": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/news": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/news/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/news/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "DELETE /api/news/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PUT /api/news/{id}/image": "415 415 | 415 415 | 415 415 | 415 415 | 415 415 | 401 401",
  "GET /api/public/pages/{key}": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "GET /api/pages/{key}": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "PUT /api/pages/{key}": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/public/sector-groups": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "GET /api/public/start": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  // Candidates for a call's panel: those who may set the panel (the office), as PUT …/reviewers.
  "GET /api/calls/{id}/reviewer-candidates": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  // Local development work (issue 16): the plan ids are unknown to the fixtures, so their routes answer 404;
  // the writes meet 422 ({} is no valid body) before the plan is looked up. localwork.test.ts tests permissions.
  "GET /api/local-plans": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "POST /api/local-plans": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/local-plans/summary": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "GET /api/local-plans/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PATCH /api/local-plans/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/local-plans/{id}/support": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  // Goals A–F in use (issue 16, item 5): a view across the portfolio, refused to partners.
  "GET /api/frameworks/{id}/served": "404 404 | 404 404 | 404 404 | 404 404 | 403 403 | 401 401",
  // Recorded lectures (issue 16, item 8): uploaded like documents (415 to JSON), streamed to members only.
  "POST /api/learning/spaces/{id}/recordings": "415 415 | 415 415 | 415 415 | 415 415 | 415 415 | 401 401",
  "GET /api/learning/spaces/{id}/documents/{documentId}/versions/{version}/stream":
    "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  // Review rounds: the platform reads them, coordinators manage them, a partner is refused every round (403).
  "GET /api/review-rounds": "200 200 | 200 200 | 200 200 | 200 200 | 403 403 | 401 401",
  "POST /api/review-rounds": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/review-rounds/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 403 403 | 401 401",
  "PATCH /api/review-rounds/{id}": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  // Plan-item occurrences: the fixtures' item ids name no item, so every logged-in role meets 404
  // (plan-occurrences.test.ts covers 403 for a group member on a real item).
  "GET /api/plans/{id}/items/{itemId}/occurrences":
    "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "POST /api/plans/{id}/items/{itemId}/occurrences/{occurrenceId}/done":
    "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  // Goals on two levels (issue 16, item 4): read as the project is; a partner's rows are their own.
  "GET /api/projects/{id}/organisation-matrix": "200 200 | 200 200 | 200 200 | 200 200 | 200 404 | 401 401",
  // Retention (issue 20, item 3): coordinators and administrators read and run; only administrators set rules.
  "GET /api/admin/retention/rules": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "PUT /api/admin/retention/rules": "200 200 | 403 403 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/admin/retention/dry-run": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/admin/retention/run": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/admin/retention/runs": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  // Personal data under GDPR (issue 20): the office only; the person's own extract goes by the mailed link.
  "GET /api/personal-data/extract": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/personal-data/erasure/impact": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/personal-data/erasure": "404 404 | 404 404 | 403 403 | 403 403 | 403 403 | 401 401",
  "GET /api/admin/processing-record": "200 200 | 200 200 | 403 403 | 403 403 | 403 403 | 401 401",
  "POST /api/personal-data/extract-request": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "GET /api/personal-data/self-extract/{token}": "410 410 | 410 410 | 410 410 | 410 410 | 410 410 | 410 410",
  // Issue 19's ways in: the sign-in steps are public (422 to {}); tokens are each user's own (the
  // fixtures' id names no token: 404); the sign-in switches of a user are the administrator's.
  "POST /api/auth/email-link": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "POST /api/auth/email-link/sign-in": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "POST /api/auth/login/totp": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "POST /api/auth/totp/enrolment": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "POST /api/auth/totp/enrolment/confirm": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "POST /api/auth/tokens": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 401 401",
  "GET /api/auth/tokens": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
  "DELETE /api/auth/tokens/{id}": "404 404 | 404 404 | 404 404 | 404 404 | 404 404 | 401 401",
  "PUT /api/admin/users/{id}/sign-in-methods": "404 404 | 403 403 | 403 403 | 403 403 | 403 403 | 401 401",
  "DELETE /api/admin/users/{id}/totp": "404 404 | 403 403 | 403 403 | 403 403 | 403 403 | 401 401",
  // Sign-in through identity providers (identity module): none is configured here, so a provider in the path
  // is unknown (400) or the body is missing (422); nothing needs a role, logout needs a session.
  "GET /api/auth/providers": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200",
  "GET /api/auth/saml/{idp}/metadata": "400 400 | 400 400 | 400 400 | 400 400 | 400 400 | 400 400",
  "GET /api/auth/saml/{idp}/login": "400 400 | 400 400 | 400 400 | 400 400 | 400 400 | 400 400",
  "POST /api/auth/saml/{idp}/acs": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "GET /api/auth/saml/{idp}/complete": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "POST /api/auth/saml/{idp}/logout": "400 400 | 400 400 | 400 400 | 400 400 | 400 400 | 401 401",
  "GET /api/auth/saml/{idp}/slo": "400 400 | 400 400 | 400 400 | 400 400 | 400 400 | 400 400",
  "POST /api/auth/saml/{idp}/slo": "422 422 | 422 422 | 422 422 | 422 422 | 422 422 | 422 422",
  "GET /api/auth/oidc/{provider}/login": "400 400 | 400 400 | 400 400 | 400 400 | 400 400 | 400 400",
  "GET /api/auth/oidc/{provider}/callback": "400 400 | 400 400 | 400 400 | 400 400 | 400 400 | 400 400",
  // The personal overview (issue 15, item 1): every signed-in user has one, scoped to their roles.
  "GET /api/overview": "200 200 | 200 200 | 200 200 | 200 200 | 200 200 | 401 401",
};

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
  "POST /api/projects/{id}/reports": () => ({ body: { doneSinceLast: "Matrisens lägesrapport." } }),
  "POST /api/projects/{id}/outputs": () => ({ body: { type: "report", title: "Matrisens resultat" } }),
  "POST /api/projects/{id}/status": () => ({ body: { colour: "green", reason: "Matrisens bedömning." } }),
  "PUT /api/admin/users/{id}/roles": () => ({ body: { roles: [] } }),
  "PUT /api/admin/users/{id}/sign-in-methods": () => ({ body: { emailLinkOnly: false } }),
  // Valid bodies, so that these writes reach their permission check for the record in and out of scope.
  "POST /api/agreements/{id}/needs": () => ({ body: { title: "Matrisens behov" } }),
  "POST /api/agreements/{id}/dialogues": () => ({ body: { date: "2026-03-02", notes: "Matrisens dialog." } }),
  "PUT /api/meetings/{id}/minutes": () => ({ body: { text: "Matrisens protokoll." } }),
  "POST /api/meetings/{id}/decisions": () => ({
    body: { title: "Matrisens beslut", text: "Organet beslutar.", public: false },
  }),
  "PUT /api/calls/{id}/reviewers": (f, s) => ({ body: { userIds: f.panel[s] } }),
  "POST /api/calls/{id}/ideas": () => ({ body: { title: "Matrisens idé", summary: "En idé." } }),
  "GET /api/calls/{id}/reviewer-candidates": () => ({ query: "q=a" }),
  "PUT /api/admin/retention/rules": () => ({
    body: { rules: [{ key: "outbox_failed", months: 0, days: 30, enabled: true }] },
  }),
  // An address nothing is held on: the office meets 200 (an empty extract) or 404 (nothing to erase).
  "GET /api/personal-data/extract": () => ({ query: "email=ingen@matris.invalid" }),
  "GET /api/personal-data/erasure/impact": () => ({ query: "email=ingen@matris.invalid" }),
  "POST /api/personal-data/erasure": () => ({ body: { email: "ingen@matris.invalid" } }),
};
