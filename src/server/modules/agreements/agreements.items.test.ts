import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { ensureUser } from "../accounts/accounts.service.ts";
import { createOrganisation } from "../organisations/organisations.service.ts";
import { createCourse } from "../programmes/courses.service.ts";
import { createProject } from "../projects/index.ts";
import { multipart } from "../transfer/test/transfer.fixture.ts";

/**
 * Single needs, appendix rows and dialogues (GET/PATCH/DELETE with ETag/If-Match), partners' comments
 * on dialogues, the competence-supply plan as uploaded files, and the agreement figures read by
 * indicators and the follow-up report.
 */
const filesDir = mkdtempSync(path.join(tmpdir(), "samspel-agreement-files-"));
process.env.SAMSPEL_FILES_DIR = filesDir;
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

const PASSWORD = "samspel-test-2026";
const ids = {} as {
  miun: string;
  harnosand: string;
  sundsvall: string;
  courses: string[];
  programme: string;
};

async function seed({ db }: Database) {
  const org = async (name: string, type: string) =>
    (await createOrganisation(db, systemActor, { name, type })).id;
  ids.miun = await org("Mittuniversitetet", "larosate");
  ids.harnosand = await org("Härnösands kommun", "kommun");
  ids.sundsvall = await org("Sundsvalls kommun", "kommun");
  ids.courses = [];
  for (const [code, nameSv, credits] of [
    ["PS101U", "Psykologiska principer", 3],
    ["RV103U", "Fördjupningskurs i socialrätt", 6],
  ] as const)
    ids.courses.push(
      (
        await createCourse(db, systemActor, {
          code,
          nameSv,
          credits,
          contract: true,
          clientOrganisationId: ids.harnosand,
        })
      ).id,
    );
  for (const [email, organisationId] of [
    ["partner-harnosand@test.samspel.se", ids.harnosand],
    ["partner-sundsvall@test.samspel.se", ids.sundsvall],
  ])
    await ensureUser(db, systemActor, {
      email,
      name: email === "partner-harnosand@test.samspel.se" ? "Hanna i Härnösand" : "Sune i Sundsvall",
      password: PASSWORD,
      roles: [{ role: "partner", scopeType: "organisation", scopeId: organisationId }],
    });
  ids.programme = await createProject(db, systemActor, {
    name: "Samhällskontraktet 2026–2027",
    ownerOrganisationId: ids.miun,
    periodStart: "2026-01",
    periodEnd: "2027-12",
  });
}

const t = await createTestApp({ seed });
const coordinator = await t.login(demo.coordinator);
const board = await t.login(demo.groupMember);
const harnosandPartner = await t.login("partner-harnosand@test.samspel.se", PASSWORD);
const sundsvallPartner = await t.login("partner-sundsvall@test.samspel.se", PASSWORD);
const missing = "00000000-0000-4000-8000-000000000000";

const req = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, as?: Session, payload?: unknown) =>
  t.request({ method, url, as, payload: payload as Record<string, unknown> | undefined });

/** An agreement with Härnösand holding one need served by one appendix row, and one dialogue. */
async function agreementWithItems(partyId = ids.harnosand) {
  const a = (
    await req("POST", "/api/agreements", coordinator, {
      title: "SKO-avtal för ändringar",
      partyIds: [partyId],
      startDate: "2026-01-01",
      endDate: "2027-12-31",
      budget: 1_000_000,
    })
  ).json();
  const withNeeds = (
    await req("POST", `/api/agreements/${a.id}/needs`, coordinator, {
      title: "Psykologi",
      targetGroup: "Chefer",
    })
  ).json();
  const needId = withNeeds.needs[0].id;
  const withRow = (
    await req("POST", `/api/agreements/${a.id}/appendix`, coordinator, {
      courseId: ids.courses[0],
      needIds: [needId],
      term: "ht 2026",
      places: 20,
      price: 80_000,
      participants: 18,
      completed: 15,
    })
  ).json();
  const withDialogue = (
    await req("POST", `/api/agreements/${a.id}/dialogues`, coordinator, {
      date: "2026-03-10",
      notes: "Första dialogen",
      nextDate: "2026-09-01",
    })
  ).json();
  return {
    id: a.id as string,
    needId: needId as string,
    appendixId: withRow.appendix[0].id as string,
    dialogueId: withDialogue.dialogues[0].id as string,
  };
}

