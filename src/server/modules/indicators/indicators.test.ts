import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { addWalkIn } from "../events/participants.service.ts";
import { createFramework } from "../goals/goals.service.ts";
import { followUpFixture, partnerOfSala, TEST_PASSWORD } from "./test/follow-up.fixture.ts";

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "samspel-evidence-"));

const fixture = followUpFixture();
const t = await createTestApp({ seed: fixture.seed });
const { ids } = fixture;
const admin = await t.login(demo.admin);
const coordinator = await t.login(demo.coordinator);
const board = await t.login(demo.groupMember);
const partner = await t.login(partnerOfSala, TEST_PASSWORD);

const lcKompPeople = () => ({
  name: "Personer i kompetensutvecklingsinsatser",
  unit: "personer",
  goalText: "Minst 180 personer har medverkat i kompetensutvecklingsinsatser gentemot arbetslivet",
  projectId: ids.lcKomp,
  direction: "at_least",
  target: 180,
  startDate: "2009-08-01",
  deadline: "2011-07-31",
  definition: {
    kind: "count_distinct_people_attended",
    filters: {
      activityTypes: ["seminarium", "workshop"],
      projectId: ids.lcKomp,
      from: "2009-08-01",
      to: "2011-07-31",
    },
  },
});

async function create(payload: Record<string, unknown>, as = coordinator) {
  const res = await t.request({ method: "POST", url: "/api/indicators", as, payload });
  if (res.statusCode !== 201) throw new Error(`create indicator: ${res.statusCode} ${res.body}`);
  return res.json();
}

