import { describe, expect, it } from "vitest";
import { createProject } from "../src/server/modules/projects/projects.service.ts";
import { systemActor } from "../src/server/platform/actor.ts";
import { createTestApp, demo } from "../src/server/test/harness.ts";
import { loadGoalLevelsDemo } from "./goal-levels.ts";
import { loadIndicatorsDemo } from "./indicators.ts";
import { loadLocalWorkDemo } from "./localwork.ts";
import { loadOrganisationsDemo } from "./registers/organisations.ts";

let withoutGoals = "";
const t = await createTestApp({
  seed: async ({ db }) => {
    withoutGoals = await createProject(db, systemActor, { name: "Projekt utan organisationsmål" });
    await loadOrganisationsDemo(db);
    await loadIndicatorsDemo(db);
    await loadLocalWorkDemo(db);
    // Twice: the step is idempotent.
    await loadGoalLevelsDemo(db);
    await loadGoalLevelsDemo(db);
  },
});
const board = await t.login(demo.groupMember);
const outsider = await t.login(demo.partner);

interface Cell {
  indicatorId: string;
  actual: number | null;
  reached: boolean;
  text: string;
}
interface Matrix {
  goals: {
    name: string;
    reached: number;
    organisations: number;
    projectIndicator: { actual: number } | null;
  }[];
  organisations: { name: string; cells: (Cell | null)[]; reached: number }[];
}

const lcKompId = async () => {
  const res = await t.request({ method: "GET", url: "/api/projects?q=LC-KOMP", as: board });
  const found = res.json().items.find((p: { name: string }) => p.name.startsWith("LC-KOMP"));
  expect(found).toBeTruthy();
  return found.id as string;
};
const matrixUrl = (id: string) => `/api/projects/${id}/organisation-matrix`;

describe("seed 004: LC-KOMP's goals on two levels, organisations × goals", () => {
  it("shows all 17 organisations, and counts 11, 8, 13, 8, 8 from those values", async () => {
    const res = await t.request({ method: "GET", url: matrixUrl(await lcKompId()), as: board });
    expect(res.statusCode).toBe(200);
    const m: Matrix = res.json();
    expect(m.organisations).toHaveLength(17);
    const byName = new Map(m.goals.map((g, i) => [g.name, i]));
    const seedFigures: [string, number][] = [
      ["Organisationer med bättre relationer till företag", 11],
      ["Organisationer med lokal samverkansstruktur", 8],
      ["Organisationer med utvecklad mäklande funktion", 13],
      ["Organisationer med utvecklat arbetsplatslärande", 8],
      ["Organisationer som ägt eller sökt ESF-projekt", 8],
    ];
    for (const [name, figure] of seedFigures) {
      const i = byName.get(name);
      expect(i, name).toBeDefined();
      // Counted here from the cells the matrix lists, not taken from the column's own figure.
      const counted = m.organisations.filter((o) => o.cells[i!]?.reached).length;
      expect(counted, name).toBe(figure);
      expect(m.goals[i!].reached, name).toBe(figure);
      expect(m.goals[i!].organisations, name).toBe(17);
      // The project-level goal's latest value is that count.
      expect(m.goals[i!].projectIndicator?.actual, name).toBe(figure);
    }
    // The horizontal criteria are goals of all 17, but the seed never says they were reached: no
    // invented value, every cell and the project's goal read "Ej mätt".
    for (const name of ["Bättre kunskap om jämställdhetsfrågor", "Bättre kunskap om tillgänglighetsfrågor"]) {
      const i = byName.get(name)!;
      expect(m.goals[i].organisations, name).toBe(17);
      expect(m.goals[i].reached, name).toBe(0);
      expect(m.goals[i].projectIndicator?.actual, name).toBeNull();
      expect(
        m.organisations.every((o) => o.cells[i]?.actual === null && o.cells[i]?.text === "Ej mätt"),
      ).toBe(true);
    }
    // Each row's total is its reached cells; each cell says its status in words.
    for (const o of m.organisations) {
      expect(o.reached).toBe(o.cells.filter((c) => c?.reached).length);
      for (const c of o.cells.filter((x): x is Cell => !!x))
        expect(c.text).toMatch(c.reached ? /^Uppnått/ : /^(Ej uppnått|Ej mätt)/);
    }
  });

  it("takes each cell from the organisation's own indicator with its evidence", async () => {
    const m: Matrix = (
      await t.request({ method: "GET", url: matrixUrl(await lcKompId()), as: board })
    ).json();
    const cell = m.organisations[0].cells.find((c): c is Cell => !!c)!;
    const res = await t.request({ method: "GET", url: `/api/indicators/${cell.indicatorId}`, as: board });
    expect(res.statusCode).toBe(200);
    const indicator = res.json();
    expect(indicator.organisation.name).toBe(m.organisations[0].name);
    expect(indicator.actual).toBe(cell.actual);
    const values = await t.request({
      method: "GET",
      url: `/api/indicators/${cell.indicatorId}/values`,
      as: board,
    });
    expect(values.statusCode).toBe(200);
    expect(JSON.stringify(values.json())).toContain("Lärande utvärdering");
  });

  it("answers an empty matrix for a project whose organisations have no goals of their own", async () => {
    const res = await t.request({ method: "GET", url: matrixUrl(withoutGoals), as: board });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ goals: [], organisations: [] });
  });

  it("answers 422 on a malformed id, 404 on an unknown project, 401 without login", async () => {
    expect((await t.request({ method: "GET", url: matrixUrl("nope"), as: board })).statusCode).toBe(422);
    const unknown = await t.request({
      method: "GET",
      url: matrixUrl("00000000-0000-4000-8000-000000000000"),
      as: board,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    expect((await t.request({ method: "GET", url: matrixUrl(await lcKompId()) })).statusCode).toBe(401);
  });

  it("answers 404 to a partner outside the project, as the project itself does", async () => {
    const res = await t.request({ method: "GET", url: matrixUrl(await lcKompId()), as: outsider });
    expect(res.statusCode).toBe(404);
  });
});