describe("GET/PATCH/DELETE /api/agreements/{id}/needs/{needId}", () => {
  it("reads a need with its ETag, changes it with If-Match and answers 412 for a stale version", async () => {
    const a = await agreementWithItems();
    const url = `/api/agreements/${a.id}/needs/${a.needId}`;
    const got = await req("GET", url, harnosandPartner);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ title: "Psykologi", status: "covered" });
    const etag = got.headers.etag as string;
    expect(etag).toMatch(/^"\d+"$/);
    const changed = await t.request({
      method: "PATCH",
      url,
      as: coordinator,
      headers: { "if-match": etag },
      payload: { title: "Psykologi för chefer", staffCount: 14, status: "deferred" },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().needs.find((n: { id: string }) => n.id === a.needId)).toMatchObject({
      title: "Psykologi för chefer",
      staffCount: 14,
      status: "deferred",
    });
    expect(changed.headers.etag).not.toBe(etag);
    const stale = await t.request({
      method: "PATCH",
      url,
      as: coordinator,
      headers: { "if-match": etag },
      payload: { title: "Över någon annans ändring" },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().detail).toMatch(/ändrade posten .*titel, status, antal berörda/);
  });

  it("answers 422 naming the field, 404 for an unknown need or another agreement's, 403 for a partner", async () => {
    const a = await agreementWithItems();
    const other = await agreementWithItems();
    const url = `/api/agreements/${a.id}/needs/${a.needId}`;
    const bad = await req("PATCH", url, coordinator, { title: "", staffCount: -1 });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().errors)).toEqual(expect.arrayContaining(["title", "staffCount"]));
    expect((await req("PATCH", url, coordinator, { status: "covered" })).json().errors.status[0]).toMatch(
      /kursbilagan/,
    );
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const body = method === "PATCH" ? { title: "x" } : undefined;
      expect(
        (await req(method, `/api/agreements/${a.id}/needs/${missing}`, coordinator, body)).statusCode,
      ).toBe(404);
      expect(
        (await req(method, `/api/agreements/${a.id}/needs/${other.needId}`, coordinator, body)).statusCode,
      ).toBe(404);
      expect((await req(method, url, sundsvallPartner, body)).statusCode).toBe(404);
    }
    expect((await req("PATCH", url, harnosandPartner, { title: "Eget" })).statusCode).toBe(403);
    expect((await req("DELETE", url, harnosandPartner)).statusCode).toBe(403);
    expect((await req("DELETE", url, board)).statusCode).toBe(403);
    expect((await req("GET", url)).statusCode).toBe(401);
  });

  it("refuses to delete a need an appendix row serves (409 listing the rows), then deletes it once freed", async () => {
    const a = await agreementWithItems();
    const url = `/api/agreements/${a.id}/needs/${a.needId}`;
    const served = await req("DELETE", url, coordinator);
    expect(served.statusCode).toBe(409);
    expect(served.json().detail).toMatch(/1 rader i kursbilagan täcker det/);
    expect(served.json().errors.appendix).toEqual(["PS101U ht 2026"]);
    const freed = await req("PATCH", `/api/agreements/${a.id}/appendix/${a.appendixId}`, coordinator, {
      needIds: [],
    });
    expect(freed.json().appendix[0].needIds).toEqual([]);
    expect((await req("DELETE", url, coordinator)).statusCode).toBe(204);
    const after = (await req("GET", `/api/agreements/${a.id}`, coordinator)).json();
    expect(after.needs).toEqual([]);
    const audit = (
      await req("GET", `/api/admin/audit?entityId=${a.needId}`, await t.login(demo.admin))
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain("agreement.need_deleted");
  });
});

