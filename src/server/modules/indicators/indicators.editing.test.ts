import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { evidenceRoot } from "./indicators.evidence.ts";
import { followUpFixture, partnerOfSala, TEST_PASSWORD } from "./test/follow-up.fixture.ts";

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "samspel-evidence-"));

const fixture = followUpFixture();
const t = await createTestApp({ seed: fixture.seed });
const { ids } = fixture;
const coordinator = await t.login(demo.coordinator);
const board = await t.login(demo.groupMember);
const partner = await t.login(partnerOfSala, TEST_PASSWORD);
const unknown = "00000000-0000-4000-8000-000000000000";

const lcKompPeople = () => ({
  name: "Personer i kompetensutvecklingsinsatser",
  unit: "personer",
  projectId: ids.lcKomp,
  direction: "at_most",
  target: 180,
  startDate: "2009-08-01",
  deadline: "2011-07-31",
  definition: {
    kind: "count_distinct_people_attended",
    filters: { activityTypes: ["seminarium", "workshop"], projectId: ids.lcKomp },
  },
});

const organisationGoal = (organisationId: string) => ({
  name: "Organisationer med bättre relationer till företag",
  unit: "organisationer",
  projectId: ids.lcKomp,
  organisationId,
  target: 11,
});

async function create(payload: Record<string, unknown>) {
  const res = await t.request({ method: "POST", url: "/api/indicators", as: coordinator, payload });
  if (res.statusCode !== 201) throw new Error(`create indicator: ${res.statusCode} ${res.body}`);
  return res.json();
}

const patch = (id: string, payload: Record<string, unknown>, as = coordinator) =>
  t.request({ method: "PATCH", url: `/api/indicators/${id}`, as, payload });
const get = (id: string) => t.request({ method: "GET", url: `/api/indicators/${id}`, as: coordinator });

