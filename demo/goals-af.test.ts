import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../src/server/test/harness.ts";
import { FRAMEWORK, frameworkIdByName, loadGoalsDemo } from "./goals.ts";
import { INDICATOR_YEAR, loadGoalsAfDemo, PROJECT_GOALS } from "./goals-af.ts";
import { loadPlansDemo } from "./plans.ts";
import { loadProjectsDemo } from "./projects.ts";
import { loadActivitiesDemo } from "./registers/activities.ts";
import { loadOrganisationsDemo } from "./registers/organisations.ts";
import { loadPeopleDemo } from "./registers/people.ts";
import { loadProgrammesDemo } from "./registers/programmes.ts";

const t = await createTestApp({
  seed: async ({ db }) => {
    await loadOrganisationsDemo(db);
    await loadPeopleDemo(db);
    await loadProgrammesDemo(db);
    await loadActivitiesDemo(db);
    await loadGoalsDemo(db);
    await loadPlansDemo(db);
    await loadProjectsDemo(db);
    // Twice: the step is idempotent.
    await loadGoalsAfDemo(db);
    await loadGoalsAfDemo(db);
  },
});
const coordinator = await t.login(demo.coordinator);
const frameworkId = (await frameworkIdByName(t.database.db, FRAMEWORK.miun))!;

interface Served {
  code: string;
  id: string;
  hasActivitiesThisYear: boolean;
  activities: { title: string }[];
  projects: { name: string }[];
  planItems: { number: number }[];
}
async function served(year: number): Promise<Served[]> {
  const res = await t.request({
    method: "GET",
    url: `/api/frameworks/${frameworkId}/served?year=${year}`,
    as: coordinator,
  });
  expect(res.statusCode).toBe(200);
  return res.json().goals;
}

describe("goals A–F in use in the demo (seed 000)", () => {
  it("shows for each of A–F what serves it: activities, projects and plan items", async () => {
    const goals = await served(INDICATOR_YEAR);
    expect(goals.map((g) => g.code)).toEqual(["A", "B", "C", "D", "E", "F"]);
    for (const goal of goals) {
      expect(
        goal.activities.length + goal.projects.length + goal.planItems.length,
        goal.code,
      ).toBeGreaterThan(0);
      expect(goal.planItems.length, goal.code).toBeGreaterThan(0);
      expect(goal.projects.length, goal.code).toBeGreaterThan(0);
    }
    const byCode = new Map(goals.map((g) => [g.code, g]));
    // The action plan: item 15 (omvärldsbevakning) serves C only; item 14 (alumni) E only.
    expect(byCode.get("C")!.planItems.map((i) => i.number)).toContain(15);
    expect(byCode.get("E")!.planItems.map((i) => i.number)).toContain(14);
    expect(byCode.get("C")!.projects.map((p) => p.name)).toEqual([
      "Datorsimulerad BBIC och SimChild",
      "Extern kommunikation/Alumni/Karriärsök",
    ]);
    // Programme councils anchor the work (B) and review it yearly (F); placements serve A and D.
    expect(byCode.get("B")!.activities.some((a) => a.title.startsWith("Programråd"))).toBe(true);
    expect(byCode.get("F")!.activities.some((a) => a.title.startsWith("Programråd"))).toBe(true);
    expect(byCode.get("D")!.activities.some((a) => a.title.startsWith("VFU"))).toBe(true);
    // Nothing in the register makes Miun nationally recognised in the year: the view says so.
    expect(byCode.get("C")!.hasActivitiesThisYear).toBe(false);
    for (const code of ["A", "B", "D", "E", "F"])
      expect(byCode.get(code)!.hasActivitiesThisYear, code).toBe(true);
  });

  it("links all 13 projects of the April 2013 follow-up to goals A–F", async () => {
    const goals = await served(INDICATOR_YEAR);
    const linked = new Set(goals.flatMap((g) => g.projects.map((p) => p.name)));
    expect([...linked].sort()).toEqual(Object.keys(PROJECT_GOALS).sort());
    expect(linked.size).toBe(13);
  });

  it("lists only the year's activities", async () => {
    const goals = await served(2010);
    for (const goal of goals) expect(goal.activities, goal.code).toEqual([]);
  });

  it("computes each goal's indicator from the activities linked to it", async () => {
    const goals = await served(INDICATOR_YEAR);
    for (const goal of goals) {
      const res = await t.request({
        method: "GET",
        url: `/api/indicators?goalId=${goal.id}`,
        as: coordinator,
      });
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(items, goal.code).toHaveLength(1);
      expect(items[0].actual, goal.code).toBe(goal.activities.length);
    }
  });
});
