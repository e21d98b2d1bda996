import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../src/server/db/client.ts";
import { addManualValue, createIndicator } from "../src/server/modules/indicators/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { LC_END, LC_START, LEARNING_EVALUATION, organisationGoals } from "./indicators.ts";
import { LC_KOMP } from "./registers/names.ts";

/**
 * Seed 004's goals on two levels, in full: each of LC-KOMP's 17 organisations gets its own indicator
 * for every organisation-level goal (reached = 1, with the evaluation as evidence), and the project's
 * figure — goals reached by 11, 8, 13, 8 and 8 organisations — is the count of those values, entered
 * on the project's goal as a value that says so. The horizontal criteria (gender equality and
 * accessibility: "samtliga organisationer har bättre kunskap om …") are goals of every organisation too,
 * but the seed states them only as goals, never as reached: they get no value ("ej mätt") until an
 * organisation enters one with evidence. Participants by gender is computed from the events' separately
 * consented answers instead (indicator kind count_participants_by_gender).
 * Runs after the indicators step (the project-level goals) and the localwork step (the 17 plans).
 */

const HORIZONTAL: [string, string][] = [
  ["Bättre kunskap om jämställdhetsfrågor", "har bättre kunskap om jämställdhetsfrågor/integrering"],
  ["Bättre kunskap om tillgänglighetsfrågor", "har bättre kunskap om tillgänglighetsfrågor"],
];
const ORGANISATIONS = 17;
const EVIDENCE = `${LEARNING_EVALUATION} Demovärde: seeden anger hur många organisationer som når målet, inte vilka.`;

/**
 * The goals every organisation has: [name, goal in words, how many organisations reach it, or null when
 * the seed does not say (the horizontal criteria: no value is invented for them)].
 */
export const TWO_LEVEL_GOALS: [string, string, number | null][] = [
  ...organisationGoals.map(([name, target, text]): [string, string, number | null] => [
    name,
    text.replace(/^organisationer /, ""),
    target,
  ]),
  ...HORIZONTAL.map(([name, text]): [string, string, number | null] => [name, text, null]),
];

/** Which organisations reach goal g: a spread (7 is coprime with 17) with exactly `reached` of them. */
export const reaches = (n: number, g: number, reached: number) => (n * 7 + g * 5) % ORGANISATIONS < reached;

export async function loadGoalLevelsDemo(db: Db) {
  const orgs = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations where tags @> ${JSON.stringify([LC_KOMP.tag])}::jsonb order by sort_key`,
  );
  const [project] = await queryRows<{ id: string }>(
    db,
    sql`select id from projects where name ilike 'LC-KOMP%' and parent_id is null order by name limit 1`,
  );
  if (!project || orgs.length !== ORGANISATIONS) return;
  const existing = await queryRows<{ name: string; organisation_id: string | null }>(
    db,
    sql`select name, organisation_id from indicators where project_id = ${project.id}::uuid`,
  );
  const has = (name: string, org: string | null) =>
    existing.some((e) => e.name === name && e.organisation_id === org);
  for (const [g, [name, text, reached]] of TWO_LEVEL_GOALS.entries()) {
    if (orgs.every((o) => has(name, o.id))) continue;
    let count = 0;
    for (const [n, org] of orgs.entries()) {
      if (has(name, org.id)) continue;
      const created = await createIndicator(db, systemActor, {
        name,
        unit: "uppnått (1 = ja)",
        goalText: `${org.name} ${text}.`,
        projectId: project.id,
        organisationId: org.id,
        direction: "exactly",
        target: 1,
        startDate: LC_START,
        deadline: LC_END,
        sortOrder: 30 + g,
      });
      if (reached === null) continue;
      const value = reaches(n, g, reached) ? 1 : 0;
      count += value;
      await addManualValue(db, systemActor, created.row.id, { date: "2011-09-15", value, note: EVIDENCE });
    }
    let [projectGoal] = await queryRows<{ id: string }>(
      db,
      sql`select id from indicators where project_id = ${project.id}::uuid and organisation_id is null and name = ${name}`,
    );
    if (!projectGoal) {
      const created = await createIndicator(db, systemActor, {
        name,
        unit: "organisationer",
        goalText: `Deltagande organisationer upplever att projektets insatser har resulterat i att samtliga organisationer ${text}.`,
        projectId: project.id,
        target: ORGANISATIONS,
        startDate: LC_START,
        deadline: LC_END,
        sortOrder: 15 + g,
      });
      projectGoal = { id: created.row.id };
    }
    if (reached === null) continue;
    await addManualValue(db, systemActor, projectGoal.id, {
      date: "2011-09-30",
      value: count,
      note: `Räknat från de ${ORGANISATIONS} organisationernas egna värden (matrisen organisationer × mål): ${count} har nått målet.`,
    });
  }
}
