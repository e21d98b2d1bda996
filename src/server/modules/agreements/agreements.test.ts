import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { ensureUser } from "../accounts/accounts.service.ts";
import { createOrganisation } from "../organisations/organisations.service.ts";
import { createCourse } from "../programmes/courses.service.ts";
import { inspectPdf, unzipEntry } from "../reports/file-checks.ts";

const PASSWORD = "samspel-test-2026";
const ids = {} as { miun: string; harnosand: string; sundsvall: string; courses: string[] };

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
    ["FE101U", "Strategisk ekonomistyrning", 3],
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
      name: email,
      password: PASSWORD,
      roles: [{ role: "partner", scopeType: "organisation", scopeId: organisationId }],
    });
}

const t = await createTestApp({ seed });
const coordinator = await t.login(demo.coordinator);
const board = await t.login(demo.groupMember);
const harnosandPartner = await t.login("partner-harnosand@test.samspel.se", PASSWORD);
const sundsvallPartner = await t.login("partner-sundsvall@test.samspel.se", PASSWORD);
const missing = "00000000-0000-4000-8000-000000000000";

const pilot = {
  title: "SKO-avtal Härnösands kommun",
  partyIds: [] as string[],
  startDate: "2026-01-01",
  endDate: "2027-12-31",
  budget: 1_200_000,
};

async function create(as = coordinator, body: Record<string, unknown> = {}) {
  return t.request({
    method: "POST",
    url: "/api/agreements",
    as,
    payload: { ...pilot, partyIds: [ids.harnosand], ...body },
  });
}

describe("POST/GET /api/agreements", () => {
  it("creates an agreement with its parties, co-financing and history, and lists it", async () => {
    const res = await create(coordinator, {
      universityId: ids.miun,
      universityContact: "Jenny Sandström",
      universityCofinancing: 300_000,
      parties: [
        { organisationId: ids.harnosand, contactName: "Hanna Personaldirektör", cofinancing: 300_000 },
      ],
      registryNumber: "MIUN 2025/1234",
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      title: pilot.title,
      partyIds: [ids.harnosand],
      budget: 1_200_000,
      spent: 0,
      remaining: 1_200_000,
      totalCredits: 0,
      phase: "planning",
      status: "draft",
      needs: [],
      appendix: [],
      dialogues: [],
    });
    expect(body.parties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisationId: ids.miun, role: "university", cofinancing: 300_000 }),
        expect.objectContaining({ organisationId: ids.harnosand, contactName: "Hanna Personaldirektör" }),
      ]),
    );
    expect(body.history).toHaveLength(1);
    expect(body.years.map((y: { year: number; budget: number }) => [y.year, y.budget])).toEqual([
      [2026, 600_000],
      [2027, 600_000],
    ]);
    const list = await t.request({ method: "GET", url: "/api/agreements", as: board });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { id: string }) => a.id)).toContain(body.id);
  });

  it("answers a Swedish 422 on endDate for an agreement under 2 or over 4 years", async () => {
    for (const endDate of ["2027-06-30", "2030-06-30"]) {
      const res = await create(coordinator, { endDate });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.endDate[0]).toMatch(/2–4 år/);
    }
    expect((await create(coordinator, { endDate: "2029-12-31" })).statusCode).toBe(201);
  });

  it("answers 422 naming the field for a missing title, negative budget and no parties", async () => {
    const res = await create(coordinator, { title: "", budget: -5, partyIds: [] });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().errors)).toEqual(expect.arrayContaining(["title", "budget", "partyIds"]));
  });

  it("refuses a partner or board member who tries to create (403) and the public (401)", async () => {
    expect((await create(harnosandPartner)).statusCode).toBe(403);
    expect((await create(board)).statusCode).toBe(403);
    expect((await t.request({ method: "POST", url: "/api/agreements", payload: pilot })).statusCode).toBe(
      401,
    );
    expect((await t.request({ method: "GET", url: "/api/agreements" })).statusCode).toBe(401);
  });
});

