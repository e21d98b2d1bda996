import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parsePlanStart } from "../../../common/plans.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { GOALS_A_TO_F, insertActivity, insertOrganisation } from "../goals/test/goals.fixture.ts";

let samId = "";
let komId = "";
let doneActivityId = "";
const t = await createTestApp({
  seed: async ({ db }) => {
    samId = await insertOrganisation(db, "Samverkansavdelningen (SAM)");
    komId = await insertOrganisation(db, "Kommunikationsavdelningen (KOM)");
    doneActivityId = await insertActivity(db, "Första nätverksträffen", "done");
  },
});
const coordinator = await t.login(demo.coordinator);
const member = await t.login(demo.groupMember);
const missing = "00000000-0000-4000-8000-000000000000";

const framework = (
  await t.request({
    method: "POST",
    url: "/api/frameworks",
    as: coordinator,
    payload: { name: "Utbildningsstrategi 2011–2015 — arbetslivsanknytning", goals: GOALS_A_TO_F },
  })
).json();
const goal = (code: string) => framework.goals.find((g: { code: string }) => g.code === code).id as string;

async function createPlan() {
  const res = await t.request({
    method: "POST",
    url: "/api/plans",
    as: coordinator,
    payload: {
      title: "Handlingsplan 2013–2015 — arbetslivsanknytning",
      frameworkId: framework.id,
      periodStart: "2013-01-01",
      periodEnd: "2015-12-31",
      documentVersion: "2.1",
      phases: [
        { name: "Initiering", startDate: "2011-01-01", endDate: "2013-06-30" },
        { name: "Implementering", startDate: "2013-07-01", endDate: "2015-12-31" },
      ],
      sections: [{ name: "Utvecklingsinsatser" }, { name: "Kommunikationsinsatser" }],
    },
  });
  expect(res.statusCode).toBe(201);
  const plan = res.json();
  const [development, communication] = plan.sections.map((s: { id: string }) => s.id);
  const add = async (payload: Record<string, unknown>) => {
    const r = await t.request({
      method: "POST",
      url: `/api/plans/${plan.id}/items`,
      as: coordinator,
      payload,
    });
    expect(r.statusCode).toBe(201);
    return r.json();
  };
  const first = await add({
    number: 1,
    title: "Forma organisationsstruktur och resursfördelningsstrategi kring arbetslivsanknytning",
    sectionId: development,
    goalIds: [goal("B"), goal("F")],
    responsibleText: "SAM",
    responsibleOrganisationIds: [samId],
    startText: "Q4 2013",
  });
  await add({
    number: 8,
    title: "Paketera ALA-kompassens arbetsprocess och dess erbjudanden",
    sectionId: communication,
    goalIds: [goal("A"), goal("B"), goal("F")],
    targetGroups: ["Lärare"],
    responsibleText: "SAM",
    startText: "2014",
    resources: 100_000,
  });
  await add({
    number: 12,
    title: "Aktiv regional pressbearbetning",
    sectionId: communication,
    goalIds: [goal("B"), goal("D"), goal("E")],
    targetGroups: ["Näringsliv/offentlig sektor i regionen", "lärare", "studenter", "kommande studenter"],
    responsibleText: "SAM/KOM",
    responsibleOrganisationIds: [samId, komId],
    startText: "2014",
    resources: 50_000,
  });
  return { plan, development, communication, first };
}

describe("parsePlanStart", () => {
  it("reads starts the way plans write them", () => {
    expect(parsePlanStart("Q4 2013")).toBe("2013-10-01");
    expect(parsePlanStart("Q1 2014")).toBe("2014-01-01");
    expect(parsePlanStart("vt 2014")).toBe("2014-01-01");
    expect(parsePlanStart("ht 2014")).toBe("2014-08-01");
    expect(parsePlanStart("1 gång per termin/start vt 2014")).toBe("2014-01-01");
    expect(parsePlanStart("2014, Ett blogginlägg i månaden")).toBe("2014-01-01");
    expect(parsePlanStart("2014-03")).toBe("2014-03-01");
    expect(parsePlanStart("2014-03-15")).toBe("2014-03-15");
    expect(parsePlanStart("2014-02-30")).toBeNull();
    expect(parsePlanStart("någon gång")).toBeNull();
  });
});

