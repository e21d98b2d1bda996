import { describe, expect, it } from "vitest";
import { systemActor } from "../../platform/actor.ts";
import { roleAssignments, users } from "../../platform/platform.schema.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { createOrganisation } from "../organisations/organisations.service.ts";

// Choosing a call's panel (issue 18, item 3): finding candidates, the panel by name on the call, and
// If-Match on the panel and on the sector group's recommendation.
const ids = { sk: "", ake: "", asa: "" };
const t = await createTestApp({
  seed: async ({ db }) => {
    ids.sk = (await createOrganisation(db, systemActor, { name: "Samhällskontraktet", type: "annan" })).id;
    const eskilstuna = await createOrganisation(db, systemActor, {
      name: "Eskilstuna kommun",
      type: "kommun",
    });
    const [ake, asa] = await db
      .insert(users)
      .values([
        { email: "ake.strom@eskilstuna.se", name: "Åke Ström" },
        { email: "asa.lind@mdh.se", name: "Åsa Lind" },
        { email: "ake.gammal@example.se", name: "Åke Slutat", active: false },
        ...Array.from({ length: 25 }, (_, i) => ({
          email: `granskare${i}@example.se`,
          name: `Granskare ${String(i).padStart(2, "0")}`,
        })),
      ])
      .returning();
    ids.ake = ake.id;
    ids.asa = asa.id;
    await db
      .insert(roleAssignments)
      .values({ userId: ake.id, role: "partner", scopeType: "organisation", scopeId: eskilstuna.id });
  },
});
const coordinator = await t.login(demo.coordinator);
const board = await t.login(demo.groupMember);
const partner = await t.login(demo.partner);
const missing = "00000000-0000-4000-8000-000000000000";
const hour = 3_600_000;

async function createCall() {
  const res = await t.request({
    method: "POST",
    url: "/api/calls",
    as: coordinator,
    payload: {
      title: "Framtidens vård, omsorg och socialt arbete",
      organisationId: ids.sk,
      opensAt: new Date(Date.now() - hour).toISOString(),
      closesAt: new Date(Date.now() + 30 * 24 * hour).toISOString(),
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const candidates = (callId: string, q: string | null, as = coordinator) =>
  t.request({
    method: "GET",
    url: `/api/calls/${callId}/reviewer-candidates${q === null ? "" : `?q=${encodeURIComponent(q)}`}`,
    as,
  });

describe("reviewer candidates", () => {
  it("finds active users by name without Swedish letters or by e-mail, with their organisation, at most 20", async () => {
    const callId = await createCall();
    const byName = await candidates(callId, "ake");
    expect(byName.statusCode).toBe(200);
    // The inactive Åke is not offered; e-mail addresses are not shown.
    expect(byName.json().items).toEqual([
      { userId: ids.ake, name: "Åke Ström", organisation: "Eskilstuna kommun" },
    ]);
    const byEmail = await candidates(callId, "@mdh.se");
    expect(byEmail.json().items).toEqual([{ userId: ids.asa, name: "Åsa Lind", organisation: null }]);
    const many = await candidates(callId, "granskare");
    expect(many.json().items).toHaveLength(20);
    expect(many.json().items[0].name).toBe("Granskare 00");
    expect((await candidates(callId, "100%")).json().items).toEqual([]);
  });

  it("refuses a missing or empty q naming q, an unknown call with 404, and all but the office", async () => {
    const callId = await createCall();
    const none = await candidates(callId, null);
    expect(none.statusCode).toBe(422);
    expect(Object.keys(none.json().errors)).toEqual(["q"]);
    const blank = await candidates(callId, "  ");
    expect(blank.statusCode).toBe(422);
    expect(blank.json().errors.q[0]).toBe("Fältet måste fyllas i.");
    expect((await candidates(missing, "ake")).statusCode).toBe(404);
    expect((await candidates(callId, "ake", partner)).statusCode).toBe(403);
    expect((await candidates(callId, "ake", board)).statusCode).toBe(403);
    const anonymous = await t.request({
      method: "GET",
      url: `/api/calls/${callId}/reviewer-candidates?q=ake`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("the panel on the call", () => {
  it("shows the panel by name to those inside, lets the office set it with If-Match, and refuses a stale one", async () => {
    const callId = await createCall();
    const read = (as = coordinator) => t.request({ method: "GET", url: `/api/calls/${callId}`, as });
    const empty = await read();
    expect(empty.json()).toMatchObject({ reviewers: [], mayManage: true });
    const etag = empty.headers.etag as string;
    const set = (userIds: string[], ifMatch: string) =>
      t.request({
        method: "PUT",
        url: `/api/calls/${callId}/reviewers`,
        as: coordinator,
        headers: { "if-match": ifMatch },
        payload: { userIds },
      });
    expect((await set([ids.asa, ids.ake], etag)).statusCode).toBe(204);
    const named = (await read(board)).json();
    expect(named.reviewers).toEqual([
      { userId: ids.ake, name: "Åke Ström" },
      { userId: ids.asa, name: "Åsa Lind" },
    ]);
    expect(named.mayManage).toBe(false);
    // Someone else changed the panel since this reader loaded the call: 412, the panel unchanged.
    expect((await set([], etag)).statusCode).toBe(412);
    expect((await read()).json().reviewers).toHaveLength(2);
    // A partner reads the call but not who sits on its panel.
    expect((await read(partner)).json()).toMatchObject({ reviewers: [], mayManage: false });
  });
});

describe("the recommendation under If-Match", () => {
  it("refuses a recommendation over someone else's newer one with 412 and keeps theirs", async () => {
    const callId = await createCall();
    const submitted = await t.request({
      method: "POST",
      url: `/api/public/calls/${callId}/ideas`,
      payload: {
        title: "Grön omsorg",
        summary: "En idé.",
        name: "Eva",
        email: "eva@example.se",
        consent: true,
      },
    });
    const id = submitted.json().id as string;
    for (const to of ["selected", "developing", "pitched", "planned"]) {
      const moved = await t.request({
        method: "POST",
        url: `/api/ideas/${id}/transition`,
        as: coordinator,
        payload: { to },
      });
      expect(moved.statusCode).toBe(200);
    }
    const loaded = await t.request({ method: "GET", url: `/api/ideas/${id}`, as: board });
    const etag = loaded.headers.etag as string;
    expect(etag).toBeTruthy();
    const recommend = (reason: string, headers: Record<string, string> = {}) =>
      t.request({
        method: "PUT",
        url: `/api/ideas/${id}/recommendation`,
        as: board,
        headers,
        payload: { recommendation: "reject", reason },
      });
    const first = await recommend("Saknar förankring", { "if-match": etag });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers.etag).not.toBe(etag);
    const stale = await recommend("Skriver över", { "if-match": etag });
    expect(stale.statusCode).toBe(412);
    const kept = (await t.request({ method: "GET", url: `/api/ideas/${id}`, as: coordinator })).json();
    expect(kept.recommendation).toMatchObject({ recommendation: "reject", reason: "Saknar förankring" });
    // With the answer's ETag the next save goes through.
    expect((await recommend("Ny bedömning", { "if-match": first.headers.etag as string })).statusCode).toBe(
      200,
    );
  });
});
