import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { followUpFixture, partnerOfSala, TEST_PASSWORD } from "../indicators/test/follow-up.fixture.ts";

/** Correcting money already entered: PATCH/DELETE /api/budgets/{id} and /api/spend/{id}. */

const fixture = followUpFixture();
const t = await createTestApp({ seed: fixture.seed });
const { ids } = fixture;
const admin = await t.login(demo.admin);
const coordinator = await t.login(demo.coordinator);
const board = await t.login(demo.groupMember);
const partner = await t.login(partnerOfSala, TEST_PASSWORD);
const unknownId = "00000000-0000-4000-8000-000000000000";

async function spend(amount: number, unitName: string, date = "2010-06-30") {
  const res = await t.request({
    method: "POST",
    url: "/api/spend",
    as: coordinator,
    payload: { organisationId: ids.sk, date, amount, unitName, category: "Lön" },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; unit: { id: string } };
}

async function budget(amount: number, unitName: string, year = 2010) {
  const res = await t.request({
    method: "POST",
    url: "/api/budgets",
    as: coordinator,
    payload: { organisationId: ids.sk, year, amount, unitName },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; unit: { id: string } };
}

async function summary(year = 2010) {
  const res = await t.request({
    method: "GET",
    url: `/api/finance/summary?organisationId=${ids.sk}&year=${year}`,
    as: board,
  });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    totals: { budget: number; spent: number };
    units: { name: string; budget: number | null; spent: number }[];
  };
}

async function auditOf(entityId: string, action: string) {
  const res = await t.request({
    method: "GET",
    url: `/api/admin/audit?entityId=${entityId}&action=${action}`,
    as: admin,
  });
  return res.json().items as { actorLabel: string; before: unknown; after: unknown }[];
}

const utbildning = await spend(1_226_000, "Sektor Utbildning", "2010-12-31");
const stamp = await spend(1_000_000, "Forskargruppen STAMP", "2010-12-31");

describe("PATCH /api/spend/{id}", () => {
  it("corrects amount, date, note and unit, moves the totals, and audits before and after", async () => {
    const entry = await spend(40_000, "Sektor Utbildning");
    expect((await summary()).totals.spent).toBe(2_266_000);
    const res = await t.request({
      method: "PATCH",
      url: `/api/spend/${entry.id}`,
      as: admin,
      payload: { amount: 45_500, date: "2010-07-01", note: "Rättad faktura", unitId: stamp.unit.id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: entry.id,
      amount: 45_500,
      date: "2010-07-01",
      note: "Rättad faktura",
      category: "Lön",
      unit: { id: stamp.unit.id, name: "Forskargruppen STAMP" },
      enteredBy: "Sara Samordnare",
    });
    const after = await summary();
    expect(after.totals.spent).toBe(2_271_500);
    expect(after.units.find((u) => u.name === "Sektor Utbildning")?.spent).toBe(1_226_000);
    expect(after.units.find((u) => u.name === "Forskargruppen STAMP")?.spent).toBe(1_045_500);
    const [audit] = await auditOf(entry.id, "finance.spend_updated");
    expect(audit).toMatchObject({
      actorLabel: expect.stringContaining(demo.admin),
      before: { amount: 40_000, date: "2010-06-30" },
      after: { amount: 45_500, date: "2010-07-01" },
    });
  });

  it("moves an entry to a new unit by name and clears a note with an empty text", async () => {
    const res = await t.request({
      method: "PATCH",
      url: `/api/spend/${utbildning.id}`,
      as: coordinator,
      payload: { unitName: "Sektor Utbildning och lärande", note: "" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ unit: { name: "Sektor Utbildning och lärande" }, note: null });
    const back = await t.request({
      method: "PATCH",
      url: `/api/spend/${utbildning.id}`,
      as: coordinator,
      payload: { unitId: utbildning.unit.id },
    });
    expect(back.json().unit.name).toBe("Sektor Utbildning");
  });

  it("refuses part kronor, a bad date, 0 kr, a unit of another organisation and a fixed organisation (422, Swedish)", async () => {
    const bad = await t.request({
      method: "PATCH",
      url: `/api/spend/${stamp.id}`,
      as: coordinator,
      payload: { amount: 99.5, date: "2010-02-30" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual({
      amount: ["Ange ett belopp i hela kronor."],
      date: ["Ange ett datum som ÅÅÅÅ-MM-DD."],
    });
    const text = await t.request({
      method: "PATCH",
      url: `/api/spend/${stamp.id}`,
      as: coordinator,
      payload: { amount: "tolv" },
    });
    expect(text.json().errors).toEqual({ amount: ["Ange ett belopp i hela kronor."] });
    const zero = await t.request({
      method: "PATCH",
      url: `/api/spend/${stamp.id}`,
      as: coordinator,
      payload: { amount: 0 },
    });
    expect(zero.json().errors).toEqual({ amount: ["Beloppet kan inte vara 0."] });

    const salaUnit = await t.request({
      method: "POST",
      url: "/api/finance/units",
      as: coordinator,
      payload: { organisationId: ids.sala, name: "Sala skolförvaltning" },
    });
    const foreign = await t.request({
      method: "PATCH",
      url: `/api/spend/${stamp.id}`,
      as: coordinator,
      payload: { unitId: salaUnit.json().id },
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors).toEqual({ unitId: ["Enheten finns inte hos organisationen."] });
    const noUnit = await t.request({
      method: "PATCH",
      url: `/api/spend/${stamp.id}`,
      as: coordinator,
      payload: { unitId: null },
    });
    expect(noUnit.json().errors).toEqual({ unitId: ["Välj en enhet eller skriv enhetens namn."] });
    const moved = await t.request({
      method: "PATCH",
      url: `/api/spend/${stamp.id}`,
      as: coordinator,
      payload: { organisationId: ids.sala },
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().errors).toEqual({
      organisationId: [
        "Organisationen kan inte ändras. Ta bort posten och lägg in den hos rätt organisation.",
      ],
    });

    // Nothing was lost or half-written by the refused changes.
    const unchanged = await t.request({
      method: "GET",
      url: `/api/spend?organisationId=${ids.sk}&unitId=${stamp.unit.id}&year=2010`,
      as: board,
    });
    expect(unchanged.json().items.find((e: { id: string }) => e.id === stamp.id)).toMatchObject({
      amount: 1_000_000,
      date: "2010-12-31",
    });
  });

  it("answers 404 for an unknown entry and 422 for a malformed id", async () => {
    const unknown = await t.request({
      method: "PATCH",
      url: `/api/spend/${unknownId}`,
      as: coordinator,
      payload: { amount: 10 },
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await t.request({
      method: "PATCH",
      url: "/api/spend/abc",
      as: coordinator,
      payload: { amount: 10 },
    });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().errors.id).toEqual(["Ogiltig identitet."]);
  });

  it("lets only staff correct money (board and partner 403, no session 401)", async () => {
    const payload = { amount: 1 };
    for (const as of [board, partner])
      expect(
        (await t.request({ method: "PATCH", url: `/api/spend/${stamp.id}`, as, payload })).statusCode,
      ).toBe(403);
    expect((await t.request({ method: "PATCH", url: `/api/spend/${stamp.id}`, payload })).statusCode).toBe(
      401,
    );
    expect((await summary()).units.find((u) => u.name === "Forskargruppen STAMP")?.spent).toBe(1_045_500);
  });
});

describe("DELETE /api/spend/{id}", () => {
  it("removes an entry so the total returns, audits it, and then answers 404", async () => {
    const total = (await summary()).totals.spent;
    const entry = await spend(12_345, "Information/kommunikation");
    expect((await summary()).totals.spent).toBe(total + 12_345);
    for (const as of [board, partner])
      expect((await t.request({ method: "DELETE", url: `/api/spend/${entry.id}`, as })).statusCode).toBe(403);
    expect((await t.request({ method: "DELETE", url: `/api/spend/${entry.id}` })).statusCode).toBe(401);

    const res = await t.request({ method: "DELETE", url: `/api/spend/${entry.id}`, as: coordinator });
    expect(res.statusCode).toBe(204);
    expect((await summary()).totals.spent).toBe(total);
    expect((await auditOf(entry.id, "finance.spend_deleted"))[0]).toMatchObject({
      before: { amount: 12_345, category: "Lön" },
      after: null,
    });
    const again = await t.request({ method: "DELETE", url: `/api/spend/${entry.id}`, as: coordinator });
    expect(again.statusCode).toBe(404);
    const malformed = await t.request({ method: "DELETE", url: "/api/spend/123", as: coordinator });
    expect(malformed.statusCode).toBe(422);
  });
});

describe("PATCH and DELETE /api/budgets/{id}", () => {
  it("changes a budget's amount and year, and what remains follows", async () => {
    const b = await budget(1_300_000, "Sektor Utbildning");
    const res = await t.request({
      method: "PATCH",
      url: `/api/budgets/${b.id}`,
      as: coordinator,
      payload: { amount: 1_250_000, note: "Reviderad i juni" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      amount: 1_250_000,
      year: 2010,
      note: "Reviderad i juni",
      unit: { name: "Sektor Utbildning" },
    });
    expect((await summary()).units.find((u) => u.name === "Sektor Utbildning")).toMatchObject({
      budget: 1_250_000,
      remaining: 24_000,
    });
    const moved = await t.request({
      method: "PATCH",
      url: `/api/budgets/${b.id}`,
      as: admin,
      payload: { year: 2011 },
    });
    expect(moved.json().year).toBe(2011);
    expect((await summary(2010)).totals.budget).toBe(0);
    expect((await summary(2011)).totals.budget).toBe(1_250_000);
    expect((await auditOf(b.id, "finance.budget_updated"))[0]).toMatchObject({
      before: { year: 2010 },
      after: { year: 2011 },
    });
  });

  it("turns a unit budget into a project budget, but never into a budget for nothing", async () => {
    const b = await budget(50_000, "Forskargruppen STAMP");
    const toProject = await t.request({
      method: "PATCH",
      url: `/api/budgets/${b.id}`,
      as: coordinator,
      payload: { unitId: null, projectId: ids.ungaMatematiker },
    });
    expect(toProject.statusCode).toBe(200);
    expect(toProject.json()).toMatchObject({
      unit: null,
      project: { id: ids.ungaMatematiker, name: "Unga matematiker" },
    });
    const nothing = await t.request({
      method: "PATCH",
      url: `/api/budgets/${b.id}`,
      as: coordinator,
      payload: { projectId: null },
    });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().errors).toEqual({
      unitId: ["Ange vilken enhet eller vilket projekt budgeten gäller."],
    });
    const unknownProject = await t.request({
      method: "PATCH",
      url: `/api/budgets/${b.id}`,
      as: coordinator,
      payload: { projectId: ids.sk },
    });
    expect(unknownProject.json().errors).toEqual({ projectId: ["Projektet finns inte."] });
  });

  it("refuses a negative or fractional amount and a bad year (422, Swedish)", async () => {
    const b = await budget(10_000, "Processledning och drift");
    const res = await t.request({
      method: "PATCH",
      url: `/api/budgets/${b.id}`,
      as: coordinator,
      payload: { amount: -1, year: 10 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({
      amount: ["Beloppet kan inte vara negativt."],
      year: ["Ange ett årtal med fyra siffror."],
    });
    const fraction = await t.request({
      method: "PATCH",
      url: `/api/budgets/${b.id}`,
      as: coordinator,
      payload: { amount: 10.25 },
    });
    expect(fraction.json().errors).toEqual({ amount: ["Ange ett belopp i hela kronor."] });
  });

  it("lets only staff change or remove a budget, removes it, and answers 404 for unknown ids", async () => {
    const b = await budget(77_000, "Information/kommunikation", 2012);
    for (const as of [board, partner]) {
      const patch = await t.request({
        method: "PATCH",
        url: `/api/budgets/${b.id}`,
        as,
        payload: { amount: 1 },
      });
      expect(patch.statusCode).toBe(403);
      expect((await t.request({ method: "DELETE", url: `/api/budgets/${b.id}`, as })).statusCode).toBe(403);
    }
    expect((await t.request({ method: "DELETE", url: `/api/budgets/${b.id}` })).statusCode).toBe(401);
    expect((await summary(2012)).totals.budget).toBe(77_000);

    const res = await t.request({ method: "DELETE", url: `/api/budgets/${b.id}`, as: coordinator });
    expect(res.statusCode).toBe(204);
    expect((await summary(2012)).totals.budget).toBe(0);
    expect((await auditOf(b.id, "finance.budget_deleted"))[0]).toMatchObject({ before: { amount: 77_000 } });

    for (const method of ["PATCH", "DELETE"] as const) {
      const gone = await t.request({
        method,
        url: `/api/budgets/${b.id}`,
        as: coordinator,
        ...(method === "PATCH" ? { payload: { amount: 5 } } : {}),
      });
      expect(gone.statusCode).toBe(404);
      expect(gone.json().detail).toBeTruthy();
    }
    expect(
      (
        await t.request({
          method: "PATCH",
          url: `/api/budgets/${unknownId}`,
          as: admin,
          payload: { amount: 5 },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe("the OpenAPI document", () => {
  it("describes changing and removing budgets and spend entries", async () => {
    const doc = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of ["/api/budgets/{id}", "/api/spend/{id}"]) {
      expect(Object.keys(doc.paths[path]).sort()).toEqual(["delete", "patch"]);
      expect(doc.paths[path].patch.responses["422"]).toBeDefined();
    }
  });
});
