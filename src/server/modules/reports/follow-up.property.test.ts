import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { outputTypes } from "../../../common/projects.ts";
import type { ReportDocument } from "../../../common/reports.ts";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { addOutput, createProject } from "../projects/projects.service.ts";

/**
 * Property (issue 16): in a period's follow-up every count equals the number of records it lists, and
 * both equal the outputs recorded on the period and its sub-projects, whatever their number and spread.
 */

const t = await createTestApp();
const db = t.database.db;
const board = await t.login(demo.groupMember);
type Table = Extract<ReportDocument["blocks"][number], { type: "table" }>;

const treeWithOutputs = fc.record({
  /** Parent of each sub-project: an index into the projects made before it (0 = the period). */
  parents: fc.array(fc.nat(), { maxLength: 4 }),
  outputs: fc.array(fc.record({ at: fc.nat(), type: fc.constantFrom(...outputTypes) }), { maxLength: 12 }),
});

describe("follow-up counts and their records", () => {
  it("every count equals the records it lists and the outputs recorded", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(treeWithOutputs, async ({ parents, outputs }) => {
        run++;
        const ids = [await createProject(db, systemActor, { name: `Period ${run}` })];
        for (const [i, parent] of parents.entries())
          ids.push(
            await createProject(db, systemActor, {
              name: `Delprojekt ${run}.${i}`,
              parentId: ids[parent % ids.length],
            }),
          );
        for (const [i, o] of outputs.entries())
          await addOutput(db, systemActor, ids[o.at % ids.length], { type: o.type, title: `Resultat ${i}` });

        const res = await t.request({
          method: "GET",
          url: `/api/reports/follow-up?projectId=${ids[0]}&format=json`,
          as: board,
        });
        expect(res.statusCode).toBe(200);
        const doc: ReportDocument = res.json();
        const summary = doc.blocks.find((b) => b.type === "list")!.items;
        expect(summary[0]).toMatch(new RegExp(`^${parents.length} `));
        const tables = doc.blocks.filter((b): b is Table => b.type === "table");
        const expected = new Map<string, number>();
        for (const o of outputs) expected.set(o.type, (expected.get(o.type) ?? 0) + 1);
        // One summary line and one list per recorded type, the line's figure the list's length.
        expect(summary).toHaveLength(1 + expected.size);
        for (const line of summary.slice(1)) {
          const list = tables.find((b) => b.caption === line)!;
          const figure = Number(line.split(" ")[0]);
          expect(list.rows).toHaveLength(figure);
          expect(list.footer?.[0]).toBe(`TOTAL: ${figure}`);
        }
        const listed = tables.filter((b) => summary.slice(1).includes(b.caption));
        expect(listed.reduce((sum, b) => sum + b.rows.length, 0)).toBe(outputs.length);
      }),
      { numRuns: 15 },
    );
  });
});