describe("PATCH /api/indicators/{id}", () => {
  it("changes what is sent, keeps the rest, recounts a new definition and records who did it", async () => {
    const created = await create(lcKompPeople());
    expect(created.actual).toBe(5);
    expect(created.abilities).toEqual({ addValue: false, update: true, delete: true });

    const res = await patch(created.id, {
      name: "Personer på seminarier",
      target: 200,
      deadline: "2012-12-31",
      definition: {
        kind: "count_distinct_people_attended",
        filters: { activityTypes: ["seminarium"], projectId: ids.lcKomp },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: "Personer på seminarier",
      target: 200,
      // Not sent, so not reset to the schema's default "at_least".
      direction: "at_most",
      unit: "personer",
      deadline: "2012-12-31",
      startDate: "2009-08-01",
      actual: 3,
      definitionText: "distinkta personer som deltog i minst ett seminarium i LC-KOMP",
    });
    expect((await get(created.id)).json()).toMatchObject({ name: "Personer på seminarier", actual: 3 });

    const [audit] = await queryRows<{
      action: string;
      before: { target: number };
      after: { target: number };
    }>(
      t.database.db,
      sql`select action, before, after from audit_log where entity_id = ${created.id} and action = 'indicators.updated'`,
    );
    expect(audit).toMatchObject({ before: { target: 180 }, after: { target: 200 } });
  });

  it("answers 422 with Swedish field errors and changes nothing", async () => {
    const created = await create(lcKompPeople());
    const bad = await patch(created.id, { target: 1.5, name: "  " });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toMatchObject({
      target: ["Ange ett heltal."],
      name: ["Fältet måste fyllas i."],
    });

    const backwards = await patch(created.id, { deadline: "2009-01-01" });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors).toEqual({ deadline: ["Slutdatum kan inte ligga före startdatum."] });

    const detached = await patch(created.id, { projectId: null });
    expect(detached.json().errors).toEqual({
      goalId: ["Koppla indikatorn till ett mål, ett ramverk, ett projekt, en organisation eller ett avtal."],
    });

    const unknownType = await patch(created.id, {
      definition: { kind: "count_activities", filters: { activityTypes: ["trolleri"] } },
    });
    expect(unknownType.json().errors).toEqual({
      "definition.filters.activityTypes": ["En eller flera av aktivitetstyperna finns inte."],
    });

    const manual = await create(organisationGoal(ids.sala));
    const definitionOnManual = await patch(manual.id, {
      definition: { kind: "count_activities", filters: {} },
    });
    expect(definitionOnManual.statusCode).toBe(422);
    expect(definitionOnManual.json().errors.definition).toEqual([
      "Indikatorn förs in för hand och har ingen definition. Skapa en ny, beräknad indikator i stället.",
    ]);

    expect((await get(created.id)).json()).toMatchObject({
      name: lcKompPeople().name,
      target: 180,
      deadline: "2011-07-31",
      actual: 5,
    });
  });

  it("answers 404 for an unknown indicator and one a partner may not see, 403 to those who may only read, 401 without a session", async () => {
    const salas = await create(organisationGoal(ids.sala));
    const motalas = await create(organisationGoal(ids.motala));
    expect((await patch(unknown, { target: 1 })).statusCode).toBe(404);
    expect((await patch(motalas.id, { target: 1 }, partner)).statusCode).toBe(404);
    // A partner reports values for their own organisation's goal but does not rewrite it.
    expect((await patch(salas.id, { target: 1 }, partner)).statusCode).toBe(403);
    const partnerView = await t.request({ method: "GET", url: `/api/indicators/${salas.id}`, as: partner });
    expect(partnerView.json().abilities).toEqual({ addValue: true, update: false, delete: false });
    expect((await patch(salas.id, { target: 1 }, board)).statusCode).toBe(403);
    expect(
      (await t.request({ method: "PATCH", url: `/api/indicators/${salas.id}`, payload: { target: 1 } }))
        .statusCode,
    ).toBe(401);
    expect((await get(salas.id)).json().target).toBe(11);
  });

  it("keeps both changes when two people change different fields at the same time", async () => {
    const created = await create(lcKompPeople());
    const [renamed, retargeted] = await Promise.all([
      patch(created.id, { name: "Personer i LC-KOMP" }),
      patch(created.id, { target: 250 }),
    ]);
    expect([renamed.statusCode, retargeted.statusCode]).toEqual([200, 200]);
    expect((await get(created.id)).json()).toMatchObject({ name: "Personer i LC-KOMP", target: 250 });
  });
});

