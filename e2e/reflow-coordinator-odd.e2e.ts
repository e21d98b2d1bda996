import { it } from "vitest";
import { setupJourney } from "./support/index.ts";
import { coordinatorReflow } from "./support/reflow.ts";

/**
 * Issue 15, WCAG 1.4.10 (reflow), signed in as the coordinator, who may open nearly every page: the
 * 2nd, 4th, 6th… of the web routes in path order at 390 px and 320 px, none scrolling sideways
 * (support/reflow.ts; the other half is in reflow-coordinator-even.e2e.ts, to run beside this one).
 */
const journey = setupJourney();

it("lets no web route scroll sideways at 390 or 320 px for the coordinator (2nd, 4th, 6th… route)", async () => {
  await coordinatorReflow(journey, 1);
}, 600_000); // some 50 pages, each at two widths
