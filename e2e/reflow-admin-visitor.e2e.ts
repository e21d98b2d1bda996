import { expect, it } from "vitest";
import { login, setupJourney } from "./support/index.ts";
import { phoneWindow, routesLookedUpByCoordinator, sidewaysScrolling } from "./support/reflow.ts";

/**
 * Issue 15, WCAG 1.4.10 (reflow) for the pages the coordinator does not see as others do: administration
 * as an administrator, and the public face signed out — every route anyone may open — at 390 px and
 * 320 px, none scrolling sideways (support/reflow.ts; the coordinator's are in reflow-coordinator-*.e2e.ts).
 */
const journey = setupJourney();

it("lets no web route scroll sideways at 390 or 320 px for an administrator or a visitor", async () => {
  const routes = await routesLookedUpByCoordinator(journey);
  const admin = routes.filter((r) => r.pattern.startsWith("/admin"));
  const { page, inFlight } = await phoneWindow(journey);

  // Administration as an administrator (the audit log, retention, users).
  await login(page, "admin@demo.samspel.se");
  const administrator = await sidewaysScrolling(page, "an administrator", admin, inFlight);

  // The public face, signed out, in the same window.
  await page.context().clearCookies();
  const anonymous = await sidewaysScrolling(page, "a visitor", routes, inFlight);

  expect(administrator.visited).toBe(admin.length);
  expect(anonymous.visited).toBeGreaterThan(15);
  expect([...administrator.failures, ...anonymous.failures]).toEqual([]);
}, 600_000); // some 100 page loads
