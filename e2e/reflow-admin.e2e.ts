import { expect, it } from "vitest";
import { login, setupJourney } from "./support/index.ts";
import { phoneWindow, routesLookedUpByCoordinator, sidewaysScrolling } from "./support/reflow.ts";

/**
 * Issue 15, WCAG 1.4.10 (reflow) for administration as an administrator (the audit log, retention, users):
 * at 390 px and 320 px no page scrolls sideways (support/reflow.ts; the coordinator's routes are in
 * reflow-coordinator-*.e2e.ts, a visitor's in reflow-visitor.e2e.ts).
 */
const journey = setupJourney();

it("lets no administration route scroll sideways at 390 or 320 px", async () => {
  const routes = await routesLookedUpByCoordinator(journey);
  const admin = routes.filter((r) => r.pattern.startsWith("/admin"));
  expect(admin.length).toBeGreaterThan(0);
  const { page, inFlight } = await phoneWindow(journey);
  await login(page, "admin@demo.samspel.se");
  const administrator = await sidewaysScrolling(page, "an administrator", admin, inFlight);
  expect(administrator.visited).toBe(admin.length);
  expect(administrator.failures).toEqual([]);
}, 600_000);
