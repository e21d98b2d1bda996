import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadDemoData } from "../../../demo/index.ts";
import { queryRows } from "../db/client.ts";
import { createTestApp, demo } from "../test/harness.ts";

/**
 * Issue 11, finding 10, for the editable records etag.routes.test.ts does not cover: records of the newer
 * modules (agreements, meetings' minutes, decisions, calls' panels, learning spaces' members), parts of a
 * record written by a path of their own (a user's roles, a network's members, an activity's goal links, a
 * programme's compass), and small registers (activity types, feedback questions). Each: the read sends an
 * ETag; a write with the current one succeeds and answers a new one; a write with a stale one answers 412
 * in Swedish and changes nothing (checked in the database).
 */
const t = await createTestApp({ seed: async ({ db }) => void (await loadDemoData(db)) });
const admin = await t.login(demo.admin);

const one = async (query: string) => {
  const [row] = await queryRows<{ v: unknown }>(t.database.db, sql.raw(query));
  expect(row, query).toBeDefined();
  return row.v;
};
const idOf = async (query: string) => String(await one(query));
const userId = (email: string) => idOf(`select id::text as v from users where email = '${email}'`);

type Method = "PATCH" | "PUT" | "DELETE";
interface Case {
  name: string;
  /** The record's key (`select … as v`). */
  key: () => Promise<string>;
  /** The read that sends the ETag; absent where the record is edited from a list (the write answers it). */
  get?: (key: string) => string;
  method: Method;
  url: (key: string) => string;
  /** The write the client means, and a different one sent later with the stale version. */
  body: (key: string) => Promise<object>;
  staleBody: (key: string) => Promise<object>;
  /** What the write changes, as the database holds it (`$key` is replaced). */
  state: string;
  /** The write's success status; 200 unless said. */
  ok?: number;
}

const anotherGoal = (activity: string, n: number) =>
  idOf(
    `select g.id::text as v from goals g where g.id not in (select goal_id from activity_goals where activity_id = '${activity}') order by g.id offset ${n} limit 1`,
  );
const dimension = () =>
  idOf(
    "select d->>'key' as v from compass_model_versions, jsonb_array_elements(dimensions) d order by version desc limit 1",
  );