describe("a partner sees only their organisation's agreements", () => {
  it("scopes the list and answers 404 for another organisation's agreement", async () => {
    const own = (await create()).json();
    const other = (
      await create(coordinator, { title: "SKO-avtal Sundsvall", partyIds: [ids.sundsvall] })
    ).json();
    const list = (
      await t.request({ method: "GET", url: "/api/agreements?limit=500", as: harnosandPartner })
    ).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((a: { partyIds: string[] }) => a.partyIds.includes(ids.harnosand))).toBe(true);
    expect(
      (await t.request({ method: "GET", url: `/api/agreements/${own.id}`, as: harnosandPartner })).statusCode,
    ).toBe(200);
    for (const url of [`/api/agreements/${other.id}`, `/api/agreements/${other.id}/follow-up`])
      expect((await t.request({ method: "GET", url, as: harnosandPartner })).statusCode).toBe(404);
    const need = await t.request({
      method: "POST",
      url: `/api/agreements/${other.id}/needs`,
      as: harnosandPartner,
      payload: { title: "Smygande behov" },
    });
    expect(need.statusCode).toBe(404);
    const patch = await t.request({
      method: "PATCH",
      url: `/api/agreements/${other.id}`,
      as: harnosandPartner,
      payload: { title: "Kapat" },
    });
    expect(patch.statusCode).toBe(404);
  });
});

