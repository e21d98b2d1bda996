import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { ensureUser } from "../accounts/accounts.service.ts";
import { activities } from "../activities/activities.schema.ts";
import { GOALS_A_TO_F, insertActivity, insertOrganisation } from "./test/goals.fixture.ts";

const PASSWORD = "samspel-test-2026";
const PARTNER = "partner-goals@test.samspel.se";

const ids = { placement: "", cancelled: "", older: "" };
const t = await createTestApp({
  seed: async ({ db }) => {
    ids.placement = await insertActivity(db, "VFU i slutenvård ht 2025");
    ids.cancelled = await insertActivity(db, "Studiebesök som ställdes in", "cancelled");
    ids.older = await insertActivity(db, "Gästföreläsning 2023");
    const dates: [string, string][] = [
      [ids.placement, "2025-09-01"],
      [ids.cancelled, "2025-10-01"],
      [ids.older, "2023-03-01"],
    ];
    await ensureUser(db, systemActor, {
      email: PARTNER,
      name: PARTNER,
      password: PASSWORD,
      roles: [
        {
          role: "partner",
          scopeType: "organisation",
          scopeId: await insertOrganisation(db, "Härnösands kommun", "kommun"),
        },
      ],
    });
    for (const [id, startDate] of dates)
      await db.update(activities).set({ startDate }).where(eq(activities.id, id));
  },
});
const coordinator = await t.login(demo.coordinator);
const director = await t.login(demo.programmeDirector);
const partner = await t.login(PARTNER, PASSWORD);
const missing = "00000000-0000-4000-8000-000000000000";

async function frameworkWithLinks() {
  const created = await t.request({
    method: "POST",
    url: "/api/frameworks",
    as: coordinator,
    payload: { name: `Utbildningsstrategi ${Math.random()}`, goals: GOALS_A_TO_F },
  });
  expect(created.statusCode).toBe(201);
  const framework = created.json();
  const goal = (code: string) => framework.goals.find((g: { code: string }) => g.code === code).id;
  for (const [activityId, codes] of [
    [ids.placement, ["A", "D"]],
    [ids.cancelled, ["D"]],
    [ids.older, ["A"]],
  ] as const) {
    const res = await t.request({
      method: "PUT",
      url: `/api/goal-links/activities/${activityId}`,
      as: coordinator,
      payload: { goalIds: codes.map(goal) },
    });
    expect(res.statusCode).toBe(200);
  }
  return framework.id as string;
}

describe("GET /api/frameworks/:id/served", () => {
  it("lists per goal the year's activities (not cancelled ones) and says which goals have any", async () => {
    const id = await frameworkWithLinks();
    const res = await t.request({
      method: "GET",
      url: `/api/frameworks/${id}/served?year=2025`,
      as: director,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2025, versionNumber: 1 });
    const byCode = Object.fromEntries(body.goals.map((g: { code: string }) => [g.code, g]));
    expect(Object.keys(byCode)).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(byCode.A.activities.map((a: { title: string }) => a.title)).toEqual(["VFU i slutenvård ht 2025"]);
    expect(byCode.D.activities.map((a: { title: string }) => a.title)).toEqual(["VFU i slutenvård ht 2025"]);
    expect(byCode.A.hasActivitiesThisYear).toBe(true);
    expect(byCode.B).toMatchObject({
      hasActivitiesThisYear: false,
      activities: [],
      projects: [],
      planItems: [],
    });

    const older = (
      await t.request({ method: "GET", url: `/api/frameworks/${id}/served?year=2023`, as: director })
    ).json();
    expect(older.goals[0].activities.map((a: { title: string }) => a.title)).toEqual([
      "Gästföreläsning 2023",
    ]);
  });

  it("answers 422 for a year that is not one or a malformed id", async () => {
    const id = await frameworkWithLinks();
    for (const year of ["tjugo", "1800", "2025.5"]) {
      const res = await t.request({
        method: "GET",
        url: `/api/frameworks/${id}/served?year=${year}`,
        as: coordinator,
      });
      expect(res.statusCode, year).toBe(422);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    const bad = await t.request({ method: "GET", url: "/api/frameworks/abc/served", as: coordinator });
    expect(bad.statusCode).toBe(422);
  });

  it("answers 404 for an unknown framework", async () => {
    const res = await t.request({ method: "GET", url: `/api/frameworks/${missing}/served`, as: coordinator });
    expect(res.statusCode).toBe(404);
  });

  it("answers 401 for the public and 403 for a partner, who reads only their own organisations' projects", async () => {
    const id = await frameworkWithLinks();
    expect((await t.request({ method: "GET", url: `/api/frameworks/${id}/served` })).statusCode).toBe(401);
    expect(
      (await t.request({ method: "GET", url: `/api/frameworks/${id}/served`, as: partner })).statusCode,
    ).toBe(403);
  });
});
