import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestApp, demo } from "../src/server/test/harness.ts";
import { loadEventsDemo } from "./events.ts";
import { loadIndicatorsDemo } from "./indicators.ts";
import { LC_KOMP_SPACE, loadLearningContentDemo } from "./learning-content.ts";
import { loadOrganisationsDemo } from "./registers/organisations.ts";
import { loadPeopleDemo } from "./registers/people.ts";

const filesDir = mkdtempSync(path.join(tmpdir(), "samspel-demo-files-"));
process.env.SAMSPEL_FILES_DIR = filesDir;
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

const t = await createTestApp({
  seed: async ({ db }) => {
    await loadOrganisationsDemo(db);
    await loadPeopleDemo(db);
    await loadEventsDemo(db);
    await loadIndicatorsDemo(db);
    // Twice: the step is idempotent.
    await loadLearningContentDemo(db);
    await loadLearningContentDemo(db);
  },
});
const coordinator = await t.login(demo.coordinator);

describe("LC-KOMP's learning space with content (seed 004)", () => {
  it("is linked to the LC-KOMP project and holds its documents, the 20 seminars' material, tips and a recorded lecture", async () => {
    const spaces = (await t.request({ method: "GET", url: "/api/learning/spaces", as: coordinator })).json()
      .items;
    const space = spaces.find((s: { name: string }) => s.name === LC_KOMP_SPACE);
    expect(space).toBeDefined();
    const detail = (
      await t.request({ method: "GET", url: `/api/learning/spaces/${space.id}`, as: coordinator })
    ).json();
    const project = await t.request({
      method: "GET",
      url: `/api/projects/${detail.projectId}`,
      as: coordinator,
    });
    expect(project.json().name).toMatch(/^LC-KOMP/);

    const docs = (
      await t.request({ method: "GET", url: `/api/learning/spaces/${space.id}/documents`, as: coordinator })
    ).json().items as { id: string; title: string; versions: { mimeType: string }[] }[];
    const seminars = docs.filter((d) => /^Seminarium \d+:/.test(d.title));
    expect(seminars).toHaveLength(20);
    expect(docs.map((d) => d.title)).toContain("Projektbeskrivning LC-KOMP");

    const links = (
      await t.request({ method: "GET", url: `/api/learning/spaces/${space.id}/links`, as: coordinator })
    ).json().items as { kind: string }[];
    expect(links.filter((l) => l.kind === "literature").length).toBeGreaterThanOrEqual(5);

    const lecture = docs.find((d) => d.versions[0].mimeType === "audio/mpeg")!;
    const stream = await t.request({
      method: "GET",
      url: `/api/learning/spaces/${space.id}/documents/${lecture.id}/versions/1/stream`,
      as: coordinator,
      headers: { range: "bytes=0-2" },
    });
    expect(stream.statusCode).toBe(206);
    expect(stream.rawPayload.toString("latin1")).toBe("ID3");
  });
});
