import { expect, it } from "vitest";
import { setupJourney } from "./support/index.ts";
import { phoneWindow, routesLookedUpByCoordinator, sidewaysScrolling } from "./support/reflow.ts";

/**
 * Issue 15, WCAG 1.4.10 (reflow) for the public face: signed out, every route anyone may open at 390 px and
 * 320 px, none scrolling sideways (support/reflow.ts; the coordinator's are in reflow-coordinator-*.e2e.ts,
 * the administrator's in reflow-admin.e2e.ts).
 */
const journey = setupJourney();

it("lets no web route scroll sideways at 390 or 320 px for a visitor who is not signed in", async () => {
  const routes = await routesLookedUpByCoordinator(journey);
  const { page, inFlight } = await phoneWindow(journey);
  const anonymous = await sidewaysScrolling(page, "a visitor", routes, inFlight);
  expect(anonymous.visited).toBeGreaterThan(15);
  expect(anonymous.failures).toEqual([]);
}, 600_000); // some 90 page loads
