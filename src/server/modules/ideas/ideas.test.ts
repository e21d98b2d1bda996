import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { systemActor } from "../../platform/actor.ts";
import { users } from "../../platform/platform.schema.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { createOrganisation } from "../organisations/organisations.service.ts";

const ids = { sk: "", other: "" };
const t = await createTestApp({
  seed: async ({ db }) => {
    ids.sk = (await createOrganisation(db, systemActor, { name: "Samhällskontraktet", type: "annan" })).id;
    ids.other = (await createOrganisation(db, systemActor, { name: "Västerås stad", type: "kommun" })).id;
  },
});
const db = t.database.db;
const coordinator = await t.login(demo.coordinator);
const board = await t.login(demo.groupMember);
const partner = await t.login(demo.partner);
const userId = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0].id;

const hour = 3_600_000;
const openCall = {
  title: "Framtidens vård, omsorg och socialt arbete",
  organisationId: "",
  bodyId: null,
  opensAt: new Date(Date.now() - hour).toISOString(),
  closesAt: new Date(Date.now() + 30 * 24 * hour).toISOString(),
  budget: 1_300_000,
};

async function createCall(extra: Record<string, unknown> = {}) {
  const res = await t.request({
    method: "POST",
    url: "/api/calls",
    as: coordinator,
    payload: { ...openCall, organisationId: ids.sk, ...extra },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function submit(callId: string, payload: Record<string, unknown> = {}) {
  return t.request({
    method: "POST",
    url: `/api/public/calls/${callId}/ideas`,
    payload: {
      title: "Hundar som främjar aktivitet",
      summary: "Terapihundar i demensvården.",
      name: "Eva Idégivare",
      email: "eva@example.se",
      organisation: "Eskilstuna kommun",
      consent: true,
      ...payload,
    },
  });
}

const move = (id: string, to: string, as = coordinator) =>
  t.request({ method: "POST", url: `/api/ideas/${id}/transition`, as, payload: { to } });

describe("calls for ideas", () => {
  it("creates a call from the contract's names and shows it with its state", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/calls",
      as: coordinator,
      payload: { ...openCall, organisationId: ids.sk },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: openCall.title,
      organisationId: ids.sk,
      organisationName: "Samhällskontraktet",
      budget: 1_300_000,
      state: "open",
      ideaCount: 0,
    });
    expect(res.json().template.map((f: { key: string }) => f.key)).toContain("purpose");
    const list = await t.request({ method: "GET", url: "/api/calls", as: board });
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(res.json().id);
  });

  it("refuses a call that closes before it opens, naming closesAt in Swedish", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/calls",
      as: coordinator,
      payload: { ...openCall, organisationId: ids.sk, closesAt: "2000-01-01T00:00:00Z" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.closesAt[0]).toMatch(/stänga efter/);
  });

  it("lets only staff create calls; the public must log in; an unknown call is 404", async () => {
    const asPartner = await t.request({
      method: "POST",
      url: "/api/calls",
      as: partner,
      payload: { ...openCall, organisationId: ids.sk },
    });
    expect(asPartner.statusCode).toBe(403);
    const anonymous = await t.request({ method: "GET", url: "/api/calls" });
    expect(anonymous.statusCode).toBe(401);
    const missing = await t.request({
      method: "GET",
      url: "/api/calls/00000000-0000-4000-8000-000000000000",
      as: coordinator,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe("public submission", () => {
  it("takes an idea without an account, queues a receipt with a personal link that shows and completes it", async () => {
    const callId = await createCall();
    const listed = await t.request({ method: "GET", url: "/api/public/calls" });
    expect(listed.json().items.map((c: { id: string }) => c.id)).toContain(callId);

    const res = await submit(callId, { fields: { purpose: "Ökad livskvalitet" } });
    expect(res.statusCode).toBe(201);
    expect(res.json().emailSent).toBe(true);
    const [mail] = await queryRows<{ subject: string; text: string }>(
      db,
      sql`select subject, text from mail_outbox where recipient = 'eva@example.se' and purpose = 'ideas.receipt'`,
    );
    expect(mail.subject).toContain("Framtidens vård");
    const token = /\/ideer\/([\w-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();

    const own = await t.request({ method: "GET", url: `/api/public/ideas/${token}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      title: "Hundar som främjar aktivitet",
      editable: true,
      fields: { purpose: "Ökad livskvalitet" },
    });
    const completed = await t.request({
      method: "PATCH",
      url: `/api/public/ideas/${token}`,
      payload: { fields: { targetGroup: "Personer med demenssjukdom" } },
    });
    expect(completed.statusCode).toBe(200);
    expect(completed.json().fields).toEqual({
      purpose: "Ökad livskvalitet",
      targetGroup: "Personer med demenssjukdom",
    });
    const wrongToken = await t.request({ method: "GET", url: `/api/public/ideas/${"x".repeat(43)}` });
    expect(wrongToken.statusCode).toBe(404);
  });

  it("refuses an idea without consent or e-mail, naming the field, and stores nothing", async () => {
    const callId = await createCall();
    const noConsent = await submit(callId, { consent: false });
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().errors.consent[0]).toMatch(/samtycka/);
    const noEmail = await submit(callId, { email: undefined });
    expect(noEmail.statusCode).toBe(422);
    expect(Object.keys(noEmail.json().errors)).toContain("email");
    const [stored] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ideas where call_id = ${callId}`,
    );
    expect(stored.n).toBe(0);
  });

  it("keeps every idea but caps the receipts to one address, answering alike", async () => {
    const callId = await createCall();
    const answers = [];
    for (let i = 0; i < 7; i++)
      answers.push(await submit(callId, { title: `Idé ${i}`, email: "flod@example.se" }));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(7).fill(201));
    expect(answers.every((a) => a.json().emailSent === true)).toBe(true);
    const [queued] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from mail_outbox where recipient = 'flod@example.se'`,
    );
    expect(queued.n).toBe(5);
    const [kept] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ideas where call_id = ${callId}`,
    );
    expect(kept.n).toBe(7);
  });

  it("answers a closed call with a Swedish 409", async () => {
    const callId = await createCall({
      opensAt: "2010-02-01T08:00:00+01:00",
      closesAt: "2010-04-30T16:00:00+02:00",
    });
    const res = await submit(callId);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/stängd/);
  });
});

describe("working the ideas", () => {
  it("moves an idea one stage at a time and refuses skips and granting by transition", async () => {
    const callId = await createCall();
    const id = (await submit(callId)).json().id;
    expect((await move(id, "selected")).statusCode).toBe(200);
    const skip = await move(id, "pitched");
    expect(skip.statusCode).toBe(422);
    expect(skip.json().errors.to[0]).toMatch(/ett steg i taget/);
    expect((await move(id, "developing")).statusCode).toBe(200);
    expect((await move(id, "pitched")).statusCode).toBe(200);
    expect((await move(id, "planned")).statusCode).toBe(200);
    expect((await move(id, "prepared")).statusCode).toBe(200);
    const grant = await move(id, "granted");
    expect(grant.statusCode).toBe(422);
    expect(Object.keys(grant.json().errors)).toEqual(["to"]);
    const partnerMove = await move(id, "rejected", partner);
    expect(partnerMove.statusCode).toBe(404);

    const detail = await t.request({ method: "GET", url: `/api/ideas/${id}`, as: coordinator });
    expect(detail.json().transitions.map((x: { to: string }) => x.to)).toEqual([
      "submitted",
      "selected",
      "developing",
      "pitched",
      "planned",
      "prepared",
    ]);
    expect(detail.json().transitions[1].by).toBe("Sara Samordnare");
  });

  it("counts every idea that reached a stage in the funnel, rejected ones included", async () => {
    const callId = await createCall();
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await submit(callId, { title: `Idé ${i}` })).json().id);
    for (const id of made.slice(0, 3)) await move(id, "selected");
    await move(made[0], "developing");
    await move(made[1], "rejected");
    await move(made[4], "withdrawn");
    const funnel = await t.request({ method: "GET", url: `/api/calls/${callId}/funnel`, as: board });
    expect(funnel.statusCode).toBe(200);
    const call = await t.request({ method: "GET", url: `/api/calls/${callId}`, as: board });
    expect(call.json().ideaCount).toBe(5);
    expect(funnel.json()).toMatchObject({
      submitted: 5,
      selected: 3,
      developing: 1,
      planned: 0,
      granted: 0,
      rejected: 1,
      withdrawn: 1,
      grantedAmount: 0,
      remainingBudget: 1_300_000,
    });
    const selected = await t.request({
      method: "GET",
      url: `/api/ideas?callId=${callId}&stage=selected`,
      as: coordinator,
    });
    expect(selected.json().items).toHaveLength(1);
  });

  it("shows submitters' details to staff only and lets a partner see only their organisation's ideas", async () => {
    const callId = await createCall();
    await submit(callId);
    const staff = await t.request({ method: "GET", url: `/api/ideas?callId=${callId}`, as: coordinator });
    expect(staff.json().items[0].submitterEmail).toBe("eva@example.se");
    const member = await t.request({ method: "GET", url: `/api/ideas?callId=${callId}`, as: board });
    expect(member.json().items[0]).toMatchObject({ submitterEmail: null, submitterName: null });
    const asPartner = await t.request({ method: "GET", url: `/api/ideas?callId=${callId}`, as: partner });
    expect(asPartner.statusCode).toBe(200);
    expect(asPartner.json().items).toEqual([]);
  });
});

describe("the panel's reviews", () => {
  it("scores 1–5 per criterion, hides others' scores until the reviewer has scored, and averages them", async () => {
    const callId = await createCall();
    const put = await t.request({
      method: "PUT",
      url: `/api/calls/${callId}/reviewers`,
      as: coordinator,
      payload: { userIds: [await userId(demo.groupMember), await userId(demo.coordinator)] },
    });
    expect(put.statusCode).toBe(204);
    const id = (await submit(callId)).json().id;
    const scores = { relevance: 5, feasibility: 4, impact: 3 };
    const first = await t.request({
      method: "POST",
      url: `/api/ideas/${id}/reviews`,
      as: coordinator,
      payload: { scores, comment: "Lovande" },
    });
    expect(first.statusCode).toBe(201);

    const before = await t.request({ method: "GET", url: `/api/ideas/${id}`, as: board });
    expect(before.json().reviews).toEqual([]);
    const outOfRange = await t.request({
      method: "POST",
      url: `/api/ideas/${id}/reviews`,
      as: board,
      payload: { scores: { ...scores, impact: 6 } },
    });
    expect(outOfRange.statusCode).toBe(422);
    expect(outOfRange.json().errors["scores.impact"][0]).toMatch(/1 till 5/);
    const second = await t.request({
      method: "POST",
      url: `/api/ideas/${id}/reviews`,
      as: board,
      payload: { scores: { relevance: 3, feasibility: 4, impact: 5 } },
    });
    expect(second.statusCode).toBe(201);
    const after = await t.request({ method: "GET", url: `/api/ideas/${id}`, as: board });
    expect(after.json().reviews).toHaveLength(2);
    expect(after.json().averages).toEqual({ relevance: 4, feasibility: 4, impact: 4 });
    expect(after.json().averageScore).toBe(4);

    const notOnPanel = await t.request({
      method: "POST",
      url: `/api/ideas/${id}/reviews`,
      as: partner,
      payload: { scores },
    });
    expect(notOnPanel.statusCode).toBe(404);
  });
});

describe("the board's grant", () => {
  async function grantDecision(amount: number) {
    const body = await t.request({
      method: "POST",
      url: "/api/bodies",
      as: coordinator,
      payload: { name: `Styrelsen ${amount}`, kind: "board", organisationId: ids.sk },
    });
    const meeting = await t.request({
      method: "POST",
      url: "/api/meetings",
      as: coordinator,
      payload: {
        bodyId: body.json().id,
        startsAt: "2010-09-23T13:00:00+02:00",
        place: "Västerås",
        agenda: [],
      },
    });
    const decision = await t.request({
      method: "POST",
      url: `/api/meetings/${meeting.json().id}/decisions`,
      as: coordinator,
      payload: { title: "Bidrag till MOPS-projekt", text: "Styrelsen beviljar bidrag.", amount },
    });
    expect(decision.statusCode).toBe(201);
    return decision.json() as { id: string; registryNumber: string };
  }

  async function preparedIdea(callId: string) {
    const id = (await submit(callId, { title: "Grön omsorg" })).json().id;
    for (const to of ["selected", "developing", "pitched", "planned", "prepared"]) await move(id, to);
    return id as string;
  }

  it("creates the project in the portfolio, funded by a line linked to the decision, and links the idea to both", async () => {
    const callId = await createCall({ budget: 1_300_000 });
    const id = await preparedIdea(callId);
    const decision = await grantDecision(1_300_000);
    const res = await t.request({
      method: "POST",
      url: `/api/ideas/${id}/grant`,
      as: coordinator,
      payload: { decisionId: decision.id, amount: 400_000 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ stage: "granted", grantedAmount: 400_000, decisionId: decision.id });
    const project = await t.request({
      method: "GET",
      url: `/api/projects/${res.json().projectId}`,
      as: coordinator,
    });
    expect(project.statusCode).toBe(200);
    expect(project.json().name).toBe("Grön omsorg");
    expect(project.json().funding).toEqual([
      expect.objectContaining({ amount: 400_000, year: 2010, decisionId: decision.id }),
    ]);
    const funnel = (await t.request({ method: "GET", url: `/api/calls/${callId}/funnel`, as: board })).json();
    expect(funnel).toMatchObject({ granted: 1, grantedAmount: 400_000, remainingBudget: 900_000 });
    expect(funnel.projectIds).toEqual([res.json().projectId]);
  });

  it("refuses a grant above the call's remaining budget, an unknown decision and an idea not yet prepared", async () => {
    const callId = await createCall({ budget: 500_000 });
    const id = await preparedIdea(callId);
    const decision = await grantDecision(2_000_000);
    const tooMuch = await t.request({
      method: "POST",
      url: `/api/ideas/${id}/grant`,
      as: coordinator,
      payload: { decisionId: decision.id, amount: 600_000 },
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors.amount[0]).toMatch(/500 000|500000/);
    const unknown = await t.request({
      method: "POST",
      url: `/api/ideas/${id}/grant`,
      as: coordinator,
      payload: { decisionId: "00000000-0000-4000-8000-000000000000", amount: 100 },
    });
    expect(unknown.statusCode).toBe(422);
    expect(Object.keys(unknown.json().errors)).toEqual(["decisionId"]);
    const fresh = (await submit(callId)).json().id;
    const early = await t.request({
      method: "POST",
      url: `/api/ideas/${fresh}/grant`,
      as: coordinator,
      payload: { decisionId: decision.id, amount: 100 },
    });
    expect(early.statusCode).toBe(422);
    const asPartner = await t.request({
      method: "POST",
      url: `/api/ideas/${id}/grant`,
      as: partner,
      payload: { decisionId: decision.id, amount: 100 },
    });
    expect(asPartner.statusCode).toBe(404);
  });
});