describe("POST /api/plans and GET /api/plans/{id}", () => {
  it("creates a plan and shows it as the seed's table: items with goals, responsible, start and resources in kronor", async () => {
    const { plan } = await createPlan();
    const res = await t.request({ method: "GET", url: `/api/plans/${plan.id}`, as: member });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      framework: { id: framework.id, versionNumber: 1 },
      itemCount: 3,
      resourcesTotal: 150_000,
      phases: [{ name: "Initiering" }, { name: "Implementering" }],
      abilities: { manage: false },
    });
    expect(body.items.map((i: { number: number }) => i.number)).toEqual([1, 8, 12]);
    expect(body.items[0]).toMatchObject({
      startText: "Q4 2013",
      startDate: "2013-10-01",
      responsibleText: "SAM",
      responsibleOrganisations: [{ id: samId }],
      resources: null,
      status: "planned",
    });
    expect(body.items[0].goals.map((g: { code: string }) => g.code)).toEqual(["B", "F"]);
    expect(body.items[1].resources).toBe(100_000);
  });

  it("lists plans with their totals", async () => {
    await createPlan();
    const res = await t.request({ method: "GET", url: "/api/plans", as: member });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ itemCount: 3, resourcesTotal: 150_000 });
  });

  it("answers 422 for a missing title, an unknown framework and a phase that ends before it starts", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/plans",
      as: coordinator,
      payload: { frameworkId: missing },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.title).toEqual(["Fältet måste fyllas i."]);
    const unknown = await t.request({
      method: "POST",
      url: "/api/plans",
      as: coordinator,
      payload: { title: "x", frameworkId: missing },
    });
    expect(unknown.json().errors.frameworkId).toEqual(["Målramverket finns inte."]);
    const phase = await t.request({
      method: "POST",
      url: "/api/plans",
      as: coordinator,
      payload: { title: "x", phases: [{ name: "Fas", startDate: "2014-01-01", endDate: "2013-01-01" }] },
    });
    expect(phase.json().errors["phases.0.endDate"]).toEqual(["Slutdatum kan inte ligga före startdatum."]);
  });

  it("answers 403 to a group member, 401 to the public and 404 for an unknown plan", async () => {
    expect(
      (await t.request({ method: "POST", url: "/api/plans", as: member, payload: { title: "x" } }))
        .statusCode,
    ).toBe(403);
    expect((await t.request({ method: "GET", url: "/api/plans" })).statusCode).toBe(401);
    expect((await t.request({ method: "GET", url: `/api/plans/${missing}`, as: member })).statusCode).toBe(
      404,
    );
  });
});