describe("GET/PATCH/DELETE /api/agreements/{id}", () => {
  it("changes phase and status and keeps the history", async () => {
    const a = (await create()).json();
    const res = await t.request({
      method: "PATCH",
      url: `/api/agreements/${a.id}`,
      as: coordinator,
      payload: { phase: "execution", status: "active", notes: "Pilot" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phase: "execution", status: "active", notes: "Pilot" });
    expect(res.json().history.map((h: { status: string }) => h.status)).toEqual(["draft", "active"]);
  });

  it("answers 422 on endDate when a change makes the period too long, 404 for an unknown id, 403 for a partner", async () => {
    const a = (await create()).json();
    const long = await t.request({
      method: "PATCH",
      url: `/api/agreements/${a.id}`,
      as: coordinator,
      payload: { endDate: "2031-01-01" },
    });
    expect(long.statusCode).toBe(422);
    expect(long.json().errors.endDate).toBeDefined();
    for (const method of ["GET", "PATCH", "DELETE"] as const)
      expect(
        (
          await t.request({
            method,
            url: `/api/agreements/${missing}`,
            as: coordinator,
            payload: method === "PATCH" ? { title: "x" } : undefined,
          })
        ).statusCode,
      ).toBe(404);
    const own = await t.request({
      method: "PATCH",
      url: `/api/agreements/${a.id}`,
      as: harnosandPartner,
      payload: { title: "Eget" },
    });
    expect(own.statusCode).toBe(403);
    expect(
      (await t.request({ method: "DELETE", url: `/api/agreements/${a.id}`, as: harnosandPartner }))
        .statusCode,
    ).toBe(403);
  });

  it("deletes an agreement without spend", async () => {
    const a = (await create()).json();
    expect(
      (await t.request({ method: "DELETE", url: `/api/agreements/${a.id}`, as: coordinator })).statusCode,
    ).toBe(204);
    expect(
      (await t.request({ method: "GET", url: `/api/agreements/${a.id}`, as: coordinator })).statusCode,
    ).toBe(404);
  });
});

describe("needs, appendix and dialogues", () => {
  it("covers needs through the appendix, uncovered first, with credits and cost per package", async () => {
    const a = (await create()).json();
    const needUrl = `/api/agreements/${a.id}/needs`;
    const psych = await t.request({
      method: "POST",
      url: needUrl,
      as: coordinator,
      payload: { title: "Psykologi", targetGroup: "Arbetslivskonsulenter", staffCount: 12, priority: 1 },
    });
    expect(psych.statusCode).toBe(201);
    const psychId = psych.json().needs[0].id;
    // A partner of the agreement may add a need.
    const economy = await t.request({
      method: "POST",
      url: needUrl,
      as: harnosandPartner,
      payload: { title: "Ekonomistyrning", targetGroup: "Ekonomer" },
    });
    expect(economy.statusCode).toBe(201);
    const row = await t.request({
      method: "POST",
      url: `/api/agreements/${a.id}/appendix`,
      as: coordinator,
      payload: {
        courseId: ids.courses[0],
        needIds: [psychId],
        term: "vt 2027",
        places: 20,
        price: 90_000,
        package: "Psykologi för arbetslivskonsulenter",
        delivery: ["distance", "flexible"],
      },
    });
    expect(row.statusCode).toBe(201);
    const law = await t.request({
      method: "POST",
      url: `/api/agreements/${a.id}/appendix`,
      as: coordinator,
      payload: {
        courseId: ids.courses[1],
        needIds: [],
        term: "ht 2027",
        places: 15,
        price: 150_000,
        package: "Juridik",
      },
    });
    const body = law.json();
    expect(body.appendix[0]).toMatchObject({
      courseId: ids.courses[0],
      code: "PS101U",
      name: "Psykologiska principer",
      credits: 3,
      needIds: [psychId],
      places: 20,
      term: "vt 2027",
    });
    expect(body.totalCredits).toBe(9);
    expect(body.planned).toBe(240_000);
    expect(body.packages).toEqual([
      expect.objectContaining({ name: "Psykologi för arbetslivskonsulenter", totalCredits: 3, cost: 90_000 }),
      expect.objectContaining({ name: "Juridik", totalCredits: 6, cost: 150_000 }),
    ]);
    expect(body.needs.map((n: { title: string; status: string }) => [n.title, n.status])).toEqual([
      ["Ekonomistyrning", "open"],
      ["Psykologi", "covered"],
    ]);
    expect(body.years.find((y: { year: number }) => y.year === 2027).planned).toBe(240_000);
    expect(body.followUp).toMatchObject({ courses: 2, needs: 2, needsCovered: 1, needsCoveredShare: 0.5 });
  });

  it("refuses a course twice in one term, negative places, a bad term and another agreement's need", async () => {
    const a = (await create()).json();
    const b = (await create()).json();
    const bNeed = (
      await t.request({
        method: "POST",
        url: `/api/agreements/${b.id}/needs`,
        as: coordinator,
        payload: { title: "B" },
      })
    ).json().needs[0].id;
    const url = `/api/agreements/${a.id}/appendix`;
    const row = { courseId: ids.courses[2], needIds: [], term: "vt 2027", places: 10 };
    expect((await t.request({ method: "POST", url, as: coordinator, payload: row })).statusCode).toBe(201);
    const twice = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { ...row, term: "VT2027" },
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors.courseId[0]).toMatch(/redan i kursbilagan för vt 2027/);
    expect(
      (await t.request({ method: "POST", url, as: coordinator, payload: { ...row, term: "ht 2027" } }))
        .statusCode,
    ).toBe(201);
    const negative = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { ...row, places: -1 },
    });
    expect(negative.statusCode).toBe(422);
    expect(negative.json().errors.places[0]).toMatch(/negativt/);
    const term = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { ...row, term: "våren" },
    });
    expect(term.json().errors.term[0]).toMatch(/vt 2027/);
    const foreign = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { ...row, term: "vt 2028", needIds: [bNeed] },
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors.needIds).toBeDefined();
    const unknown = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { ...row, courseId: missing },
    });
    expect(unknown.json().errors.courseId[0]).toMatch(/kursregistret/);
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/agreements/${missing}/appendix`,
          as: coordinator,
          payload: row,
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request({ method: "POST", url, as: harnosandPartner, payload: row })).statusCode).toBe(
      403,
    );
    const badNeed = await t.request({
      method: "POST",
      url: `/api/agreements/${a.id}/needs`,
      as: coordinator,
      payload: { title: "", staffCount: -3 },
    });
    expect(badNeed.statusCode).toBe(422);
    expect(Object.keys(badNeed.json().errors)).toEqual(expect.arrayContaining(["title", "staffCount"]));
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/agreements/${missing}/needs`,
          as: coordinator,
          payload: { title: "x" },
        })
      ).statusCode,
    ).toBe(404);
  });

  it("records a dialogue that adds a need; refuses a bad date and a partner", async () => {
    const a = (await create()).json();
    const url = `/api/agreements/${a.id}/dialogues`;
    const res = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: {
        date: "2026-03-10",
        notes: "Uppföljning av psykologikurserna",
        decisions: "Ta fram en kurs i arbetsrätt",
        nextDate: "2026-09-15",
        needs: [{ title: "Arbetsrätt", targetGroup: "Enhetschefer" }],
      },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.dialogues[0]).toMatchObject({
      date: "2026-03-10",
      notes: "Uppföljning av psykologikurserna",
      decisions: "Ta fram en kurs i arbetsrätt",
    });
    expect(body.needs[0]).toMatchObject({
      title: "Arbetsrätt",
      source: "dialogue",
      dialogueId: body.dialogues[0].id,
    });
    expect(body.nextDialogueDate).toBe("2026-09-15");
    const bad = await t.request({ method: "POST", url, as: coordinator, payload: { date: "2026-02-30" } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.date).toBeDefined();
    expect(
      (await t.request({ method: "POST", url, as: harnosandPartner, payload: { date: "2026-04-01" } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.request({
          method: "POST",
          url: `/api/agreements/${missing}/dialogues`,
          as: coordinator,
          payload: { date: "2026-04-01" },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe("spend on an agreement", () => {
  const spend = (agreementId: string, amount: number, date = "2026-05-01") =>
    t.request({
      method: "POST",
      url: "/api/spend",
      as: coordinator,
      payload: { organisationId: ids.miun, unitName: "Uppdragsutbildning", date, amount, agreementId },
    });

  it("books spend with agreementId and shows spent and remaining per year", async () => {
    const a = (await create()).json();
    const res = await spend(a.id, 150_000);
    expect(res.statusCode).toBe(201);
    expect(res.json().agreementId).toBe(a.id);
    await spend(a.id, 50_000, "2027-02-01");
    const body = (
      await t.request({ method: "GET", url: `/api/agreements/${a.id}`, as: harnosandPartner })
    ).json();
    expect(body).toMatchObject({ spent: 200_000, remaining: 1_000_000 });
    expect(body.years).toEqual([
      expect.objectContaining({ year: 2026, spent: 150_000, remaining: 450_000 }),
      expect.objectContaining({ year: 2027, spent: 50_000, remaining: 550_000 }),
    ]);
    const follow = (
      await t.request({ method: "GET", url: `/api/agreements/${a.id}/follow-up`, as: board })
    ).json();
    expect(follow).toMatchObject({ spent: 200_000, budget: 1_200_000 });
    expect(follow.budgetUse).toBeCloseTo(1 / 6);
    const listed = await t.request({ method: "GET", url: `/api/spend?agreementId=${a.id}`, as: coordinator });
    expect(listed.json().items).toHaveLength(2);

    const del = await t.request({ method: "DELETE", url: `/api/agreements/${a.id}`, as: coordinator });
    expect(del.statusCode).toBe(409);
    expect(del.json().detail).toMatch(/2 bokningar/);
    expect(del.json().errors.spend).toEqual([
      "2026: 1 bokningar, 150\u00a0000 kr",
      "2027: 1 bokningar, 50\u00a0000 kr",
    ]);
  });

  it("refuses spend on an ended or unknown agreement with a Swedish 422 on agreementId", async () => {
    const a = (await create()).json();
    await t.request({
      method: "PATCH",
      url: `/api/agreements/${a.id}`,
      as: coordinator,
      payload: { status: "ended" },
    });
    const ended = await spend(a.id, 10_000);
    expect(ended.statusCode).toBe(422);
    expect(ended.json().errors.agreementId[0]).toMatch(/avslutat/);
    const unknown = await spend(missing, 10_000);
    expect(unknown.json().errors.agreementId[0]).toMatch(/finns inte/);
  });
});

describe("GET /api/agreements/shared-courses", () => {
  it("lists courses read within several agreements with their organisations", async () => {
    const a = (await create()).json();
    const b = (await create(coordinator, { title: "Sundsvall", partyIds: [ids.sundsvall] })).json();
    for (const [agreement, places] of [
      [a, 12],
      [b, 8],
    ] as const)
      await t.request({
        method: "POST",
        url: `/api/agreements/${agreement.id}/appendix`,
        as: coordinator,
        payload: { courseId: ids.courses[2], needIds: [], term: "ht 2028", places },
      });
    const res = await t.request({ method: "GET", url: "/api/agreements/shared-courses", as: coordinator });
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((i: { courseId: string }) => i.courseId === ids.courses[2]);
    expect(item.agreementIds).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(item.organisationIds).toEqual(expect.arrayContaining([ids.harnosand, ids.sundsvall]));
    expect(item.code).toBe("FE101U");
    expect(
      (await t.request({ method: "GET", url: "/api/agreements/shared-courses", as: sundsvallPartner }))
        .statusCode,
    ).toBe(403);
  });
});

describe("GET /api/agreements/{id}/appendix.pdf and .docx", () => {
  it("renders the appendix for signing with its courses, credits and parties", async () => {
    const a = (await create(coordinator, { universityId: ids.miun })).json();
    await t.request({
      method: "POST",
      url: `/api/agreements/${a.id}/appendix`,
      as: coordinator,
      payload: {
        courseId: ids.courses[1],
        needIds: [],
        term: "vt 2027",
        places: 15,
        price: 110_000,
        package: "Juridik",
      },
    });
    const docx = await t.request({
      method: "GET",
      url: `/api/agreements/${a.id}/appendix.docx`,
      as: harnosandPartner,
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-disposition"]).toMatch(/attachment; filename=".*\.docx"/);
    const xml = unzipEntry(docx.rawPayload, "word/document.xml")!
      .toString("utf8")
      .replace(/\u00a0/g, " ");
    expect(xml).toContain("Kursbilaga till SKO-avtal Härnösands kommun");
    expect(xml).toContain("RV103U Fördjupningskurs i socialrätt");
    expect(xml).toContain("Härnösands kommun");
    expect(xml).toContain("110 000 kr");
    for (const format of ["pdf", "docx"]) {
      expect(
        (
          await t.request({
            method: "GET",
            url: `/api/agreements/${a.id}/appendix.${format}`,
            as: sundsvallPartner,
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await t.request({
            method: "GET",
            url: `/api/agreements/${missing}/appendix.${format}`,
            as: coordinator,
          })
        ).statusCode,
      ).toBe(404);
    }
  });
});

describe("GET /api/agreements/{id}/appendix.pdf (Chromium: /usr/bin/chromium or SAMSPEL_CHROMIUM)", () => {
  it("prints the appendix as a PDF with extractable text", async () => {
    const a = (await create()).json();
    const pdf = await t.request({
      method: "GET",
      url: `/api/agreements/${a.id}/appendix.pdf`,
      as: coordinator,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(inspectPdf(pdf.rawPayload)).toMatchObject({ isPdf: true, extractableText: true });
  });
});

describe("OpenAPI", () => {
  it("documents the agreement routes", async () => {
    const doc = (await t.request({ method: "GET", url: "/api/openapi.json", as: coordinator })).json();
    for (const path of [
      "/api/agreements",
      "/api/agreements/{id}",
      "/api/agreements/{id}/needs",
      "/api/agreements/{id}/appendix",
      "/api/agreements/{id}/dialogues",
      "/api/agreements/{id}/follow-up",
      "/api/agreements/shared-courses",
      "/api/agreements/{id}/appendix.pdf",
      "/api/agreements/{id}/appendix.docx",
      "/api/agreements/{id}/needs/{needId}",
      "/api/agreements/{id}/appendix/{appendixId}",
      "/api/agreements/{id}/dialogues/{dialogueId}",
      "/api/agreements/{id}/dialogues/{dialogueId}/comments",
      "/api/agreements/{id}/plans",
      "/api/agreements/{id}/plans/{planId}",
    ])
      expect(doc.paths[path], path).toBeDefined();
  });
});
