import type { Db } from "../src/server/db/client.ts";
import { activityIdsOfType } from "../src/server/modules/activities/index.ts";
import { goalHasActivities, goalIdsByCode, setActivityGoals } from "../src/server/modules/goals/index.ts";
import { createIndicator, goalHasIndicatorNamed } from "../src/server/modules/indicators/index.ts";
import { projectIdsByNames, updateProject } from "../src/server/modules/projects/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { FRAMEWORK, frameworkIdByName } from "./goals.ts";

/**
 * Seed 000's goals A–F in use. The action plan's 15 activities already carry their goals (plans
 * step); here the register's work-life activities and the 13 projects reported on 2 April 2013 are
 * linked to the goals their kind and the process leader's comments point at, and each goal gets an
 * indicator computed from the activities linked to it.
 *
 * A: built on the programmes' conditions and the staff's competence (placements, simulation, degree
 *    projects, guest lectures in courses); B: anchored and recognised inside the university
 *    (programme councils); C: nationally recognised; D: students experience the connection;
 *    E: regionally recognised (industry days, alumni, partner projects); F: a systematic,
 *    quality-assured model (programme councils' yearly review, systematised processes).
 */
export const ACTIVITY_GOALS: Record<string, string> = {
  vfu: "A, D",
  praktik: "A, D",
  examensarbete: "A, D",
  simulering: "A, D",
  gastforelasning: "A, D",
  foretagsprojekt: "D, E",
  karriarcoachning: "D",
  mentorprogram: "D, E",
  studiebesok: "D",
  branschdag: "D, E",
  alumnmedverkan: "E",
  programrad: "B, F",
};

/** The appendix's 13 projects, by name as the projects step stores them. */
export const PROJECT_GOALS: Record<string, string> = {
  Karriärcoachning: "D, F", // "Process som systematiserats."
  Kompetenskontraktet: "D, E", // "Flera externa partners."
  Entreprenörskap: "B, D, E", // "Stort internt och externt intresse."
  Patientsimulator: "A, D", // simulation instead of external placement
  HUM: "A",
  SAMLAB: "A, D", // "Har kompetensutvecklat lärare."
  Distansarbetsplatser: "D, E", // "Kan och bör kopplas närmare Alumni."
  "Datorsimulerad BBIC och SimChild": "A, C, D", // "Stort externt intresse", commercialised
  "Turism 2.0": "A, D", // "Kan bli stilbildande för arbetslivsankn inom program."
  "Karriärvägledning via webben": "D",
  "Ökad branschnärvaro": "E, F", // "Bör kunna bli basverksamhet."
  "Examensarbetens värde": "A, D",
  "Extern kommunikation/Alumni/Karriärsök": "C, E", // a tool on www.miun.se, an alumni campaign
};

/** One indicator per goal, counted from the activities linked to it in the year. */
export const INDICATOR_YEAR = 2025;
const goalIndicators: [code: string, name: string, target: number][] = [
  ["A", "Arbetslivsanknutna moment i utbildningen", 12],
  ["B", "Programråd som förankrar arbetslivsanknytningen", 4],
  ["C", "Aktiviteter som ger nationell synlighet", 2],
  ["D", "Aktiviteter där studenterna möter arbetslivet", 20],
  ["E", "Aktiviteter med regionens arbetsliv och alumner", 6],
  ["F", "Programrådens årliga genomgång av arbetslivsanknytningen", 4],
];

export async function loadGoalsAfDemo(db: Db) {
  const frameworkId = await frameworkIdByName(db, FRAMEWORK.miun);
  if (!frameworkId) throw new Error("demo: the goals step must run before goals A–F are linked");
  const [A] = await goalIdsByCode(db, frameworkId, ["A"]);
  if (await goalHasActivities(db, A)) return;
  const ids = (codes: string) => goalIdsByCode(db, frameworkId, codes.split(","));

  for (const [typeKey, codes] of Object.entries(ACTIVITY_GOALS)) {
    const goalIds = await ids(codes);
    for (const id of await activityIdsOfType(db, typeKey))
      await setActivityGoals(db, systemActor, id, goalIds);
  }

  const names = Object.keys(PROJECT_GOALS);
  const projectRows = await projectIdsByNames(db, names);
  for (const project of projectRows) {
    await updateProject(db, systemActor, project.id, { goalIds: await ids(PROJECT_GOALS[project.name]) });
  }

  for (const [i, [code, name, target]] of goalIndicators.entries()) {
    const [goalId] = await ids(code);
    if (await goalHasIndicatorNamed(db, goalId, `${name} ${INDICATOR_YEAR}`)) continue;
    await createIndicator(db, systemActor, {
      name: `${name} ${INDICATOR_YEAR}`,
      unit: "aktiviteter",
      frameworkId,
      goalId,
      target,
      startDate: `${INDICATOR_YEAR}-01-01`,
      deadline: `${INDICATOR_YEAR}-12-31`,
      definition: {
        kind: "count_activities",
        filters: { goalId, from: `${INDICATOR_YEAR}-01-01`, to: `${INDICATOR_YEAR}-12-31` },
      },
      sortOrder: i,
    });
  }
}