describe("GET/PATCH/DELETE /api/agreements/{id}/appendix/{appendixId}", () => {
  it("changes places, term and follow-up figures; the needs it served open again when it goes", async () => {
    const a = await agreementWithItems();
    const url = `/api/agreements/${a.id}/appendix/${a.appendixId}`;
    expect((await req("GET", url, harnosandPartner)).json()).toMatchObject({ code: "PS101U", places: 20 });
    const res = await req("PATCH", url, coordinator, { places: 25, term: "ht 2027", participants: 22 });
    expect(res.statusCode).toBe(200);
    expect(res.json().appendix[0]).toMatchObject({
      places: 25,
      term: "ht 2027",
      participants: 22,
      completed: 15,
    });
    expect((await req("DELETE", url, coordinator)).statusCode).toBe(204);
    const after = (await req("GET", `/api/agreements/${a.id}`, coordinator)).json();
    expect(after.appendix).toEqual([]);
    expect(after.needs[0]).toMatchObject({ id: a.needId, status: "open", appendixIds: [] });
    expect((await req("GET", url, coordinator)).statusCode).toBe(404);
  });

  it("answers a Swedish 422 for a course twice in a term, negative places and more completed than participants", async () => {
    const a = await agreementWithItems();
    await req("POST", `/api/agreements/${a.id}/appendix`, coordinator, {
      courseId: ids.courses[1],
      term: "ht 2026",
      places: 5,
    });
    const url = `/api/agreements/${a.id}/appendix/${a.appendixId}`;
    const twice = await req("PATCH", url, coordinator, { courseId: ids.courses[1] });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors.courseId[0]).toMatch(/redan i kursbilagan för ht 2026/);
    expect((await req("PATCH", url, coordinator, { places: -1 })).json().errors.places[0]).toMatch(
      /negativt/,
    );
    expect((await req("PATCH", url, coordinator, { completed: 30 })).json().errors.completed[0]).toMatch(
      /slutfört/,
    );
    expect(
      (await req("PATCH", url, coordinator, { needIds: [missing] })).json().errors.needIds,
    ).toBeDefined();
    expect((await req("PATCH", url, harnosandPartner, { places: 1 })).statusCode).toBe(403);
    expect((await req("DELETE", url, sundsvallPartner)).statusCode).toBe(404);
    expect(
      (await req("DELETE", `/api/agreements/${missing}/appendix/${a.appendixId}`, coordinator)).statusCode,
    ).toBe(404);
  });
});