describe("DELETE /api/indicators/{id} with its impact first", () => {
  it("tells what goes with the indicator, then removes it with its values and their files", async () => {
    const indicator = await create(organisationGoal(ids.sala));
    const addValue = (payload: Record<string, unknown>) =>
      t.request({ method: "POST", url: `/api/indicators/${indicator.id}/values`, as: coordinator, payload });
    await addValue({ date: "2010-06-30", value: 6, evidenceUrl: "https://example.se/enkat.pdf" });
    const withFile = await addValue({
      date: "2011-06-30",
      value: 11,
      evidenceFile: {
        name: "enkat.txt",
        contentType: "text/plain",
        data: Buffer.from("svar").toString("base64"),
      },
    });
    expect(withFile.statusCode).toBe(201);
    const [{ evidence_file_key: key }] = await queryRows<{ evidence_file_key: string }>(
      t.database.db,
      sql`select evidence_file_key from indicator_values where indicator_id = ${indicator.id}::uuid and evidence_file_key is not null`,
    );
    expect(existsSync(path.join(evidenceRoot(), key))).toBe(true);

    const impact = await t.request({
      method: "GET",
      url: `/api/indicators/${indicator.id}/impact`,
      as: coordinator,
    });
    expect(impact.statusCode).toBe(200);
    expect(impact.json().effects).toEqual([
      { kind: "values", count: 2, text: "2 införda värden tas bort." },
      { kind: "evidenceFiles", count: 1, text: "1 uppladdad fil med underlag tas bort." },
    ]);

    const res = await t.request({
      method: "DELETE",
      url: `/api/indicators/${indicator.id}`,
      as: coordinator,
    });
    expect(res.statusCode).toBe(204);
    expect((await get(indicator.id)).statusCode).toBe(404);
    const left = await queryRows(
      t.database.db,
      sql`select 1 from indicator_values where indicator_id = ${indicator.id}::uuid`,
    );
    expect(left).toHaveLength(0);
    expect(existsSync(path.join(evidenceRoot(), key))).toBe(false);
    const [audit] = await queryRows<{ before: { name: string; values: unknown[] } }>(
      t.database.db,
      sql`select before from audit_log where entity_id = ${indicator.id} and action = 'indicators.deleted'`,
    );
    expect(audit.before.name).toBe("Organisationer med bättre relationer till företag");
    expect(audit.before.values).toHaveLength(2);
  });

  it("removes a computed indicator and nothing it counts", async () => {
    const indicator = await create(lcKompPeople());
    const impact = await t.request({
      method: "GET",
      url: `/api/indicators/${indicator.id}/impact`,
      as: coordinator,
    });
    expect(impact.json().effects).toEqual([]);
    expect(
      (await t.request({ method: "DELETE", url: `/api/indicators/${indicator.id}`, as: coordinator }))
        .statusCode,
    ).toBe(204);
    const again = await create(lcKompPeople());
    expect(again.actual).toBe(5);
  });

  it("answers 404 for unknown and hidden indicators, 403 to readers and partners, 401 without a session", async () => {
    const salas = await create(organisationGoal(ids.sala));
    const motalas = await create(organisationGoal(ids.motala));
    const remove = (id: string, as?: typeof coordinator) =>
      t.request({ method: "DELETE", url: `/api/indicators/${id}`, as });
    expect((await remove(unknown, coordinator)).statusCode).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/indicators/${unknown}/impact`, as: coordinator }))
        .statusCode,
    ).toBe(404);
    expect((await remove(motalas.id, partner)).statusCode).toBe(404);
    expect((await remove(salas.id, partner)).statusCode).toBe(403);
    expect((await remove(salas.id, board)).statusCode).toBe(403);
    expect((await remove(salas.id)).statusCode).toBe(401);
    expect((await get(salas.id)).statusCode).toBe(200);
  });
});

describe("POST /api/indicators/preview", () => {
  it("counts a definition and puts it in words without saving it", async () => {
    const before = await queryRows(t.database.db, sql`select id from indicators`);
    const res = await t.request({
      method: "POST",
      url: "/api/indicators/preview",
      as: coordinator,
      payload: { definition: lcKompPeople().definition },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      actual: 5,
      records: 5,
      definitionText: "distinkta personer som deltog i minst ett seminarium eller en workshop i LC-KOMP",
    });
    expect(await queryRows(t.database.db, sql`select id from indicators`)).toHaveLength(before.length);
  });

  it("answers 422 for a definition that cannot be counted and 403 to those who may not define indicators", async () => {
    const bad = await t.request({
      method: "POST",
      url: "/api/indicators/preview",
      as: coordinator,
      payload: { definition: { kind: "count_everything" } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual({ "definition.kind": ["Välj vad som ska räknas."] });
    const backwards = await t.request({
      method: "POST",
      url: "/api/indicators/preview",
      as: coordinator,
      payload: {
        definition: { kind: "count_activities", filters: { from: "2011-01-01", to: "2010-01-01" } },
      },
    });
    expect(backwards.json().errors).toEqual({
      "definition.filters.to": ["Periodens slut kan inte ligga före dess början."],
    });
    const denied = await t.request({
      method: "POST",
      url: "/api/indicators/preview",
      as: board,
      payload: { definition: lcKompPeople().definition },
    });
    expect(denied.statusCode).toBe(403);
  });
});

it("is in the OpenAPI document", async () => {
  const doc = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
  expect(Object.keys(doc.paths["/api/indicators/{id}"])).toEqual(
    expect.arrayContaining(["get", "patch", "delete"]),
  );
  expect(doc.paths["/api/indicators/{id}/impact"]).toHaveProperty("get");
  expect(doc.paths["/api/indicators/preview"]).toHaveProperty("post");
});
