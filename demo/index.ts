import { eq } from "drizzle-orm";
import type { Db } from "../src/server/db/client.ts";
import { appMeta } from "../src/server/platform/platform.schema.ts";
import { loadAgreementsDemo } from "./agreements.ts";
import { loadCompassDemo } from "./compass.ts";
import { loadEventsDemo } from "./events.ts";
import { loadFinanceDemo } from "./finance.ts";
import { loadGoalLevelsDemo } from "./goal-levels.ts";
import { loadGoalsDemo } from "./goals.ts";
import { loadGoalsAfDemo } from "./goals-af.ts";
import { loadGovernanceDemo } from "./governance.ts";
import { loadIdeasDemo } from "./ideas.ts";
import { loadIndicatorsDemo } from "./indicators.ts";
import { loadLearningContentDemo } from "./learning-content.ts";
import { loadLocalWorkDemo } from "./localwork.ts";
import { loadPlansDemo } from "./plans.ts";
import { loadProjectsDemo } from "./projects.ts";
import { loadActivitiesDemo } from "./registers/activities.ts";
import { loadOrganisationsDemo } from "./registers/organisations.ts";
import { loadPeopleDemo } from "./registers/people.ts";
import { loadProgrammesDemo } from "./registers/programmes.ts";
import { loadReviewRoundsDemo } from "./review-rounds.ts";
import { loadSiteDemo } from "./site.ts";
import { DEMO_PASSWORD, demoUsers, loadDemoUsers } from "./users.ts";

/**
 * The demo data derived from the seeds, in dependency order. Each module's issue adds its step.
 * Steps use the modules' services, so demo data obeys the same rules and lands in the audit log.
 */
const steps: { name: string; run: (db: Db, password: string) => Promise<void> }[] = [
  { name: "users", run: loadDemoUsers },
  {
    name: "organisations",
    run: async (db, password) => {
      await loadOrganisationsDemo(db, password);
      await loadPeopleDemo(db);
    },
  },
  { name: "programmes", run: loadProgrammesDemo },
  { name: "activities", run: loadActivitiesDemo },
  { name: "compass", run: loadCompassDemo },
  { name: "goals", run: loadGoalsDemo },
  { name: "plans", run: loadPlansDemo },
  { name: "projects", run: loadProjectsDemo },
  // Seed 000: the review round of 2 April 2013 over appendix 1's projects, with its nine conclusions.
  { name: "review rounds", run: loadReviewRoundsDemo },
  { name: "events", run: loadEventsDemo },
  // Follow-up reads what the steps above (and the events step) recorded: keep these two after them.
  { name: "indicators", run: loadIndicatorsDemo },
  // Seed 000: the register's activities and the 13 projects linked to goals A–F, with an indicator per goal.
  // After the indicators step, whose "any indicator yet?" guard would otherwise skip LC-KOMP's goals.
  { name: "goals A–F", run: loadGoalsAfDemo },
  // Seed 004's learning space: linked to the LC-KOMP project (which the indicators step ensures), with content.
  { name: "learning space content", run: loadLearningContentDemo },
  { name: "finance", run: loadFinanceDemo },
  // LC-KOMP's local development work and its process support (seed 004), on the project indicators made.
  { name: "localwork", run: loadLocalWorkDemo },
  // Seed 004's goals on two levels: every organisation's own value per goal, the project's figure their count.
  { name: "goals on two levels", run: loadGoalLevelsDemo },
  { name: "agreements", run: loadAgreementsDemo },
  { name: "governance", run: loadGovernanceDemo },
  // The MOPS call's grants are the board's decision (governance) funding the portfolio's projects.
  {
    name: "ideas",
    run: async (db) => {
      await loadIdeasDemo(db);
    },
  },
  // The public face: 2010's news, the page texts, and a call open today (after the MOPS call).
  { name: "site", run: loadSiteDemo },
];

/** The login shown on the console and (to this machine only) on the login page. */
export const demoLoginFor = (password: string) => ({ email: demoUsers[0].email, password });
/** The tests' and e2e journeys' demo login (the published test password). */
export const demoLogin = demoLoginFor(DEMO_PASSWORD);

/**
 * Loads the demo data once; later calls see the marker and do nothing. `password` is the demo users'
 * password: an installation passes its own (`installationDemoPassword`), tests take the default.
 */
export async function loadDemoData(
  db: Db,
  log: (message: string) => void = () => {},
  password = DEMO_PASSWORD,
) {
  const [marker] = await db.select().from(appMeta).where(eq(appMeta.key, "demo"));
  if (marker) return false;
  for (const step of steps) {
    const started = Date.now();
    await step.run(db, password);
    log(`demodata: ${step.name} (${Date.now() - started} ms)`);
  }
  await db.insert(appMeta).values({ key: "demo", value: { loadedAt: new Date().toISOString() } });
  return true;
}
