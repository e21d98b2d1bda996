import { describe, expect, it } from "vitest";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { createOrganisation } from "../organisations/organisations.service.ts";
import { createProject } from "../projects/projects.service.ts";

const ids = { sala: "", flen: "", project: "" };
const t = await createTestApp({
  seed: async ({ db }) => {
    ids.sala = (await createOrganisation(db, systemActor, { name: "Sala kommun", type: "kommun" })).id;
    ids.flen = (await createOrganisation(db, systemActor, { name: "Flens kommun", type: "kommun" })).id;
    ids.project = await createProject(db, systemActor, { name: "LC-KOMP" });
  },
});
const coordinator = await t.login(demo.coordinator);
const board = await t.login(demo.groupMember);
const outsider = await t.login(demo.partner);
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

const plan = {
  organisationId: "",
  projectTag: "LC-KOMP",
  title: "Lokal insatsstyrka för kompetensförsörjning",
  direction: "Lärcentrum och näringslivsenheten arbetar ihop mot företagen.",
  activities: [{ title: "Bilda en lokal projektgrupp", done: true }, { title: "Starta ett kompetensråd" }],
};
const effort = {
  kind: "handledning",
  date: "2010-02-15",
  hours: 3.5,
  givenBy: "APeL FoU",
  participants: 6,
  note: "Handledning av den lokala projektgruppen.",
};

