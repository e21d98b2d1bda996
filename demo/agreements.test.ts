import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../src/server/test/harness.ts";
import { HARNOSAND_AGREEMENT, loadAgreementsDemo, PACKAGE, SECOND_AGREEMENT } from "./agreements.ts";
import { ORG } from "./registers/names.ts";
import { loadOrganisationsDemo, organisationIdsByName } from "./registers/organisations.ts";
import { loadPeopleDemo } from "./registers/people.ts";
import { loadProgrammesDemo } from "./registers/programmes.ts";

const t = await createTestApp({
  seed: async ({ db }) => {
    await loadOrganisationsDemo(db);
    await loadPeopleDemo(db);
    await loadProgrammesDemo(db);
    // Twice: the step is idempotent.
    await loadAgreementsDemo(db);
    await loadAgreementsDemo(db);
  },
});
const coordinator = await t.login(demo.coordinator);
const partner = await t.login(demo.partner);
const harnosand = (await organisationIdsByName(t.database.db)).get(ORG.harnosand)!;

describe("SKO agreements demo (seed 001)", () => {
  it("has Härnösand's pilot: 8 contract courses, 27 hp in three packages beside the needs they cover", async () => {
    const list = (await t.request({ method: "GET", url: "/api/agreements", as: coordinator })).json().items;
    expect(list.map((a: { title: string }) => a.title).sort()).toEqual(
      [HARNOSAND_AGREEMENT, SECOND_AGREEMENT].sort(),
    );
    const pilot = list.find((a: { title: string }) => a.title === HARNOSAND_AGREEMENT);
    const body = (
      await t.request({ method: "GET", url: `/api/agreements/${pilot.id}`, as: coordinator })
    ).json();
    expect(body.appendix).toHaveLength(8);
    expect(body.totalCredits).toBe(27);
    expect(body.appendix.every((r: { courseId: string; needIds: string[] }) => r.needIds.length === 1)).toBe(
      true,
    );
    expect(
      body.packages.map((p: { name: string; totalCredits: number }) => [p.name, p.totalCredits]),
    ).toEqual([
      [PACKAGE.psychology, 12],
      [PACKAGE.law, 12],
      [PACKAGE.economy, 3],
    ]);
    expect(body.dialogues).toHaveLength(2);
    expect(body.needs[0]).toMatchObject({
      title: "Arbetsrätt för chefer",
      status: "open",
      source: "dialogue",
    });
    expect(body.needs.slice(1).every((n: { status: string }) => n.status === "covered")).toBe(true);
    expect(body).toMatchObject({ phase: "execution", status: "active", budget: 800_000, spent: 180_000 });
    expect(body.parties.map((p: { cofinancing: number }) => p.cofinancing)).toEqual([400_000, 400_000]);
    expect(body.followUp).toMatchObject({
      coursesDelivered: 3,
      participants: 49,
      completed: 44,
      creditsTaken: 132,
    });
  });

  it("shows Härnösand's partner only Härnösand's agreement, and the course read together to coordinators", async () => {
    const list = (await t.request({ method: "GET", url: "/api/agreements", as: partner })).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ title: HARNOSAND_AGREEMENT, partyIds: [harnosand] });
    const shared = (
      await t.request({ method: "GET", url: "/api/agreements/shared-courses", as: coordinator })
    ).json();
    expect(shared.items).toEqual([expect.objectContaining({ code: "FE101U", places: 20 })]);
    expect(shared.items[0].organisationIds).toContain(harnosand);
  });
});