describe("computed indicators", () => {
  it("counts distinct people who attended, says so in words, and answers with the contract's fields", async () => {
    const created = await create(lcKompPeople());
    const res = await t.request({ method: "GET", url: `/api/indicators/${created.id}`, as: board });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).slice(0, 8)).toEqual([
      "id",
      "name",
      "target",
      "direction",
      "actual",
      "unit",
      "definition",
      "asOf",
    ]);
    expect(body).toMatchObject({
      target: 180,
      direction: "at_least",
      actual: 5,
      unit: "personer",
      kind: "computed",
      definition: { kind: "count_distinct_people_attended" },
      definitionText:
        "distinkta personer som deltog i minst ett seminarium eller en workshop i LC-KOMP, 2009-08-01 – 2011-07-31",
      // The deadline has passed and 5 of 180 is far from the target.
      status: "off_track",
    });
    expect(Date.parse(body.asOf)).not.toBeNaN();
    expect(body.history.at(-1)).toEqual({ date: "2011-07-31", value: 5 });
    const en = await t.request({ method: "GET", url: `/api/indicators/${created.id}?lang=en`, as: board });
    expect(en.json().definitionText).toBe(
      "distinct persons who attended at least one seminar or workshop in LC-KOMP, 2009-08-01 – 2011-07-31",
    );
  });

  it("lists the people counted, each once, with their register page where they have one", async () => {
    const [indicator] = (
      await t.request({ method: "GET", url: `/api/indicators?projectId=${ids.lcKomp}`, as: board })
    ).json().items;
    const res = await t.request({
      method: "GET",
      url: `/api/indicators/${indicator.id}/records?limit=2`,
      as: board,
    });
    expect(res.statusCode).toBe(200);
    const first = res.json();
    expect(first).toMatchObject({ total: 5, value: 5 });
    const rest = (
      await t.request({
        method: "GET",
        url: `/api/indicators/${indicator.id}/records?cursor=${first.nextCursor}`,
        as: board,
      })
    ).json();
    const labels = [...first.items, ...rest.items].map((r: { label: string }) => r.label);
    expect(labels.sort()).toEqual([
      "Anna Andersson",
      "Bertil Berg",
      "Cecilia Ek",
      "David Dahl",
      "Utan E-post",
    ]);
    expect(rest.nextCursor).toBeNull();
    const anna = [...first.items, ...rest.items].find((r: { label: string }) => r.label === "Anna Andersson");
    expect(anna).toMatchObject({ kind: "person", amount: 1, date: "2010-02-10" });
  });

  it("moves when someone else attends", async () => {
    const [indicator] = (
      await t.request({ method: "GET", url: `/api/indicators?projectId=${ids.lcKomp}`, as: board })
    ).json().items;
    await addWalkIn(t.database.db, systemActor, ids.events.workshop, {
      name: "Fredrik Ny",
      email: "fredrik@sala.se",
    });
    const after = (
      await t.request({ method: "GET", url: `/api/indicators/${indicator.id}`, as: board })
    ).json();
    expect(after.actual).toBe(6);
  });

  it("counts activities, organisations, participants and outputs from the same data", async () => {
    const base = { unit: "st", projectId: ids.lcKomp, target: 10 };
    const activities = await create({
      ...base,
      name: "Aktiviteter",
      definition: { kind: "count_activities", filters: { projectId: ids.lcKomp } },
    });
    const orgs = await create({
      ...base,
      name: "Kommuner",
      definition: {
        kind: "count_distinct_organisations",
        filters: { projectId: ids.lcKomp, organisationTypes: ["kommun"] },
      },
    });
    const participants = await create({
      ...base,
      name: "Deltagare",
      definition: {
        kind: "sum_participants",
        filters: { projectId: ids.lcKomp, activityTypes: ["seminarium"] },
      },
    });
    const outputs = await create({
      ...base,
      projectId: ids.ungaMatematiker,
      name: "Artiklar",
      definition: {
        kind: "count_project_outputs",
        filters: { projectId: ids.ungaMatematiker, outputTypes: ["scientific_article"] },
      },
    });
    expect([activities.actual, orgs.actual, participants.actual, outputs.actual]).toEqual([3, 2, 20, 3]);
    expect(orgs.definitionText).toBe(
      "distinkta organisationer (kommun) kopplade till minst en aktivitet i LC-KOMP",
    );
    expect(outputs.definitionText).toBe(
      "antal projektresultat av typen vetenskaplig artikel i Unga matematiker",
    );
  });

  it("refuses an unknown kind, an unknown activity type and a period that ends before it starts (422)", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/indicators",
      as: coordinator,
      payload: {
        ...lcKompPeople(),
        target: 1.5,
        definition: { kind: "count_everything", filters: { from: "2011-01-01", to: "2010-01-01" } },
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.target).toEqual(["Ange ett heltal."]);
    expect(res.json().errors["definition.kind"]).toEqual(["Välj vad som ska räknas."]);
    const unknownType = await t.request({
      method: "POST",
      url: "/api/indicators",
      as: coordinator,
      payload: {
        ...lcKompPeople(),
        definition: { kind: "count_activities", filters: { activityTypes: ["trolleri"] } },
      },
    });
    expect(unknownType.json().errors).toEqual({
      "definition.filters.activityTypes": ["En eller flera av aktivitetstyperna finns inte."],
    });
    const nowhere = await t.request({
      method: "POST",
      url: "/api/indicators",
      as: coordinator,
      payload: { name: "Lös", unit: "st", target: 1 },
    });
    expect(nowhere.json().errors.goalId).toEqual([
      "Koppla indikatorn till ett mål, ett ramverk, ett projekt, en organisation eller ett avtal.",
    ]);
  });

  it("answers 404 for an unknown indicator and 401 without a session; only staff define indicators", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (await t.request({ method: "GET", url: `/api/indicators/${unknown}`, as: admin })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/indicators/${unknown}/records`, as: admin })).statusCode,
    ).toBe(404);
    expect((await t.request({ method: "GET", url: "/api/indicators" })).statusCode).toBe(401);
    const res = await t.request({
      method: "POST",
      url: "/api/indicators",
      as: board,
      payload: lcKompPeople(),
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("manual indicators", () => {
  const salaGoal = () => ({
    name: "Organisationer med bättre relationer till företag",
    unit: "organisationer",
    goalText: "Minst 11 organisationer har bättre utvecklat relationer till företag och arbetsplatser",
    projectId: ids.lcKomp,
    organisationId: ids.sala,
    target: 11,
    startDate: "2009-08-01",
    deadline: "2011-07-31",
  });

  it("takes dated values with a link or a file as evidence and shows the latest as the actual", async () => {
    const indicator = await create(salaGoal());
    expect(indicator).toMatchObject({ kind: "manual", actual: null, status: "no_data", definition: null });
    const first = await t.request({
      method: "POST",
      url: `/api/indicators/${indicator.id}/values`,
      as: coordinator,
      payload: {
        date: "2010-06-30",
        value: 6,
        evidenceUrl: "https://example.se/enkat-2010.pdf",
        note: "Enkät",
      },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      value: 6,
      enteredBy: "Sara Samordnare",
      evidenceUrl: "https://example.se/enkat-2010.pdf",
    });
    const pdf = Buffer.from("%PDF-1.4\nEnkätsvar 2011\n%%EOF");
    const second = await t.request({
      method: "POST",
      url: `/api/indicators/${indicator.id}/values`,
      as: partner,
      payload: {
        date: "2011-06-30",
        value: 11,
        evidenceFile: {
          name: "enkat-2011.pdf",
          contentType: "application/pdf",
          data: pdf.toString("base64"),
        },
      },
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().enteredBy).toBe("Sala Partner");
    const file = await t.request({ method: "GET", url: second.json().evidenceFile.url, as: board });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("application/pdf");
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const view = (
      await t.request({ method: "GET", url: `/api/indicators/${indicator.id}`, as: board })
    ).json();
    expect(view).toMatchObject({ actual: 11, asOf: "2011-06-30", status: "on_track" });
    expect(view.history).toEqual([
      { date: "2010-06-30", value: 6 },
      { date: "2011-06-30", value: 11 },
    ]);
    const values = (
      await t.request({ method: "GET", url: `/api/indicators/${indicator.id}/values`, as: board })
    ).json();
    expect(values.items.map((v: { value: number }) => v.value)).toEqual([11, 6]);
  });

  it("refuses a file that is not what it says, a bad link, and values for a computed indicator", async () => {
    const indicator = await create(salaGoal());
    const fake = await t.request({
      method: "POST",
      url: `/api/indicators/${indicator.id}/values`,
      as: coordinator,
      payload: {
        date: "2011-06-30",
        value: 3,
        evidenceUrl: "javascript:alert(1)",
        evidenceFile: {
          name: "x.pdf",
          contentType: "application/pdf",
          data: Buffer.from("MZ").toString("base64"),
        },
      },
    });
    expect(fake.statusCode).toBe(422);
    expect(fake.json().errors.evidenceUrl).toEqual([
      "Ange en fullständig webbadress som börjar med https:// eller http://.",
    ]);
    const wrongType = await t.request({
      method: "POST",
      url: `/api/indicators/${indicator.id}/values`,
      as: coordinator,
      payload: {
        date: "2011-06-30",
        value: 3,
        evidenceFile: {
          name: "x.pdf",
          contentType: "application/pdf",
          data: Buffer.from("MZ").toString("base64"),
        },
      },
    });
    expect(wrongType.json().errors.evidenceFile).toEqual([
      "Filtypen tas inte emot. Ladda upp PDF, PNG, JPEG, Word, Excel, text eller CSV.",
    ]);
    const [computed] = (
      await t.request({ method: "GET", url: `/api/indicators?projectId=${ids.lcKomp}`, as: admin })
    )
      .json()
      .items.filter((i: { kind: string }) => i.kind === "computed");
    const res = await t.request({
      method: "POST",
      url: `/api/indicators/${computed.id}/values`,
      as: coordinator,
      payload: { date: "2011-06-30", value: 3 },
    });
    expect(res.json().errors.value).toEqual([
      "Indikatorn beräknas ur data; värden kan inte föras in för hand.",
    ]);
    const records = await t.request({
      method: "GET",
      url: `/api/indicators/${indicator.id}/records`,
      as: coordinator,
    });
    expect(records.statusCode).toBe(400);
  });

  it("shows a partner only their own organisation's indicators, and lets the board read but not enter", async () => {
    const list = (await t.request({ method: "GET", url: "/api/indicators?limit=100", as: partner })).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(
      list.items.every((i: { organisation: { id: string } | null }) => i.organisation?.id === ids.sala),
    ).toBe(true);
    const all = (await t.request({ method: "GET", url: "/api/indicators?limit=100", as: board })).json();
    const projectLevel = all.items.find((i: { organisation: unknown }) => i.organisation === null);
    expect(
      (await t.request({ method: "GET", url: `/api/indicators/${projectLevel.id}`, as: partner })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/indicators/${projectLevel.id}/records`, as: partner }))
        .statusCode,
    ).toBe(404);
    const sala = list.items[0];
    const res = await t.request({
      method: "POST",
      url: `/api/indicators/${sala.id}/values`,
      as: board,
      payload: { date: "2011-06-30", value: 3 },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("goal dashboard", () => {
  it("shows a project's own goals and each participating organisation's own goals", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/goal-dashboard?projectId=${ids.lcKomp}`,
      as: board,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.subject).toMatchObject({ type: "project", name: "LC-KOMP" });
    const people = body.goals.find((g: { text: string }) => g.text.startsWith("Minst 180 personer"));
    expect(people.indicators[0]).toMatchObject({ target: 180, actual: 6 });
    expect(people.indicators[0].sparkline.at(-1)).toBe(6);
    expect(body.organisations).toHaveLength(1);
    expect(body.organisations[0].organisation.name).toBe("Sala kommun");
    expect(
      body.organisations[0].goals[0].indicators.every((i: { unit: string }) => i.unit === "organisationer"),
    ).toBe(true);
    const forPartner = (
      await t.request({ method: "GET", url: `/api/goal-dashboard?projectId=${ids.lcKomp}`, as: partner })
    ).json();
    expect(forPartner.goals).toEqual([]);
    expect(forPartner.organisations).toHaveLength(1);
  });

  it("shows a framework's goals with their indicators and links", async () => {
    const frameworkId = await createFramework(t.database.db, systemActor, {
      name: "Samhällskontraktets övergripande mål",
      ownerOrganisationId: ids.sk,
      vision: "Eskilstuna och Västerås är en stark region …",
      goals: [
        { code: "1", text: "Höja kompetensnivån hos regionens medborgare" },
        { code: "7", text: "Öka kompetensen hos personal i kommunalt finansierad verksamhet" },
      ],
    });
    const framework = (
      await t.request({ method: "GET", url: `/api/frameworks/${frameworkId}`, as: admin })
    ).json();
    const goal7 = framework.goals.find((g: { code: string }) => g.code === "7");
    await create({
      name: "Deltagare i seminarier",
      unit: "personer",
      goalId: goal7.id,
      organisationId: ids.sk,
      target: 500,
      definition: { kind: "sum_participants", filters: { activityTypes: ["seminarium", "workshop"] } },
    });
    const res = await t.request({
      method: "GET",
      url: `/api/goal-dashboard?frameworkId=${frameworkId}`,
      as: board,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.subject.vision).toMatch(/stark region/);
    expect(body.goals.map((g: { goal: { code: string } }) => g.goal.code)).toEqual(["1", "7"]);
    expect(body.goals[1].indicators[0]).toMatchObject({
      name: "Deltagare i seminarier",
      actual: 40,
      framework: { id: frameworkId },
    });
    expect(body.goals[0].links).toEqual({ activities: 0, planItems: 0, projects: [] });
    const orgView = (
      await t.request({ method: "GET", url: `/api/goal-dashboard?organisationId=${ids.sk}`, as: board })
    ).json();
    expect(orgView.goals[0].goal.code).toBe("7");
  });

  it("needs exactly one subject (422), answers 404 for unknown ones and hides other organisations from a partner", async () => {
    const both = await t.request({
      method: "GET",
      url: `/api/goal-dashboard?projectId=${ids.lcKomp}&organisationId=${ids.sk}`,
      as: board,
    });
    expect(both.statusCode).toBe(422);
    expect(both.json().errors.frameworkId).toEqual([
      "Ange ett ramverk, ett projekt eller en organisation (en av dem).",
    ]);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (await t.request({ method: "GET", url: `/api/goal-dashboard?projectId=${unknown}`, as: board }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/goal-dashboard?organisationId=${ids.sk}`, as: partner }))
        .statusCode,
    ).toBe(404);
  });
});
