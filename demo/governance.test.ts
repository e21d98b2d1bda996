import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../src/server/test/harness.ts";
import { loadGoalsDemo } from "./goals.ts";
import { loadGovernanceDemo } from "./governance.ts";
import { loadPlansDemo } from "./plans.ts";
import { loadProjectsDemo } from "./projects.ts";
import { loadOrganisationsDemo } from "./registers/organisations.ts";
import { loadPeopleDemo } from "./registers/people.ts";

const t = await createTestApp({
  seed: async ({ db }) => {
    await loadOrganisationsDemo(db);
    await loadPeopleDemo(db);
    await loadGoalsDemo(db);
    await loadPlansDemo(db);
    await loadProjectsDemo(db);
    // Twice: the step is idempotent.
    for (let i = 0; i < 2; i++) await loadGovernanceDemo(db);
  },
});
const coordinator = await t.login(demo.coordinator);
const boardMember = await t.login(demo.groupMember);
const bodies = (await t.request({ method: "GET", url: "/api/bodies", as: coordinator })).json().items as {
  id: string;
  name: string;
  kind: string;
}[];
const board = bodies.find((b) => b.name === "Samhällskontraktets styrelse")!;

describe("governance demo data of seeds 002, 003 and 000", () => {
  it("has the board with two members per party and the groups, forum and Mittuniversitetet's bodies", async () => {
    const res = await t.request({ method: "GET", url: `/api/bodies/${board.id}`, as: boardMember });
    const voting = res
      .json()
      .members.filter((m: { role: string }) => !["deputy", "secretary"].includes(m.role));
    expect(voting).toHaveLength(6);
    const perParty = new Map<string, number>();
    for (const m of voting) perParty.set(m.partyName, (perParty.get(m.partyName) ?? 0) + 1);
    expect(Object.fromEntries(perParty)).toEqual({
      "Eskilstuna kommun": 2,
      "Mälardalens högskola": 2,
      "Västerås stad": 2,
    });
    expect(res.json().warnings).toEqual([]);
    expect(bodies.filter((b) => b.kind === "sector_group")).toHaveLength(4);
    expect(bodies.map((b) => b.kind)).toEqual(
      expect.arrayContaining(["idea_forum", "process_leadership", "reference_group", "steering_group"]),
    );
  });

  it("has 2–3 members per party in every sector group, so no composition warnings", async () => {
    for (const group of bodies.filter((b) => b.kind === "sector_group")) {
      const res = (
        await t.request({ method: "GET", url: `/api/bodies/${group.id}`, as: coordinator })
      ).json();
      const perParty = new Map<string, number>();
      for (const m of res.members) perParty.set(m.partyName, (perParty.get(m.partyName) ?? 0) + 1);
      expect([...perParty.keys()].sort(), group.name).toEqual([
        "Eskilstuna kommun",
        "Mälardalens högskola",
        "Västerås stad",
      ]);
      for (const count of perParty.values()) expect(count).toBeGreaterThanOrEqual(2);
      for (const count of perParty.values()) expect(count).toBeLessThanOrEqual(3);
      expect(res.warnings, group.name).toEqual([]);
    }
  });

  it("shows the board's closed planning day and its items to a board member, not to a partner", async () => {
    const partner = await t.login(demo.partner);
    const titles = async (as: typeof partner) =>
      (await t.request({ method: "GET", url: `/api/meetings?bodyId=${board.id}&year=2010`, as }))
        .json()
        .items.map((m: { title: string | null }) => m.title);
    expect(await titles(boardMember)).toContain("Styrelsens planeringsdag");
    expect(await titles(partner)).not.toContain("Styrelsens planeringsdag");
    expect((await titles(partner)).length).toBeGreaterThan(0);
  });

  it("has 5–6 meetings in 2010 per sector group, and the joint meeting in April", async () => {
    for (const group of bodies.filter((b) => b.kind === "sector_group")) {
      const meetings = (
        await t.request({ method: "GET", url: `/api/meetings?bodyId=${group.id}&year=2010`, as: coordinator })
      ).json().items;
      expect(meetings.length).toBeGreaterThanOrEqual(5);
      expect(meetings.length).toBeLessThanOrEqual(6);
    }
    const boardMeetings = (
      await t.request({ method: "GET", url: `/api/meetings?bodyId=${board.id}&year=2010`, as: coordinator })
    ).json().items;
    expect(boardMeetings.map((m: { title: string | null }) => m.title)).toContain(
      "Gemensamt möte för sektorsgrupperna",
    );
  });

  it("numbers the board's decisions and links the MOPS grant to the existing 1,3 mnkr instead of doubling it", async () => {
    const decisions = (
      await t.request({ method: "GET", url: `/api/decisions?bodyId=${board.id}&year=2010`, as: coordinator })
    ).json().items;
    expect(decisions.map((d: { registryNumber: string }) => d.registryNumber)).toEqual([
      "SK 2010/4",
      "SK 2010/3",
      "SK 2010/2",
      "SK 2010/1",
    ]);
    const mops = decisions.find((d: { kind: string }) => d.kind === "grant");
    expect(mops).toMatchObject({ amount: 1_300_000, paragraph: 1, locked: true });
    expect(mops.fundedProjects).toEqual([
      expect.objectContaining({
        projectName: "Framtidens vård, omsorg och socialt arbete",
        amount: 1_300_000,
      }),
    ]);
    const project = await t.request({
      method: "GET",
      url: `/api/projects/${mops.fundedProjects[0].projectId}`,
      as: coordinator,
    });
    expect(project.json().fundingTotals.total).toBe(1_300_000);
  });

  it("shows the board member the confidential registry entry; the public sees that it exists", async () => {
    const title = "Projektplaner MOPS med budget och personuppgifter";
    const asMember = (await t.request({ method: "GET", url: "/api/registry?q=MOPS", as: boardMember })).json()
      .items;
    expect(asMember.map((e: { title: string }) => e.title)).toContain(title);
    const open = (await t.request({ method: "GET", url: "/api/registry?year=2010" })).json().items;
    expect(open.find((e: { confidential: boolean }) => e.confidential)).toMatchObject({ title: null });
  });
});