describe("PATCH /api/plans/{id}, phases and sections", () => {
  it("changes the plan and adds a phase and a section", async () => {
    const { plan } = await createPlan();
    const res = await t.request({
      method: "PATCH",
      url: `/api/plans/${plan.id}`,
      as: coordinator,
      payload: { documentOwner: "Robert Pettersson" },
    });
    expect(res.json().documentOwner).toBe("Robert Pettersson");
    const phase = await t.request({
      method: "POST",
      url: `/api/plans/${plan.id}/phases`,
      as: coordinator,
      payload: { name: "Erfarenhetsutbyte och analys" },
    });
    expect(phase.statusCode).toBe(201);
    expect(phase.json().phases.map((p: { name: string }) => p.name)).toEqual([
      "Initiering",
      "Implementering",
      "Erfarenhetsutbyte och analys",
    ]);
    const section = await t.request({
      method: "POST",
      url: `/api/plans/${plan.id}/sections`,
      as: coordinator,
      payload: { name: "Uppföljning" },
    });
    expect(section.json().sections).toHaveLength(3);
  });

  it("answers 404, 403 and 422", async () => {
    const { plan } = await createPlan();
    const url = `/api/plans/${plan.id}`;
    expect(
      (
        await t.request({
          method: "PATCH",
          url: `/api/plans/${missing}`,
          as: coordinator,
          payload: { title: "x" },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request({ method: "PATCH", url, as: member, payload: { title: "x" } })).statusCode).toBe(
      403,
    );
    const bad = await t.request({
      method: "PATCH",
      url,
      as: coordinator,
      payload: { periodEnd: "2012-01-01" },
    });
    expect(bad.statusCode).toBe(422);
    const unknownField = await t.request({
      method: "PATCH",
      url,
      as: coordinator,
      payload: { colour: "green" },
    });
    expect(unknownField.statusCode).toBe(422);
    expect(
      (await t.request({ method: "POST", url: `${url}/sections`, as: coordinator, payload: {} })).statusCode,
    ).toBe(422);
    expect(
      (await t.request({ method: "POST", url: `${url}/phases`, as: member, payload: { name: "x" } }))
        .statusCode,
    ).toBe(403);
  });
});

describe("plan items", () => {
  it("answers 422 for a start it cannot read, a taken number, an unknown section or goal", async () => {
    const { plan, first } = await createPlan();
    const url = `/api/plans/${plan.id}/items`;
    const start = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { number: 2, title: "x", startText: "någon gång" },
    });
    expect(start.statusCode).toBe(422);
    expect(start.json().errors.startText[0]).toMatch(/kvartal \(Q4 2013\)/);
    const taken = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { number: 1, title: "x" },
    });
    expect(taken.json().errors.number).toEqual(["Planen har redan en insats nummer 1."]);
    const section = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { number: 3, title: "x", sectionId: missing },
    });
    expect(section.json().errors.sectionId).toEqual(["Avsnittet finns inte i planen."]);
    const goalRes = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { number: 3, title: "x", goalIds: [missing] },
    });
    expect(goalRes.json().errors.goalIds).toEqual(["Ett eller flera av målen finns inte."]);
    const resources = await t.request({
      method: "PATCH",
      url: `${url}/${first.id}`,
      as: coordinator,
      payload: { resources: 12.5 },
    });
    expect(resources.statusCode).toBe(422);
  });

  it("updates an item (new start parsed, goals replaced) and deletes one", async () => {
    const { plan, first } = await createPlan();
    const res = await t.request({
      method: "PATCH",
      url: `/api/plans/${plan.id}/items/${first.id}`,
      as: coordinator,
      payload: { startText: "ht 2014", goalIds: [goal("A")] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      startText: "ht 2014",
      startDate: "2014-08-01",
      goals: [{ code: "A" }],
    });
    const del = await t.request({
      method: "DELETE",
      url: `/api/plans/${plan.id}/items/${first.id}`,
      as: coordinator,
    });
    expect(del.statusCode).toBe(204);
    const gone = await t.request({
      method: "GET",
      url: `/api/plans/${plan.id}/items/${first.id}`,
      as: member,
    });
    expect(gone.statusCode).toBe(404);
  });

  it("answers 404 for an item of another plan and 403 to a group member", async () => {
    const a = await createPlan();
    const b = await createPlan();
    const wrongPlan = await t.request({
      method: "PATCH",
      url: `/api/plans/${b.plan.id}/items/${a.first.id}`,
      as: coordinator,
      payload: { title: "x" },
    });
    expect(wrongPlan.statusCode).toBe(404);
    const forbidden = await t.request({
      method: "POST",
      url: `/api/plans/${a.plan.id}/items`,
      as: member,
      payload: { number: 5, title: "x" },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(
      (await t.request({ method: "DELETE", url: `/api/plans/${a.plan.id}/items/${a.first.id}`, as: member }))
        .statusCode,
    ).toBe(403);
  });

  it("keeps dated progress notes and lets a note set the status", async () => {
    const { plan, first } = await createPlan();
    const url = `/api/plans/${plan.id}/items/${first.id}/progress`;
    const res = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: {
        date: "2014-02-10",
        note: "Förslag till organisation presenterat i RLG.",
        status: "ongoing",
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: "ongoing",
      progress: [{ date: "2014-02-10", status: "ongoing", authorName: "Sara Samordnare" }],
    });
    expect(
      (await t.request({ method: "POST", url, as: coordinator, payload: { note: "" } })).statusCode,
    ).toBe(422);
    expect((await t.request({ method: "POST", url, as: member, payload: { note: "x" } })).statusCode).toBe(
      403,
    );
    const unknown = `/api/plans/${plan.id}/items/${missing}/progress`;
    expect(
      (await t.request({ method: "POST", url: unknown, as: coordinator, payload: { note: "x" } })).statusCode,
    ).toBe(404);
  });

  it("counts activities that deliver an item, linked or created from it", async () => {
    const { plan, first } = await createPlan();
    const url = `/api/plans/${plan.id}/items/${first.id}/activities`;
    const linked = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { activityId: doneActivityId },
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toMatchObject({
      deliveredCount: 1,
      activities: [{ id: doneActivityId, status: "done" }],
    });
    const created = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { activity: { typeKey: "studiebesok", startDate: "2014-03-01" } },
    });
    expect(created.statusCode).toBe(201);
    const titles = created.json().activities.map((a: { title: string }) => a.title);
    expect(titles).toContain(`1. ${first.title}`);
    expect(created.json().deliveredCount).toBe(1);

    const unknown = await t.request({
      method: "POST",
      url,
      as: coordinator,
      payload: { activityId: missing },
    });
    expect(unknown.statusCode).toBe(422);
    expect(
      (await t.request({ method: "POST", url, as: member, payload: { activityId: doneActivityId } }))
        .statusCode,
    ).toBe(403);
    const unlink = await t.request({ method: "DELETE", url: `${url}/${doneActivityId}`, as: coordinator });
    expect(unlink.statusCode).toBe(204);
    expect(
      (await t.request({ method: "DELETE", url: `${url}/${doneActivityId}`, as: coordinator })).statusCode,
    ).toBe(404);
  });
});

