import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { fixture, partnerEmail, seedGovernance } from "./test/governance.fixture.ts";

/**
 * The edges the other governance tests leave: malformed queries and ids, unknown references,
 * anonymous writes and a partner's change of a decision — every endpoint answers a Swedish problem.
 */
const t = await createTestApp({ seed: seedGovernance });
const missing = "00000000-0000-4000-8000-000000000000";
let coordinator: Session;
let partner: Session;
let boardId: string;
let meetingId: string;
let decisionId: string;

beforeAll(async () => {
  coordinator = await t.login(demo.coordinator);
  partner = await t.login(partnerEmail);
  boardId = (
    await t.request({
      method: "POST",
      url: "/api/bodies",
      as: coordinator,
      payload: { name: "Styrelsen", kind: "board", organisationId: fixture.sk },
    })
  ).json().id;
  const meeting = await t.request({
    method: "POST",
    url: "/api/meetings",
    as: coordinator,
    payload: { bodyId: boardId, startsAt: "2011-02-10T13:00:00+01:00", public: true, agenda: [] },
  });
  meetingId = meeting.json().id;
  decisionId = (
    await t.request({
      method: "POST",
      url: `/api/meetings/${meetingId}/decisions`,
      as: coordinator,
      payload: { title: "Budget 2011", text: "Styrelsen fastställer budgeten." },
    })
  ).json().id;
});

const swedishField = (res: { statusCode: number; json: () => unknown }, field: string) => {
  expect(res.statusCode).toBe(422);
  const problem = res.json() as { errors: Record<string, string[]> };
  expect(Object.keys(problem.errors)).toContain(field);
  expect(problem.errors[field].join(" ")).toMatch(/[a-zåäö]/);
};

describe("governance endpoints at their edges", () => {
  it("answers malformed list queries with 422 naming the parameter", async () => {
    swedishField(
      await t.request({ method: "GET", url: "/api/bodies?kind=kommitt%C3%A9", as: coordinator }),
      "kind",
    );
    swedishField(await t.request({ method: "GET", url: "/api/meetings?year=tjugotio" }), "year");
    swedishField(await t.request({ method: "GET", url: "/api/meetings?bodyId=styrelsen" }), "bodyId");
    swedishField(await t.request({ method: "GET", url: "/api/decisions?bodyId=styrelsen" }), "bodyId");
    swedishField(await t.request({ method: "GET", url: "/api/registry?year=abc" }), "year");
    swedishField(
      await t.request({ method: "GET", url: "/api/registry?organisationId=sk" }),
      "organisationId",
    );
  });

  it("answers a malformed id with 422 on every endpoint that takes one", async () => {
    const as = coordinator;
    const answers = await Promise.all([
      t.request({ method: "GET", url: "/api/bodies/styrelsen", as }),
      t.request({ method: "POST", url: "/api/bodies/styrelsen/members", as, payload: { personId: missing } }),
      t.request({ method: "GET", url: "/api/meetings/x", as }),
      t.request({ method: "POST", url: "/api/meetings/x/notice", as }),
      t.request({ method: "PUT", url: "/api/meetings/x/minutes", as, payload: { text: "P" } }),
      t.request({ method: "POST", url: "/api/meetings/x/minutes/approve", as }),
      t.request({ method: "POST", url: "/api/meetings/x/decisions", as, payload: { title: "B", text: "B" } }),
      t.request({ method: "PATCH", url: "/api/decisions/x", as, payload: { title: "B" } }),
    ]);
    for (const res of answers) swedishField(res, "id");
  });

  it("refuses a body of an unknown organisation, a member who is not in the people register, and a bad change", async () => {
    swedishField(
      await t.request({
        method: "POST",
        url: "/api/bodies",
        as: coordinator,
        payload: { name: "Styrelsen", kind: "board", organisationId: missing },
      }),
      "organisationId",
    );
    swedishField(
      await t.request({
        method: "POST",
        url: `/api/bodies/${boardId}/members`,
        as: coordinator,
        payload: { personId: missing },
      }),
      "personId",
    );
    swedishField(
      await t.request({
        method: "PATCH",
        url: `/api/decisions/${decisionId}`,
        as: coordinator,
        payload: { amount: "mycket" },
      }),
      "amount",
    );
  });

  it("asks the public to log in before any write, and keeps partners from changing decisions", async () => {
    const writes = await Promise.all([
      t.request({
        method: "POST",
        url: "/api/bodies",
        payload: { name: "S", kind: "board", organisationId: fixture.sk },
      }),
      t.request({
        method: "POST",
        url: `/api/bodies/${boardId}/members`,
        payload: { personId: fixture.people[0] },
      }),
      t.request({
        method: "POST",
        url: "/api/meetings",
        payload: { bodyId: boardId, startsAt: "2011-03-01T10:00:00Z" },
      }),
      t.request({ method: "POST", url: `/api/meetings/${meetingId}/notice` }),
      t.request({ method: "PUT", url: `/api/meetings/${meetingId}/minutes`, payload: { text: "P" } }),
      t.request({ method: "POST", url: `/api/meetings/${meetingId}/minutes/approve` }),
      t.request({
        method: "POST",
        url: `/api/meetings/${meetingId}/decisions`,
        payload: { title: "B", text: "B" },
      }),
      t.request({ method: "PATCH", url: `/api/decisions/${decisionId}`, payload: { title: "B" } }),
      t.request({
        method: "POST",
        url: "/api/registry",
        payload: { organisationId: fixture.sk, title: "H", date: "2011-01-01", direction: "incoming" },
      }),
    ]);
    for (const res of writes) {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().detail).toMatch(/[a-zåäö]/);
    }
    const change = await t.request({
      method: "PATCH",
      url: `/api/decisions/${decisionId}`,
      as: partner,
      payload: { title: "Ändrad av partner" },
    });
    expect([403, 404]).toContain(change.statusCode);
    const after = await t.request({ method: "GET", url: `/api/meetings/${meetingId}`, as: coordinator });
    expect(after.json().decisions[0].title).toBe("Budget 2011");
  });

  it("answers an unknown decision or meeting with 404 to the coordinator", async () => {
    expect(
      (
        await t.request({
          method: "PATCH",
          url: `/api/decisions/${missing}`,
          as: coordinator,
          payload: { title: "B" },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: "PUT",
          url: `/api/meetings/${missing}/minutes`,
          as: coordinator,
          payload: { text: "P" },
        })
      ).statusCode,
    ).toBe(404);
  });
});
