import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../../common/reports.ts";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import {
  addMember,
  approveMinutes,
  createBody,
  createDecision,
  createMeeting,
  saveMinutes,
} from "../governance/index.ts";
import { boardSeats, fixture, seedGovernance } from "../governance/test/governance.fixture.ts";
import { createProject } from "../projects/index.ts";

/** "Styrelsens beslut" in the annual report: the board's public decisions of approved minutes, in order. */
const a = systemActor;
const t = await createTestApp({
  seed: async (database) => {
    await seedGovernance(database);
    const { db } = database;
    const board = await createBody(db, a, {
      name: "Samhällskontraktets styrelse",
      kind: "board",
      organisationId: fixture.sk,
    });
    for (const [personId, partyOrganisationId, role] of boardSeats())
      await addMember(db, a, board.id, { personId, partyOrganisationId, role: role as "member" });
    const group = await createBody(db, a, {
      name: "Sektorsgrupp Utbildning",
      kind: "sector_group",
      organisationId: fixture.sk,
    });
    const project = await createProject(db, a, { name: "Grön omsorg", ownerOrganisationId: fixture.sk });
    const meeting = async (bodyId: string, startsAt: string, approve: boolean, decisions: object[]) => {
      const m = await createMeeting(db, a, { bodyId, startsAt, public: true });
      for (const d of decisions) await createDecision(db, a, m.id, { text: "Beslutstext.", ...d } as never);
      await saveMinutes(db, a, m.id, { text: "Protokoll.", adjusters: [fixture.people[1]] });
      if (approve) await approveMinutes(db, a, m.id);
    };
    await meeting(board.id, "2010-03-18T13:00:00+01:00", true, [{ title: "Karriärtorget" }]);
    await meeting(board.id, "2010-09-23T13:00:00+02:00", true, [
      {
        title: "Bidrag till Grön omsorg",
        kind: "grant",
        amount: 325_000,
        links: [{ type: "project", id: project }],
      },
      { title: "Personalärende", public: false },
    ]);
    // Not in the report: minutes not yet approved, another year, another body.
    await meeting(board.id, "2010-12-09T13:00:00+01:00", false, [{ title: "Kommunikationsplan 2011" }]);
    await meeting(board.id, "2009-10-15T13:00:00+02:00", true, [{ title: "Vision och mål" }]);
    await meeting(group.id, "2010-05-12T09:00:00+02:00", true, [{ title: "Förslag till styrelsen" }]);
  },
});
const coordinator = await t.login(demo.coordinator);

const report = async (year: number) =>
  (
    await t.request({
      method: "GET",
      url: `/api/reports/annual?organisationId=${fixture.sk}&year=${year}&format=json`,
      as: coordinator,
    })
  ).json() as ReportDocument;

/** The blocks from the section's heading up to the next level-2 heading. */
function section(doc: ReportDocument, heading: string) {
  const start = doc.blocks.findIndex((b) => b.type === "heading" && b.text === heading);
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const end = doc.blocks.findIndex((b, i) => i > start && b.type === "heading" && b.level === 2);
  return doc.blocks.slice(start + 1, end === -1 ? undefined : end);
}

describe("the board's decisions in the annual report", () => {
  it("lists the board's public decisions of the year's approved minutes in order, with number, §, funded project and total granted", async () => {
    const blocks = section(await report(2010), "Styrelsens beslut 2010");
    expect(blocks).toHaveLength(1);
    const [table] = blocks;
    if (table.type !== "table") throw new Error("expected a table");
    expect(table.caption).toBe("Beslut i Samhällskontraktets styrelse 2010");
    expect(table.rows).toEqual([
      ["SK 2010/1", "2010-03-18 § 1", "Karriärtorget", "", null],
      ["SK 2010/2", "2010-09-23 § 1", "Bidrag till Grön omsorg", "Grön omsorg", 325_000],
    ]);
    expect(table.footer).toEqual(["Beviljat totalt", null, null, null, 325_000]);
  });

  it("says so when the board has no public decisions that year", async () => {
    const blocks = section(await report(2011), "Styrelsens beslut 2011");
    expect(blocks).toEqual([
      { type: "paragraph", text: "Styrelsen har inga offentliga beslut i justerade protokoll 2011." },
    ]);
  });
});
