import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../src/server/test/harness.ts";
import { loadGoalsDemo } from "./goals.ts";
import { loadGovernanceDemo } from "./governance.ts";
import { FUNDED_IDEAS, loadIdeasDemo, MOPS_CALL_TITLE } from "./ideas.ts";
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
    await loadGovernanceDemo(db);
    // Twice: the step is idempotent.
    await loadIdeasDemo(db);
    await loadIdeasDemo(db);
  },
});
const coordinator = await t.login(demo.coordinator);

describe("demo data of seed 003: the MOPS call of 2010", () => {
  it("tells 26 ideas → 10 selected → 9 plans → 4 granted, 1,3 mnkr, from the ideas' own histories", async () => {
    const calls = (await t.request({ method: "GET", url: "/api/calls", as: coordinator })).json().items;
    const mops = calls.filter((c: { title: string }) => c.title === MOPS_CALL_TITLE);
    expect(mops).toHaveLength(1);
    expect(mops[0]).toMatchObject({ ideaCount: 26, state: "closed", budget: 1_300_000 });
    const funnel = (
      await t.request({ method: "GET", url: `/api/calls/${mops[0].id}/funnel`, as: coordinator })
    ).json();
    expect(funnel).toMatchObject({
      submitted: 26,
      selected: 10,
      pitched: 10,
      planned: 9,
      prepared: 9,
      granted: 4,
      grantedAmount: 1_300_000,
    });
    expect(funnel.projectIds).toHaveLength(4);

    // Every count equals the ideas listed at that stage or beyond.
    const ideas: { title: string; stage: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { title: string; stage: string }[]; nextCursor: string | null } = (
        await t.request({
          method: "GET",
          url: `/api/ideas?callId=${mops[0].id}&limit=10${cursor ? `&cursor=${cursor}` : ""}`,
          as: coordinator,
        })
      ).json();
      ideas.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(ideas).toHaveLength(26);
    const titles = ideas.map((i) => i.title);
    for (const title of FUNDED_IDEAS) expect(titles).toContain(title);
    const byStage = (stage: string) => ideas.filter((i) => i.stage === stage).length;
    expect(byStage("rejected")).toBe(16 + 5);
    expect(byStage("withdrawn")).toBe(1);
    expect(byStage("granted")).toBe(4);
    expect(byStage("granted") + byStage("rejected") + byStage("withdrawn")).toBe(26);
  });

  it("opens each granted idea's project in the portfolio and the board's decision that granted it", async () => {
    const calls = (await t.request({ method: "GET", url: "/api/calls", as: coordinator })).json().items;
    const callId = calls.find((c: { title: string }) => c.title === MOPS_CALL_TITLE).id;
    const granted = (
      await t.request({ method: "GET", url: `/api/ideas?callId=${callId}&stage=granted`, as: coordinator })
    ).json().items as {
      id: string;
      title: string;
      projectId: string;
      decisionId: string;
      grantedAmount: number;
    }[];
    expect(granted.map((i) => i.title).sort()).toEqual([...FUNDED_IDEAS].sort());
    for (const idea of granted) {
      const project = (
        await t.request({ method: "GET", url: `/api/projects/${idea.projectId}`, as: coordinator })
      ).json();
      expect(project.name).toBe(idea.title);
      const detail = (
        await t.request({ method: "GET", url: `/api/ideas/${idea.id}`, as: coordinator })
      ).json();
      expect(detail.transitions.at(-1)).toMatchObject({ to: "granted" });
      expect(detail.transitions.at(-1).reason).toMatch(/^Beslut SK 2010\//);
    }
    expect(new Set(granted.map((i) => i.decisionId)).size).toBe(1);
  });

  it("shows the call's funnel in Samhällskontraktet's annual report for 2010", async () => {
    const calls = (await t.request({ method: "GET", url: "/api/calls", as: coordinator })).json().items;
    const call = calls.find((c: { title: string }) => c.title === MOPS_CALL_TITLE);
    const report = await t.request({
      method: "GET",
      url: `/api/reports/annual?organisationId=${call.organisationId}&year=2010&format=json`,
      as: coordinator,
    });
    expect(report.statusCode).toBe(200);
    const blocks = report.json().blocks as {
      type: string;
      text?: string;
      caption?: string;
      rows?: unknown[][];
    }[];
    const at = blocks.findIndex((b) => b.type === "heading" && b.text === "Idéefterlysningar");
    expect(at).toBeGreaterThan(-1);
    expect(blocks[at + 1]).toMatchObject({ type: "heading", text: MOPS_CALL_TITLE });
    const table = blocks[at + 2];
    expect(table.rows?.map((r) => r[1])).toEqual([26, 10, 10, 10, 9, 9, 4]);
    expect(table.rows?.[0][0]).toBe("Inkommen");
    expect(blocks[at + 3].text?.replace(/\s/g, " ")).toBe("Beviljat: 1 300 000 kr till 4 projekt.");

    const other = await t.request({
      method: "GET",
      url: `/api/reports/annual?organisationId=${call.organisationId}&year=2012&format=json`,
      as: coordinator,
    });
    const later = other.json().blocks as { type: string; text?: string }[];
    const heading = later.findIndex((b) => b.type === "heading" && b.text === "Idéefterlysningar");
    expect(later[heading + 1].text).toBe("Ingen idéefterlysning var öppen 2012.");
  });
});
