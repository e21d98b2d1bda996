import { describe, expect, it } from "vitest";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { ensureUser } from "../accounts/accounts.service.ts";
import { createOrganisation } from "../organisations/organisations.service.ts";
import { createProject } from "../projects/projects.service.ts";

/**
 * A partner keeps their own organisation's local plan only (issue 16, item 2), and the process support
 * is counted in indicators (kind sum_process_support_hours) from the efforts themselves.
 */

const PASSWORD = "samspel-test-2026";
const ids = { sala: "", flen: "", project: "" };
const t = await createTestApp({
  seed: async ({ db }) => {
    ids.sala = (await createOrganisation(db, systemActor, { name: "Sala kommun", type: "kommun" })).id;
    ids.flen = (await createOrganisation(db, systemActor, { name: "Flens kommun", type: "kommun" })).id;
    ids.project = await createProject(db, systemActor, { name: "LC-KOMP" });
    await ensureUser(db, systemActor, {
      email: "partner-sala@test.samspel.se",
      name: "Sala Partner",
      password: PASSWORD,
      roles: [{ role: "partner", scopeType: "organisation", scopeId: ids.sala }],
    });
  },
});
const coordinator = await t.login(demo.coordinator);
const partner = await t.login("partner-sala@test.samspel.se", PASSWORD);

const planFor = (organisationId: string) => ({
  organisationId,
  projectTag: "LC-KOMP",
  projectId: ids.project,
  title: "Lokal utvecklingsplan",
  activities: [{ title: "Bilda en lokal projektgrupp" }],
});
const effort = (kind: string, hours: number, date = "2010-04-15") => ({
  kind,
  date,
  hours,
  givenBy: "APeL FoU",
  participants: 5,
});

describe("a partner and the local plans", () => {
  it("writes their own organisation's plan and its support, and gets 403 creating another organisation's", async () => {
    const own = await t.request({
      method: "POST",
      url: "/api/local-plans",
      as: partner,
      payload: planFor(ids.sala),
    });
    expect(own.statusCode).toBe(201);
    const support = await t.request({
      method: "POST",
      url: `/api/local-plans/${own.json().id}/support`,
      as: partner,
      payload: effort("handledning", 3),
    });
    expect(support.statusCode).toBe(201);

    const other = await t.request({
      method: "POST",
      url: "/api/local-plans",
      as: partner,
      payload: planFor(ids.flen),
    });
    expect(other.statusCode).toBe(403);
    expect(other.headers["content-type"]).toContain("application/problem+json");
    // The office creates Flen's plan; the Sala partner can neither see nor write to it: its existence
    // is hidden (decision 007: a refused read answers 404, before any write is considered).
    const flen = await t.request({
      method: "POST",
      url: "/api/local-plans",
      as: coordinator,
      payload: planFor(ids.flen),
    });
    expect(flen.statusCode).toBe(201);
    const write = await t.request({
      method: "POST",
      url: `/api/local-plans/${flen.json().id}/support`,
      as: partner,
      payload: effort("mentorskap", 2),
    });
    expect(write.statusCode).toBe(404);
    const list = await t.request({ method: "GET", url: "/api/local-plans", as: partner });
    expect(list.json().items.map((p: { organisationName: string }) => p.organisationName)).toEqual([
      "Sala kommun",
    ]);
  });
});

describe("indicator kind sum_process_support_hours", () => {
  it("sums the efforts' hours, per kind when asked, and lists each effort it counts", async () => {
    const [flen] = (
      await t.request({ method: "GET", url: `/api/local-plans?organisationId=${ids.flen}`, as: coordinator })
    ).json().items;
    for (const [kind, hours] of [
      ["studiebesok", 6],
      ["experter", 1.5],
      ["handledning", 2],
    ] as const)
      expect(
        (
          await t.request({
            method: "POST",
            url: `/api/local-plans/${flen.id}/support`,
            as: coordinator,
            payload: effort(kind, hours),
          })
        ).statusCode,
      ).toBe(201);

    const indicator = async (supportKinds?: string[]) => {
      const res = await t.request({
        method: "POST",
        url: "/api/indicators",
        as: coordinator,
        payload: {
          name: `Processtöd ${supportKinds?.join(",") ?? "totalt"}`,
          unit: "timmar",
          projectId: ids.project,
          target: 100,
          definition: {
            kind: "sum_process_support_hours",
            filters: { projectId: ids.project, supportKinds },
          },
        },
      });
      expect(res.statusCode).toBe(201);
      const id = res.json().id as string;
      const one = (await t.request({ method: "GET", url: `/api/indicators/${id}`, as: coordinator })).json();
      const records = (
        await t.request({ method: "GET", url: `/api/indicators/${id}/records`, as: coordinator })
      ).json().items as { kind: string; label: string; amount: number; detail: string }[];
      return { one, records };
    };

    // Sala 3 h handledning; Flen 6 + 1.5 + 2.
    const total = await indicator();
    expect(total.one.actual).toBe(12.5);
    expect(total.one.definitionText).toContain(
      "timmar processtöd till de lokala utvecklingsplanerna i LC-KOMP",
    );
    expect(total.records).toHaveLength(4);
    expect(total.records.every((r) => r.kind === "support")).toBe(true);
    expect(total.records.reduce((s, r) => s + r.amount, 0)).toBe(total.one.actual);

    const supervision = await indicator(["handledning"]);
    expect(supervision.one.actual).toBe(5);
    expect(supervision.records.map((r) => r.label).sort()).toEqual(["Flens kommun", "Sala kommun"]);
    expect(supervision.records[0].detail).toMatch(/^handledning: APeL FoU \(5 deltagare\)$/);

    const bad = await t.request({
      method: "POST",
      url: "/api/indicators/preview",
      as: coordinator,
      payload: { definition: { kind: "sum_process_support_hours", filters: { supportKinds: ["fika"] } } },
    });
    expect(bad.statusCode).toBe(422);
  });
});
