import { it } from "vitest";
import { createTestApp } from "../../test/harness.ts";
import { followUpFixture } from "../indicators/follow-up.fixture.ts";
import { buildAnnualReport } from "./annual.report.ts";
import { buildProgressReport } from "./progress.report.ts";
import { findProject } from "../projects/projects.service.ts";
const fixture = followUpFixture();
const t = await createTestApp({ seed: fixture.seed });
it("debug", async () => {
  try { await buildAnnualReport(t.database.db, fixture.ids.sk, 2010, "sv"); } catch (e) { console.log("ANNUAL", e); }
  try { await buildProgressReport(t.database.db, (await findProject(t.database.db, fixture.ids.lcKomp))!, "2009-08-01", "2011-07-31", "sv"); } catch (e) { console.log("PROGRESS", e); }
});