describe("plan views", () => {
  it("gives the timeline with phases and items running to the plan's end", async () => {
    const { plan } = await createPlan();
    const res = await t.request({ method: "GET", url: `/api/plans/${plan.id}/timeline`, as: member });
    expect(res.statusCode).toBe(200);
    expect(res.json().phases).toHaveLength(2);
    expect(res.json().items[0]).toMatchObject({ number: 1, startDate: "2013-10-01", endDate: "2015-12-31" });
    expect(
      (await t.request({ method: "GET", url: `/api/plans/${missing}/timeline`, as: member })).statusCode,
    ).toBe(404);
  });

  it("flags the goals no communication item serves", async () => {
    const { plan, communication } = await createPlan();
    const res = await t.request({
      method: "GET",
      url: `/api/plans/${plan.id}/coverage?section=${communication}`,
      as: member,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.section.name).toBe("Kommunikationsinsatser");
    expect(body.items.map((i: { number: number }) => i.number)).toEqual([8, 12]);
    expect(body.uncoveredGoals.map((g: { code: string }) => g.code)).toEqual(["C"]);
    expect(body.goals.find((g: { code: string }) => g.code === "B").itemNumbers).toEqual([8, 12]);

    const all = await t.request({ method: "GET", url: `/api/plans/${plan.id}/coverage`, as: member });
    expect(all.json().uncoveredGoals.map((g: { code: string }) => g.code)).toEqual(["C"]);
    const bad = await t.request({
      method: "GET",
      url: `/api/plans/${plan.id}/coverage?section=${missing}`,
      as: member,
    });
    expect(bad.statusCode).toBe(422);
  });

  it("exports the plan's table as XLSX with numbers in kronor and as Swedish CSV", async () => {
    const { plan } = await createPlan();
    await t.request({
      method: "POST",
      url: `/api/plans/${plan.id}/items`,
      as: coordinator,
      payload: { number: 99, title: '=HYPERLINK("http://example.com")' },
    });
    const xlsx = await t.request({
      method: "GET",
      url: `/api/plans/${plan.id}/export?format=xlsx`,
      as: member,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(3).value).toBe("Aktivitet");
    expect(sheet.getRow(3).getCell(10).value).toBe(100_000);
    expect(sheet.getRow(5).getCell(3).value).toBe('\'=HYPERLINK("http://example.com")');

    const csv = await t.request({
      method: "GET",
      url: `/api/plans/${plan.id}/export?format=csv`,
      as: member,
    });
    expect(csv.body.startsWith("\uFEFFAvsnitt;Nr;Aktivitet")).toBe(true);
    expect(csv.body).toContain(";Q4 2013;2013-10-01;;Planerad;0\r\n");
    expect(
      (await t.request({ method: "GET", url: `/api/plans/${plan.id}/export?format=pdf`, as: member }))
        .statusCode,
    ).toBe(422);
    expect(
      (await t.request({ method: "GET", url: `/api/plans/${missing}/export`, as: member })).statusCode,
    ).toBe(404);
  });
});
