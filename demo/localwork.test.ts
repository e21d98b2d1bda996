import { describe, expect, it } from "vitest";
import { supportKinds } from "../src/common/localwork.ts";
import { createTestApp, demo } from "../src/server/test/harness.ts";
import { loadLocalWorkDemo } from "./localwork.ts";
import { loadOrganisationsDemo } from "./registers/organisations.ts";

const t = await createTestApp({
  seed: async ({ db }) => {
    await loadOrganisationsDemo(db);
    // Twice: the step is idempotent.
    await loadLocalWorkDemo(db);
    await loadLocalWorkDemo(db);
  },
});
const board = await t.login(demo.groupMember);
const get = async (url: string) => {
  const res = await t.request({ method: "GET", url, as: board });
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe("demo data of seed 004: LC-KOMP's local development work", () => {
  it("gives each of the 17 organisations a local plan with its process support", async () => {
    const { items } = await get("/api/local-plans?projectTag=LC-KOMP");
    expect(items).toHaveLength(17);
    expect(new Set(items.map((p: { organisationId: string }) => p.organisationId)).size).toBe(17);
    for (const plan of items) expect(plan.supportHours).toBeGreaterThan(0);
  });

  it("counts the project's process support per kind exactly as the plans' own records add up", async () => {
    const { items } = await get("/api/local-plans?projectTag=LC-KOMP");
    const expected = Object.fromEntries(
      supportKinds.map((k) => [k, { efforts: 0, hours: 0, participants: 0 }]),
    );
    for (const { id } of items) {
      const plan = await get(`/api/local-plans/${id}`);
      expect(plan.supportHours).toBe(
        plan.support.reduce((s: number, e: { hours: number }) => s + e.hours, 0),
      );
      for (const e of plan.support) {
        expected[e.kind].efforts += 1;
        expected[e.kind].hours += e.hours;
        expected[e.kind].participants += e.participants;
      }
    }
    const summary = await get("/api/local-plans/summary?projectTag=LC-KOMP");
    expect(summary.plans).toBe(17);
    expect(summary.organisations).toBe(17);
    for (const row of summary.totals) {
      expect(row).toEqual({ kind: row.kind, ...expected[row.kind] });
      // Every kind of the seed's process support is used somewhere.
      expect(row.efforts).toBeGreaterThan(0);
    }
  });
});
