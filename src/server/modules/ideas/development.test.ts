import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { createOrganisation } from "../organisations/organisations.service.ts";
import { multipart } from "../transfer/test/transfer.fixture.ts";

const filesDir = mkdtempSync(path.join(tmpdir(), "samspel-idea-files-"));
process.env.SAMSPEL_FILES_DIR = filesDir;
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

// Working the ideas after submission: the list filtered, the history, the template's versions,
// the sector group's recommendation and the view across calls.
const ids = { sk: "", eskilstuna: "" };
const t = await createTestApp({
  seed: async ({ db }) => {
    ids.sk = (await createOrganisation(db, systemActor, { name: "Samhällskontraktet", type: "annan" })).id;
    ids.eskilstuna = (
      await createOrganisation(db, systemActor, { name: "Eskilstuna kommun", type: "kommun" })
    ).id;
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
      budget: 1_300_000,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function submit(callId: string, title: string, organisation: string) {
  const res = await t.request({
    method: "POST",
    url: `/api/public/calls/${callId}/ideas`,
    payload: { title, summary: "En idé.", name: "Eva", email: "eva@example.se", organisation, consent: true },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const move = (id: string, to: string, reason?: string) =>
  t.request({ method: "POST", url: `/api/ideas/${id}/transition`, as: coordinator, payload: { to, reason } });

describe("the list of a call's ideas", () => {
  it("filters by stage and by organisation", async () => {
    const callId = await createCall();
    const dogs = await submit(callId, "Hundar i demensvården", "Eskilstuna kommun");
    await submit(callId, "Grön omsorg", "Västerås stad");
    await submit(callId, "IKT i vardagen", "Mälardalens högskola");
    await move(dogs, "selected");
    const list = (query: string) =>
      t.request({ method: "GET", url: `/api/ideas?callId=${callId}${query}`, as: board });
    const selected = await list("&stage=selected");
    expect(selected.json().items.map((i: { title: string }) => i.title)).toEqual(["Hundar i demensvården"]);
    const vasteras = await list("&organisation=v%C3%A4ster%C3%A5s");
    expect(vasteras.json().items.map((i: { title: string }) => i.title)).toEqual(["Grön omsorg"]);
    const badStage = await list("&stage=draknaste");
    expect(badStage.statusCode).toBe(422);
    expect(Object.keys(badStage.json().errors)).toEqual(["stage"]);
    const noCall = await t.request({ method: "GET", url: `/api/ideas?callId=${missing}`, as: board });
    expect(noCall.statusCode).toBe(422);
    expect(noCall.json().errors.callId[0]).toMatch(/finns inte/);
  });
});

describe("an idea's history", () => {
  it("records who moved it, when and why, and a rejection ends it", async () => {
    const callId = await createCall();
    const id = await submit(callId, "Mötesplatser för lärande", "Eskilstuna kommun");
    expect((await move(id, "selected", "Vald till seminarieserien")).statusCode).toBe(200);
    const rejected = await move(id, "rejected", "Ryms inte i budgeten");
    expect(rejected.json().stage).toBe("rejected");
    const detail = (await t.request({ method: "GET", url: `/api/ideas/${id}`, as: coordinator })).json();
    expect(detail.transitions.map((x: { to: string }) => x.to)).toEqual([
      "submitted",
      "selected",
      "rejected",
    ]);
    expect(detail.transitions[2]).toMatchObject({
      from: "selected",
      reason: "Ryms inte i budgeten",
      by: expect.stringMatching(/\S/),
    });
    expect(detail.nextStages).toEqual([]);
    const again = await move(id, "developing");
    expect(again.statusCode).toBe(422);
    expect(again.json().errors.to[0]).toMatch(/kan inte flyttas/);
  });
});

describe("the template during development", () => {
  it("keeps each save as a version, refuses fields outside the template and closed ideas", async () => {
    const callId = await createCall();
    const id = await submit(callId, "Att leva och arbeta med IKT", "Eskilstuna kommun");
    await move(id, "selected");
    await move(id, "developing");
    const save = (fields: Record<string, string>, as = coordinator, extra = {}) =>
      t.request({ method: "PATCH", url: `/api/ideas/${id}`, as, payload: { fields, ...extra } });
    expect((await save({ purpose: "Digital delaktighet" })).statusCode).toBe(200);
    const second = await save(
      { purpose: "Digital delaktighet för äldre", targetGroup: "Äldre i hemtjänst" },
      coordinator,
      { title: "Att Leva och Arbeta med IKT" },
    );
    expect(second.json()).toMatchObject({
      title: "Att Leva och Arbeta med IKT",
      fields: { purpose: "Digital delaktighet för äldre", targetGroup: "Äldre i hemtjänst" },
    });
    const versions = await t.request({ method: "GET", url: `/api/ideas/${id}/versions`, as: board });
    expect(versions.statusCode).toBe(200);
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.json().items[1]).toMatchObject({
      title: "Att leva och arbeta med IKT",
      fields: { purpose: "Digital delaktighet" },
    });
    const detail = (await t.request({ method: "GET", url: `/api/ideas/${id}`, as: board })).json();
    expect(detail.versionCount).toBe(2);
    expect(detail.template.map((f: { key: string }) => f.key)).toContain("purpose");

    // Someone else saved since this reader loaded the idea: a stale If-Match answers 412, unchanged.
    const loaded = await t.request({ method: "GET", url: `/api/ideas/${id}`, as: coordinator });
    const etag = loaded.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await save({ purpose: "Först" })).statusCode).toBe(200);
    const stale = await t.request({
      method: "PATCH",
      url: `/api/ideas/${id}`,
      as: coordinator,
      headers: { "if-match": etag },
      payload: { fields: { purpose: "Skriver över" } },
    });
    expect(stale.statusCode).toBe(412);
    const kept = (await t.request({ method: "GET", url: `/api/ideas/${id}`, as: board })).json();
    expect(kept.fields.purpose).toBe("Först");

    const unknown = await save({ colour: "grön" });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors["fields.colour"][0]).toMatch(/mall/);
    const noFields = await t.request({
      method: "PATCH",
      url: `/api/ideas/${id}`,
      as: coordinator,
      payload: {},
    });
    expect(noFields.statusCode).toBe(422);
    expect(Object.keys(noFields.json().errors)).toEqual(["fields"]);
    expect((await save({ purpose: "x" }, board)).statusCode).toBe(403);
    expect((await save({ purpose: "x" }, partner)).statusCode).toBe(404);
    await move(id, "withdrawn", "Idégivaren drog tillbaka idén");
    const closed = await save({ purpose: "Sent" });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().detail).toMatch(/avslutad/);
    const none = await t.request({ method: "GET", url: `/api/ideas/${missing}/versions`, as: board });
    expect(none.statusCode).toBe(404);
    const anonymous = await t.request({ method: "GET", url: `/api/ideas/${id}/versions` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("the sector group's preparation", () => {
  it("recommends a planned idea to the board, shown on the idea; earlier stages and partners are refused", async () => {
    const callId = await createCall();
    const id = await submit(callId, "Grön omsorg", "Eskilstuna kommun");
    const recommend = (payload: Record<string, unknown>, as = board) =>
      t.request({ method: "PUT", url: `/api/ideas/${id}/recommendation`, as, payload });
    const early = await recommend({ recommendation: "grant", reason: "Bra idé", amount: 300_000 });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/projektplanen/);
    for (const to of ["selected", "developing", "pitched", "planned"]) await move(id, to);
    const bad = await recommend({ recommendation: "maybe", reason: "" });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().errors).sort()).toEqual(["reason", "recommendation"]);
    const ok = await recommend({
      recommendation: "grant",
      reason: "Stark förankring hos parterna",
      amount: 300_000,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      recommendation: "grant",
      amount: 300_000,
      reason: "Stark förankring hos parterna",
    });
    const detail = (await t.request({ method: "GET", url: `/api/ideas/${id}`, as: coordinator })).json();
    expect(detail.recommendation).toMatchObject({ recommendation: "grant", amount: 300_000 });
    expect((await recommend({ recommendation: "reject", reason: "Nej" }, partner)).statusCode).toBe(404);
    const none = await t.request({
      method: "PUT",
      url: `/api/ideas/${missing}/recommendation`,
      as: board,
      payload: { recommendation: "reject", reason: "Nej" },
    });
    expect(none.statusCode).toBe(404);
  });
});

describe("ideas across calls", () => {
  it("counts ideas by organisation and its party, matched to the register", async () => {
    const callId = await createCall();
    await submit(callId, "Idé A", "Eskilstuna kommun");
    await submit(callId, "Idé B", "Eskilstuna kommun");
    await submit(callId, "Idé C", "Föreningen Gläntan");
    const res = await t.request({
      method: "GET",
      url: `/api/ideas/by-organisation?callId=${callId}`,
      as: board,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { organisation: "Eskilstuna kommun", party: "kommun", submitted: 2, granted: 0 },
      { organisation: "Föreningen Gläntan", party: null, submitted: 1, granted: 0 },
    ]);
    const all = await t.request({ method: "GET", url: "/api/ideas/by-organisation", as: board });
    expect(all.json().items[0].submitted).toBeGreaterThanOrEqual(2);
    const bad = await t.request({ method: "GET", url: "/api/ideas/by-organisation?callId=x", as: board });
    expect(bad.statusCode).toBe(422);
    expect((await t.request({ method: "GET", url: "/api/ideas/by-organisation" })).statusCode).toBe(401);
  });
});

describe("documents of an idea", () => {
  it("stores an uploaded plan beside the idea, lists and downloads it; refuses wrong types and outsiders", async () => {
    const callId = await createCall();
    const id = await submit(callId, "Grön omsorg", "Eskilstuna kommun");
    const pdf = Buffer.from("%PDF-1.4\n% projektplan\n%%EOF\n");
    const upload = (parts: Parameters<typeof multipart>[0], as = coordinator) =>
      t.request({ method: "POST", url: `/api/ideas/${id}/documents`, as, ...multipart(parts) });
    const res = await upload([
      { name: "title", value: "Projektplan Grön omsorg" },
      { name: "file", file: { name: "projektplan.pdf", content: pdf } },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: "Projektplan Grön omsorg",
      filename: "projektplan.pdf",
      mimeType: "application/pdf",
      size: pdf.length,
    });
    expect(readdirSync(path.join(filesDir, "ideas", id))).toHaveLength(1);
    const list = await t.request({ method: "GET", url: `/api/ideas/${id}/documents`, as: board });
    expect(list.json().items.map((d: { title: string }) => d.title)).toEqual(["Projektplan Grön omsorg"]);
    const file = await t.request({
      method: "GET",
      url: `/api/ideas/${id}/documents/${res.json().id}`,
      as: board,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toContain("projektplan.pdf");
    expect(file.rawPayload.equals(pdf)).toBe(true);

    const wrongType = await upload([{ name: "file", file: { name: "virus.exe", content: "MZ" } }]);
    expect(wrongType.statusCode).toBe(422);
    expect(Object.keys(wrongType.json().errors)).toEqual(["file"]);
    const fake = await upload([{ name: "file", file: { name: "plan.pdf", content: "inte en pdf" } }]);
    expect(fake.statusCode).toBe(422);
    const noFile = await upload([{ name: "title", value: "Utan fil" }]);
    expect(noFile.statusCode).toBe(422);
    expect(Object.keys(noFile.json().errors)).toEqual(["file"]);
    const json = await t.request({
      method: "POST",
      url: `/api/ideas/${id}/documents`,
      as: coordinator,
      payload: {},
    });
    expect(json.statusCode).toBe(415);
    expect((await upload([{ name: "file", file: { name: "a.pdf", content: pdf } }], board)).statusCode).toBe(
      403,
    );
    expect(
      (await upload([{ name: "file", file: { name: "a.pdf", content: pdf } }], partner)).statusCode,
    ).toBe(404);
    const other = await t.request({ method: "GET", url: `/api/ideas/${id}/documents/${missing}`, as: board });
    expect(other.statusCode).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/ideas/${id}/documents`, as: partner })).statusCode,
    ).toBe(404);
    expect(readdirSync(path.join(filesDir, "ideas", id))).toHaveLength(1);
  });
});

describe("the office's own entries and the panel", () => {
  it("records an idea that came on paper, and lets only staff do it or set the panel", async () => {
    const callId = await createCall();
    const record = (payload: Record<string, unknown>, as = coordinator, id = callId) =>
      t.request({ method: "POST", url: `/api/calls/${id}/ideas`, as, payload });
    const paper = await record({
      title: "Seniorer som mentorer",
      summary: "Från workshopen.",
      organisation: "PRO",
    });
    expect(paper.statusCode).toBe(201);
    expect(paper.json()).toMatchObject({ stage: "submitted", organisation: "PRO", submitterEmail: null });
    const history = (
      await t.request({ method: "GET", url: `/api/ideas/${paper.json().id}`, as: coordinator })
    ).json();
    expect(history.transitions[0]).toMatchObject({ to: "submitted", by: expect.stringMatching(/\S/) });
    const noTitle = await record({ summary: "Utan namn" });
    expect(noTitle.statusCode).toBe(422);
    expect(Object.keys(noTitle.json().errors)).toEqual(["title"]);
    expect((await record({ title: "x", summary: "y" }, board)).statusCode).toBe(403);
    expect((await record({ title: "x", summary: "y" }, coordinator, missing)).statusCode).toBe(404);
    expect(
      (await t.request({ method: "POST", url: `/api/calls/${callId}/ideas`, payload: {} })).statusCode,
    ).toBe(401);

    const panel = (userIds: unknown[], as = coordinator, id = callId) =>
      t.request({ method: "PUT", url: `/api/calls/${id}/reviewers`, as, payload: { userIds } });
    const badId = await panel(["inte-ett-id"]);
    expect(badId.statusCode).toBe(422);
    expect(Object.keys(badId.json().errors)).toEqual(["userIds.0"]);
    expect((await panel([], board)).statusCode).toBe(403);
    expect((await panel([], coordinator, missing)).statusCode).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/calls/${missing}/funnel`, as: board })).statusCode,
    ).toBe(404);
  });
});