async function createPlan(organisationId: string) {
  const res = await t.request({
    method: "POST",
    url: "/api/local-plans",
    as: coordinator,
    payload: { ...plan, organisationId, projectId: ids.project },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const addSupport = (id: string, payload: Record<string, unknown>, as = coordinator) =>
  t.request({ method: "POST", url: `/api/local-plans/${id}/support`, as, payload });

describe("local development plans", () => {
  it("keeps a municipality's plan with its activities and lists its process support with totals per kind", async () => {
    const id = await createPlan(ids.sala);
    expect((await addSupport(id, effort)).statusCode).toBe(201);
    const added = await addSupport(id, {
      ...effort,
      kind: "studiebesok",
      date: "2010-04-20",
      hours: 6,
      participants: 4,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      kind: "studiebesok",
      hours: 6,
      participants: 4,
      givenBy: "APeL FoU",
    });
    await addSupport(id, { ...effort, date: "2010-05-03", hours: 2, participants: 5, note: null });

    const res = await t.request({ method: "GET", url: `/api/local-plans/${id}`, as: board });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBeTruthy();
    const body = res.json();
    expect(body).toMatchObject({
      organisationName: "Sala kommun",
      projectTag: "LC-KOMP",
      title: plan.title,
      activities: [
        { title: "Bilda en lokal projektgrupp", done: true },
        { title: "Starta ett kompetensråd", done: false },
      ],
      supportHours: 11.5,
    });
    expect(body.support.map((s: { date: string }) => s.date)).toEqual([
      "2010-05-03",
      "2010-04-20",
      "2010-02-15",
    ]);
    expect(body.totals).toEqual([
      { kind: "handledning", efforts: 2, hours: 5.5, participants: 11 },
      { kind: "mentorskap", efforts: 0, hours: 0, participants: 0 },
      { kind: "experter", efforts: 0, hours: 0, participants: 0 },
      { kind: "studiebesok", efforts: 1, hours: 6, participants: 4 },
      { kind: "auskultation", efforts: 0, hours: 0, participants: 0 },
    ]);

    const list = await t.request({ method: "GET", url: "/api/local-plans?projectTag=LC-KOMP", as: board });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id, organisationName: "Sala kommun", supportHours: 11.5 }),
    ]);
  });

  it("counts the project's process support per kind across its plans (the indicators' figures)", async () => {
    const flen = await createPlan(ids.flen);
    await addSupport(flen, { ...effort, kind: "mentorskap", hours: 4, participants: 2 });
    const res = await t.request({
      method: "GET",
      url: "/api/local-plans/summary?projectTag=LC-KOMP",
      as: board,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().plans).toBe(2);
    expect(res.json().organisations).toBe(2);
    const byKind = Object.fromEntries(
      res
        .json()
        .totals.map((r: { kind: string; hours: number; efforts: number }) => [r.kind, [r.efforts, r.hours]]),
    );
    expect(byKind).toMatchObject({
      handledning: [2, 5.5],
      studiebesok: [1, 6],
      mentorskap: [1, 4],
      experter: [0, 0],
    });
  });

  it("shows the project's process support in the period in its progress report", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/reports/progress?projectId=${ids.project}&from=2010-03-01&to=2010-12-31&format=json`,
      as: board,
    });
    expect(res.statusCode).toBe(200);
    const blocks = res.json().blocks as {
      type: string;
      caption?: string;
      rows?: unknown[];
      footer?: unknown[];
    }[];
    const table = blocks.find((b) => b.caption?.startsWith("Processtöd till de lokala utvecklingsplanerna"))!;
    // February's two efforts fall outside the period.
    expect(table.rows).toEqual([
      ["Handledning", 1, 2, 5],
      ["Studiebesök", 1, 6, 4],
    ]);
    expect(table.footer).toEqual(["Totalt", 2, 8, 9]);
  });

  it("edits a plan under If-Match and refuses a stale version", async () => {
    const [sala] = (
      await t.request({ method: "GET", url: `/api/local-plans?organisationId=${ids.sala}`, as: coordinator })
    ).json().items;
    const read = await t.request({ method: "GET", url: `/api/local-plans/${sala.id}`, as: coordinator });
    const etag = read.headers.etag as string;
    const patch = (headers: Record<string, string>) =>
      t.request({
        method: "PATCH",
        url: `/api/local-plans/${sala.id}`,
        as: coordinator,
        headers,
        payload: { activities: [{ title: "Starta ett kompetensråd", done: true }] },
      });
    const first = await patch({ "if-match": etag });
    expect(first.statusCode).toBe(200);
    expect(first.json().activities).toEqual([{ title: "Starta ett kompetensråd", done: true }]);
    expect((await patch({ "if-match": etag })).statusCode).toBe(412);
  });

  it("answers bad input with Swedish field messages", async () => {
    const [sala] = (
      await t.request({ method: "GET", url: `/api/local-plans?organisationId=${ids.sala}`, as: coordinator })
    ).json().items;
    const res = await addSupport(sala.id, { ...effort, kind: "kaffe", hours: 0.3, participants: -1 });
    expect(res.statusCode).toBe(422);
    const text = JSON.stringify(res.json());
    expect(text).toContain("Välj handledning, mentorskap, experter, studiebesök eller auskultation.");
    expect(text).toContain("hela eller halva timmar");
    expect(text).toContain("Ange antalet deltagare");

    const again = await t.request({
      method: "POST",
      url: "/api/local-plans",
      as: coordinator,
      payload: { ...plan, organisationId: ids.sala },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain("har redan en lokal utvecklingsplan");
    const missing = await t.request({
      method: "POST",
      url: "/api/local-plans",
      as: coordinator,
      payload: { ...plan, organisationId: NO_SUCH_ID },
    });
    expect(missing.statusCode).toBe(422);
    expect(JSON.stringify(missing.json())).toContain("Organisationen finns inte.");
  });

  it("answers 404 for a plan that does not exist", async () => {
    expect(
      (await t.request({ method: "GET", url: `/api/local-plans/${NO_SUCH_ID}`, as: coordinator })).statusCode,
    ).toBe(404);
    expect((await addSupport(NO_SUCH_ID, effort)).statusCode).toBe(404);
  });

  it("keeps plans from users outside the organisation and lets only the office and the organisation write", async () => {
    const [sala] = (
      await t.request({ method: "GET", url: `/api/local-plans?organisationId=${ids.sala}`, as: coordinator })
    ).json().items;
    expect(
      (await t.request({ method: "GET", url: `/api/local-plans/${sala.id}`, as: outsider })).statusCode,
    ).toBe(404);
    expect((await t.request({ method: "GET", url: "/api/local-plans", as: outsider })).json().items).toEqual(
      [],
    );
    expect((await addSupport(sala.id, effort, outsider)).statusCode).toBe(404);
    // The board reads every plan but records no support.
    expect((await addSupport(sala.id, effort, board)).statusCode).toBe(403);
    expect((await t.request({ method: "GET", url: "/api/local-plans" })).statusCode).toBe(401);
  });
});