/** A decision of a meeting whose minutes are not yet approved (the demo's are), recorded as staff would. */
async function newDecision() {
  const meeting = await idOf(
    "select id::text as v from governance_meetings where approved_at is null order by id limit 1",
  );
  const res = await t.request({
    method: "POST",
    url: `/api/meetings/${meeting}/decisions`,
    as: admin,
    payload: { title: "Beslutet", text: "Styrelsen beslutar.", kind: "other", public: false },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const cases: Case[] = [
  {
    name: "agreement",
    key: () => idOf("select id::text as v from agreements order by id limit 1"),
    get: (k) => `/api/agreements/${k}`,
    method: "PATCH",
    url: (k) => `/api/agreements/${k}`,
    body: async () => ({ notes: "Ändrad" }),
    staleBody: async () => ({ notes: "Ändrad igen" }),
    state: "select notes as v from agreements where id = '$key'",
  },
  {
    name: "meeting's minutes",
    key: () =>
      idOf("select id::text as v from governance_meetings where approved_at is null order by id limit 1"),
    get: (k) => `/api/meetings/${k}`,
    method: "PUT",
    url: (k) => `/api/meetings/${k}/minutes`,
    body: async () => ({ text: "Protokollet." }),
    staleBody: async () => ({ text: "Ett annat protokoll." }),
    state: "select minutes_text as v from governance_meetings where id = '$key'",
  },
  {
    name: "call's panel",
    key: () => idOf("select id::text as v from idea_calls order by id limit 1"),
    get: (k) => `/api/calls/${k}`,
    method: "PUT",
    url: (k) => `/api/calls/${k}/reviewers`,
    ok: 204,
    body: async () => ({ userIds: [await userId(demo.coordinator)] }),
    staleBody: async () => ({ userIds: [await userId(demo.coordinator), await userId(demo.admin)] }),
    state: "select count(*)::int as v from idea_call_reviewers where call_id = '$key'",
  },
  {
    name: "network's members",
    key: () => idOf("select id::text as v from event_networks order by id limit 1"),
    get: (k) => `/api/networks/${k}`,
    method: "PUT",
    url: (k) => `/api/networks/${k}/members`,
    body: async () => ({
      members: [{ personId: await idOf("select id::text as v from people order by id limit 1") }],
    }),
    staleBody: async () => ({ members: [] }),
    state: "select count(*)::int as v from network_members where network_id = '$key'",
  },
  {
    name: "activity's goal links",
    key: () => idOf("select id::text as v from activities order by id limit 1"),
    get: (k) => `/api/goal-links/activities/${k}`,
    method: "PUT",
    url: (k) => `/api/goal-links/activities/${k}`,
    body: async (k) => ({ goalIds: [await anotherGoal(k, 0)] }),
    staleBody: async (k) => ({ goalIds: [await anotherGoal(k, 1)] }),
    state: "select string_agg(goal_id::text, ',') as v from activity_goals where activity_id = '$key'",
  },
  {
    name: "programme's compass goals",
    key: () => idOf("select id::text as v from programmes order by id limit 1"),
    get: (k) => `/api/compass/programmes/${k}?year=2026`,
    method: "PUT",
    url: (k) => `/api/compass/programmes/${k}/goals?year=2026`,
    body: async () => ({ goals: { [await dimension()]: 3 } }),
    staleBody: async () => ({ goals: { [await dimension()]: 1 } }),
    state:
      "select string_agg(dimension_key || level, ',') as v from compass_goals where programme_id = '$key' and year = 2026",
  },
  {
    name: "programme's compass work process",
    key: () => idOf("select id::text as v from programmes order by id limit 1"),
    get: (k) => `/api/compass/programmes/${k}/process?year=2026`,
    method: "PUT",
    url: (k) => `/api/compass/programmes/${k}/process/inventory?year=2026`,
    body: async () => ({ status: "in_progress", note: "Pågår" }),
    staleBody: async () => ({ status: "not_started", note: "Ej påbörjad" }),
    state:
      "select status || ':' || coalesce(note, '') as v from compass_work_steps where programme_id = '$key' and year = 2026 and step = 'inventory'",
  },
  {
    name: "user account",
    key: () => userId(demo.groupMember),
    get: (k) => `/api/admin/users/${k}`,
    method: "PATCH",
    url: (k) => `/api/admin/users/${k}`,
    body: async () => ({ active: true }),
    staleBody: async () => ({ active: false }),
    state: "select active as v from users where id = '$key'",
  },
  {
    name: "user's roles",
    key: () => userId(demo.groupMember),
    get: (k) => `/api/admin/users/${k}`,
    method: "PUT",
    url: (k) => `/api/admin/users/${k}/roles`,
    body: async () => ({ roles: [{ role: "group_member" }] }),
    staleBody: async () => ({ roles: [{ role: "coordinator" }] }),
    state: "select string_agg(role, ',') as v from role_assignments where user_id = '$key'",
  },
  {
    name: "decision",
    key: newDecision,
    method: "PATCH",
    url: (k) => `/api/decisions/${k}`,
    body: async () => ({ title: "Ändrat beslut" }),
    staleBody: async () => ({ title: "Ändrat igen" }),
    state: "select title as v from governance_decisions where id = '$key'",
  },
  {
    name: "activity type",
    key: () => idOf("select key as v from activity_types order by key limit 1"),
    method: "PATCH",
    url: (k) => `/api/activity-types/${k}`,
    body: async () => ({ labelSv: "Ändrad typ" }),
    staleBody: async () => ({ labelSv: "Ändrad igen" }),
    state: "select label_sv as v from activity_types where key = '$key'",
  },
];

/** An activity type's feedback questions, after a first save has created the set (the demo has none). */
async function questionSet() {
  const key = await idOf(
    "select key as v from activity_types where category = 'meeting' order by key limit 1",
  );
  const url = `/api/events/feedback-questions/${key}`;
  const res = await t.request({ method: "PUT", url, as: admin, payload: { questions: [] } });
  expect(res.statusCode, res.body).toBe(200);
  return key;
}
const question = (labelSv: string) => ({
  questions: [{ key: "nytta", labelSv, labelEn: "Use", kind: "rating" }],
});
cases.push({
  name: "event type's feedback questions",
  key: questionSet,
  method: "PUT",
  url: (k) => `/api/events/feedback-questions/${k}`,
  body: async () => question("Nytta"),
  staleBody: async () => question("Annan nytta"),
  state: "select questions::text as v from feedback_question_sets where type_key = '$key'",
});

/** A learning space has no demo data: one is created, with the administrator as its moderator. */
async function learningSpace() {
  const res = await t.request({
    method: "POST",
    url: "/api/learning/spaces",
    as: admin,
    payload: { name: "Versionsrummet" },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
cases.push({
  name: "learning space's members",
  key: learningSpace,
  get: (k) => `/api/learning/spaces/${k}/members`,
  method: "PUT",
  url: (k) => `/api/learning/spaces/${k}/members`,
  body: async () => ({ members: [{ userId: await userId(demo.admin), role: "moderator" }] }),
  staleBody: async () => ({
    members: [
      { userId: await userId(demo.admin), role: "moderator" },
      { userId: await userId(demo.coordinator) },
    ],
  }),
  state: "select count(*)::int as v from learning_space_members where space_id = '$key'",
});

const send = (method: "GET" | Method, url: string, payload?: object, ifMatch?: string) =>
  t.request({ method, url, as: admin, payload, headers: ifMatch ? { "if-match": ifMatch } : {} });

describe.each(cases)("ETag and If-Match on a $name", (c) => {
  it("the current version saves and moves on; a stale one → 412 in Swedish and nothing changes", async () => {
    const key = await c.key();
    const state = () => one(c.state.replaceAll("$key", key));
    let etag: string;
    if (c.get) {
      const read = await send("GET", c.get(key));
      expect(read.statusCode, read.body).toBe(200);
      etag = read.headers.etag as string;
    } else {
      const first = await send(c.method, c.url(key), await c.body(key));
      expect(first.statusCode, first.body).toBe(c.ok ?? 200);
      etag = first.headers.etag as string;
    }
    expect(etag).toMatch(/^"\d+"$/);

    const saved = await send(c.method, c.url(key), await c.body(key), etag);
    expect(saved.statusCode, saved.body).toBe(c.ok ?? 200);
    expect(saved.headers.etag).toMatch(/^"\d+"$/);
    expect(saved.headers.etag).not.toBe(etag);
    if (c.get) expect((await send("GET", c.get(key))).headers.etag).toBe(saved.headers.etag);
    const after = await state();

    const stale = await send(c.method, c.url(key), await c.staleBody(key), etag);
    expect(stale.statusCode, stale.body).toBe(412);
    expect(stale.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(stale.json().detail).toMatch(
      /^Någon annan (ändrade|har ändrat) posten .*Ladda om för att se ändringarna\.$/,
    );
    expect(await state()).toEqual(after);
  });
});

describe("deleting a part of a record (a compass assessment)", () => {
  it("checks If-Match and moves the record's version, so a second stale write is refused too", async () => {
    const programme = await idOf("select id::text as v from programmes order by id desc limit 1");
    const dim = await dimension();
    const url = `/api/compass/programmes/${programme}/assessments/${dim}?year=2026`;
    const set = await send("PUT", url, { level: 2, justification: "Bedömt i matrisen." });
    expect(set.statusCode, set.body).toBe(200);
    const etag = set.headers.etag as string;
    const stale = await send("DELETE", url, undefined, '"1"');
    expect(stale.statusCode).toBe(412);
    const removed = await send("DELETE", url, undefined, etag);
    expect(removed.statusCode, removed.body).toBe(204);
    expect(removed.headers.etag).toMatch(/^"\d+"$/);
    expect(removed.headers.etag).not.toBe(etag);
    const again = await send("PUT", url, { level: 3, justification: "Med den gamla versionen." }, etag);
    expect(again.statusCode).toBe(412);
  });
});

describe("a stale If-Match from someone who may not write the record", () => {
  it("answers their refusal (403/404), never a 412 telling who changed what", async () => {
    const partner = await t.login(demo.partner);
    const decision = await cases.find((c) => c.name === "decision")!.key();
    const res = await t.request({
      method: "PATCH",
      url: `/api/decisions/${decision}`,
      as: partner,
      payload: { title: "Sonderat" },
      headers: { "if-match": '"1"' },
    });
    expect([403, 404]).toContain(res.statusCode);
    expect(res.body).not.toMatch(/ändrade|har ändrat/);
    const user = await userId(demo.coordinator);
    const roles = await t.request({
      method: "PUT",
      url: `/api/admin/users/${user}/roles`,
      as: partner,
      payload: { roles: [] },
      headers: { "if-match": '"1"' },
    });
    expect(roles.statusCode).toBe(403);
  });
});