describe("GET/PATCH/DELETE /api/agreements/{id}/dialogues/{dialogueId}", () => {
  it("changes a dialogue, refuses a next date before it, and keeps the needs it added when it goes", async () => {
    const a = await agreementWithItems();
    const added = (
      await req("POST", `/api/agreements/${a.id}/dialogues`, coordinator, {
        date: "2026-10-01",
        needs: [{ title: "Arbetsrätt" }],
      })
    ).json();
    const dialogue = added.dialogues.find((d: { date: string }) => d.date === "2026-10-01");
    const url = `/api/agreements/${a.id}/dialogues/${dialogue.id}`;
    expect((await req("GET", url, harnosandPartner)).json()).toMatchObject({
      date: "2026-10-01",
      comments: [],
    });
    const changed = await req("PATCH", url, coordinator, {
      decisions: "Beställ arbetsrätt",
      nextDate: "2027-03-01",
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().nextDialogueDate).toBe("2027-03-01");
    const bad = await req("PATCH", url, coordinator, { nextDate: "2026-09-01" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.nextDate[0]).toMatch(/efter/);
    expect((await req("PATCH", url, coordinator, { date: "2026-13-01" })).json().errors.date).toBeDefined();
    expect((await req("PATCH", url, harnosandPartner, { notes: "x" })).statusCode).toBe(403);
    expect((await req("DELETE", url, coordinator)).statusCode).toBe(204);
    const after = (await req("GET", `/api/agreements/${a.id}`, coordinator)).json();
    expect(after.dialogues.map((d: { id: string }) => d.id)).toEqual([a.dialogueId]);
    expect(after.needs.find((n: { title: string }) => n.title === "Arbetsrätt")).toMatchObject({
      source: "dialogue",
      dialogueId: null,
    });
    expect((await req("GET", url, coordinator)).statusCode).toBe(404);
  });
});

describe("POST /api/agreements/{id}/dialogues/{dialogueId}/comments", () => {
  it("lets the agreement's own partner and a coordinator comment; another partner gets 404, a board member 403", async () => {
    const a = await agreementWithItems();
    const url = `/api/agreements/${a.id}/dialogues/${a.dialogueId}/comments`;
    const own = await req("POST", url, harnosandPartner, { body: "Vi vill ha fler platser till hösten." });
    expect(own.statusCode).toBe(201);
    expect(own.json().abilities).toMatchObject({ comment: true, update: false });
    await req("POST", url, coordinator, { body: "Noterat." });
    const comments = (
      await req("GET", `/api/agreements/${a.id}/dialogues/${a.dialogueId}`, coordinator)
    ).json().comments;
    expect(comments.map((c: { authorName: string; body: string }) => [c.authorName, c.body])).toEqual([
      ["Hanna i Härnösand", "Vi vill ha fler platser till hösten."],
      [expect.any(String), "Noterat."],
    ]);
    expect((await req("POST", url, sundsvallPartner, { body: "Smyg" })).statusCode).toBe(404);
    expect((await req("POST", url, board, { body: "Från styrgruppen" })).statusCode).toBe(403);
    const empty = await req("POST", url, harnosandPartner, { body: "  " });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors.body).toBeDefined();
    expect(
      (await req("POST", `/api/agreements/${a.id}/dialogues/${missing}/comments`, coordinator, { body: "x" }))
        .statusCode,
    ).toBe(404);
    expect((await req("POST", url, undefined, { body: "x" })).statusCode).toBe(401);
  });
});

describe("the competence-supply plan: POST/GET /api/agreements/{id}/plans, GET …/plans/{planId}", () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const upload = (id: string, as: Session | undefined, name: string, content: Buffer | string) =>
    t.request({
      method: "POST",
      url: `/api/agreements/${id}/plans`,
      as,
      ...multipart([{ name: "file", file: { name, content } }]),
    });

  it("uploads, lists and downloads the plan; the file is stored by key under SAMSPEL_FILES_DIR", async () => {
    const a = await agreementWithItems();
    const res = await upload(a.id, coordinator, "Kompetensförsörjningsplan 2026.pdf", pdf);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      filename: "Kompetensförsörjningsplan 2026.pdf",
      mimeType: "application/pdf",
      size: pdf.length,
    });
    expect(readdirSync(path.join(filesDir, "agreements"))).toHaveLength(1);
    const list = await req("GET", `/api/agreements/${a.id}/plans`, harnosandPartner);
    expect(list.json().items.map((p: { filename: string }) => p.filename)).toEqual([
      "Kompetensförsörjningsplan 2026.pdf",
    ]);
    expect((await req("GET", `/api/agreements/${a.id}`, coordinator)).json().plan.id).toBe(res.json().id);
    const file = await req("GET", `/api/agreements/${a.id}/plans/${res.json().id}`, harnosandPartner);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toContain("Kompetensf%C3%B6rs%C3%B6rjningsplan%202026.pdf");
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });

  it("refuses a wrong type, content that is not what it says, an empty or missing file, JSON, and those who may not", async () => {
    const a = await agreementWithItems();
    const type = await upload(a.id, coordinator, "plan.exe", "MZ");
    expect(type.statusCode).toBe(422);
    expect(type.json().errors.file[0]).toMatch(/PDF, Word/);
    expect((await upload(a.id, coordinator, "plan.pdf", "inte en pdf")).json().errors.file[0]).toMatch(
      /innehåll/,
    );
    expect((await upload(a.id, coordinator, "plan.docx", Buffer.alloc(0))).json().errors.file[0]).toMatch(
      /tom/,
    );
    const none = await t.request({
      method: "POST",
      url: `/api/agreements/${a.id}/plans`,
      as: coordinator,
      ...multipart([{ name: "note", value: "ingen fil" }]),
    });
    expect(none.json().errors.file[0]).toMatch(/Välj en fil/);
    const big = await upload(
      a.id,
      coordinator,
      "plan.pdf",
      Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toMatch(/för stor/);
    const json = await req("POST", `/api/agreements/${a.id}/plans`, coordinator, { file: "x" });
    expect(json.statusCode).toBe(415);
    expect((await upload(a.id, harnosandPartner, "plan.pdf", pdf)).statusCode).toBe(403);
    expect((await upload(a.id, sundsvallPartner, "plan.pdf", pdf)).statusCode).toBe(404);
    expect((await upload(missing, coordinator, "plan.pdf", pdf)).statusCode).toBe(404);
    expect((await req("GET", `/api/agreements/${a.id}/plans`, sundsvallPartner)).statusCode).toBe(404);
    expect((await req("GET", `/api/agreements/${missing}/plans`, coordinator)).statusCode).toBe(404);
    expect((await req("GET", `/api/agreements/${a.id}/plans/${missing}`, coordinator)).statusCode).toBe(404);
    expect((await req("GET", `/api/agreements/${a.id}/plans`)).statusCode).toBe(401);
  });
});

describe("agreement figures in indicators and the follow-up report", () => {
  it("computes courses delivered, participants, hp taken, needs covered and budget use as indicator kinds", async () => {
    const a = await agreementWithItems(ids.sundsvall);
    await req("POST", `/api/agreements/${a.id}/needs`, coordinator, { title: "Ekonomi" });
    await req("POST", "/api/spend", coordinator, {
      organisationId: ids.miun,
      unitName: "Uppdragsutbildning",
      date: "2026-05-01",
      amount: 250_000,
      agreementId: a.id,
    });
    const preview = async (kind: string) => {
      const res = await req("POST", "/api/indicators/preview", coordinator, {
        definition: { kind, filters: { agreementId: a.id } },
      });
      expect(res.statusCode, kind).toBe(200);
      return res.json();
    };
    expect((await preview("agreement_courses_delivered")).actual).toBe(1);
    expect((await preview("agreement_participants")).actual).toBe(18);
    expect((await preview("agreement_credits_taken")).actual).toBe(45);
    expect((await preview("agreement_needs_covered_pct")).actual).toBeCloseTo(50);
    const budget = await preview("agreement_budget_use_pct");
    expect(budget.actual).toBeCloseTo(25);
    expect(budget.definitionText).toMatch(/budgetutnyttjande \(%\) i avtalet SKO-avtal för ändringar/);
    const bySundsvall = await req("POST", "/api/indicators/preview", coordinator, {
      definition: { kind: "agreement_participants", filters: { organisationId: ids.sundsvall } },
    });
    expect(bySundsvall.json().actual).toBe(18);
    const follow = (await req("GET", `/api/agreements/${a.id}/follow-up`, coordinator)).json();
    expect(follow).toMatchObject({
      coursesDelivered: 1,
      participants: 18,
      creditsTaken: 45,
      needsCovered: 1,
    });
  });

  it("lists the agreements of the period with their figures in the follow-up report", async () => {
    const res = await req(
      "GET",
      `/api/reports/follow-up?projectId=${ids.programme}&format=json`,
      coordinator,
    );
    expect(res.statusCode, res.body).toBe(200);
    const blocks = res.json().blocks as {
      type: string;
      text?: string;
      columns?: { header: string }[];
      rows?: unknown[][];
    }[];
    expect(blocks.some((b) => b.type === "heading" && b.text === "SKO-avtal under perioden")).toBe(true);
    const table = blocks.find((b) => b.columns?.some((c) => c.header === "Tagna hp"))!;
    const row = table.rows!.find((r) => r[1] === "Sundsvalls kommun")!;
    expect(row.slice(2)).toEqual([1, 18, 45, 50, 25]);
  });
});

describe("GET /api/agreements/shared-courses over the covering index", () => {
  it("sums places over the agreements that read a course together", async () => {
    const a = await agreementWithItems(ids.harnosand);
    const b = await agreementWithItems(ids.sundsvall);
    const res = (await req("GET", "/api/agreements/shared-courses", coordinator)).json();
    const item = res.items.find((i: { courseId: string }) => i.courseId === ids.courses[0]);
    expect(item.agreementIds).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(item.organisationIds).toEqual(expect.arrayContaining([ids.harnosand, ids.sundsvall]));
    expect(item.places % 20).toBe(0);
    expect(res.items.some((i: { courseId: string }) => i.courseId === ids.courses[1])).toBe(false);
  });
});
