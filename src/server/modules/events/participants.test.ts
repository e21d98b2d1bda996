import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { createEvent, daysAgo, register, tokenOf } from "./test/events.fixture.ts";

const t = await createTestApp();
const missing = "00000000-0000-4000-8000-000000000001";
const [coordinator, partner] = await Promise.all([t.login(demo.coordinator), t.login(demo.partner)]);

describe("GET /api/events/:id/participants", () => {
  it("lists participants with their status as JSON and as an XLSX file", async () => {
    const event = await createEvent(t, coordinator, { capacity: 1, questions: { organisation: "optional" } });
    await register(t, event.id, {
      name: "Karin Krona",
      email: "karin@example.se",
      organisation: "Sala kommun",
    });
    await register(t, event.id, { name: "Lars Lind", email: "lars@example.se" });
    const res = await t.request({
      method: "GET",
      url: `/api/events/${event.id}/participants`,
      as: coordinator,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { name: string; status: string }) => [p.name, p.status])).toEqual([
      ["Karin Krona", "confirmed"],
      ["Lars Lind", "waitlisted"],
    ]);
    const waiting = await t.request({
      method: "GET",
      url: `/api/events/${event.id}/participants?status=waitlisted`,
      as: coordinator,
    });
    expect(waiting.json().items).toHaveLength(1);

    const xlsx = await t.request({
      method: "GET",
      url: `/api/events/${event.id}/participants?format=xlsx`,
      as: coordinator,
    });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe("Namn");
    expect(sheet.getRow(2).getCell(3).value).toBe("Sala kommun");
    expect(sheet.getRow(3).getCell(6).value).toBe("Väntelista");
  });

  it("shows participants only to organisers, and answers unknown events and bad formats", async () => {
    const event = await createEvent(t, coordinator);
    expect(
      (await t.request({ method: "GET", url: `/api/events/${event.id}/participants`, as: partner }))
        .statusCode,
    ).toBe(403);
    expect((await t.request({ method: "GET", url: `/api/events/${event.id}/participants` })).statusCode).toBe(
      401,
    );
    expect(
      (await t.request({ method: "GET", url: `/api/events/${missing}/participants`, as: coordinator }))
        .statusCode,
    ).toBe(404);
    const bad = await t.request({
      method: "GET",
      url: `/api/events/${event.id}/participants?format=pdf`,
      as: coordinator,
    });
    expect(bad.statusCode).toBe(422);
  });
});

describe("POST /api/events/:id/attendance and /walk-ins", () => {
  it("checks people in by the code on their confirmation or by id, undoes it, and records walk-ins", async () => {
    const event = await createEvent(t, coordinator);
    const reg = await register(t, event.id, { name: "Maja Mört", email: "maja@example.se" });
    const byCode = await t.request({
      method: "POST",
      url: `/api/events/${event.id}/attendance`,
      as: coordinator,
      payload: { code: reg.json().checkinCode.toLowerCase() },
    });
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json()).toMatchObject({ name: "Maja Mört", status: "attended" });
    const undo = await t.request({
      method: "POST",
      url: `/api/events/${event.id}/attendance`,
      as: coordinator,
      payload: { registrationId: byCode.json().id, attended: false },
    });
    expect(undo.json().status).toBe("confirmed");

    const walkIn = await t.request({
      method: "POST",
      url: `/api/events/${event.id}/walk-ins`,
      as: coordinator,
      payload: { name: "Nils Nyström", organisation: "Västerås stad" },
    });
    expect(walkIn.statusCode).toBe(201);
    expect(walkIn.json()).toMatchObject({
      name: "Nils Nyström",
      status: "attended",
      source: "walk_in",
      email: null,
    });
    const detail = await t.request({ method: "GET", url: `/api/events/${event.id}`, as: coordinator });
    expect(detail.json().counts).toMatchObject({ registered: 2, attended: 1, estimated: null });
  });

  it("answers a wrong code with 404, bad input with 422 and others than organisers with 403", async () => {
    const event = await createEvent(t, coordinator);
    const wrong = await t.request({
      method: "POST",
      url: `/api/events/${event.id}/attendance`,
      as: coordinator,
      payload: { code: "ZZZZZZ" },
    });
    expect(wrong.statusCode).toBe(404);
    const neither = await t.request({
      method: "POST",
      url: `/api/events/${event.id}/attendance`,
      as: coordinator,
      payload: {},
    });
    expect(neither.statusCode).toBe(422);
    expect(neither.json().errors.code).toEqual(["Ange antingen deltagaren eller koden."]);
    const noName = await t.request({
      method: "POST",
      url: `/api/events/${event.id}/walk-ins`,
      as: coordinator,
      payload: { name: "" },
    });
    expect(noName.json().errors.name).toEqual(["Fältet måste fyllas i."]);
    const forbidden = await t.request({
      method: "POST",
      url: `/api/events/${event.id}/walk-ins`,
      as: partner,
      payload: { name: "X" },
    });
    expect(forbidden.statusCode).toBe(403);
    const unknown = await t.request({
      method: "POST",
      url: `/api/events/${missing}/walk-ins`,
      as: coordinator,
      payload: { name: "X" },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe("series, networks and GET /api/events/participants-by-role", () => {
  it("counts each person once across a project's events, by role group and organisation", async () => {
    const series = await t.request({
      method: "POST",
      url: "/api/event-series",
      as: coordinator,
      payload: { name: "Seminarieserien", tags: ["TESTPROJ"] },
    });
    expect(series.statusCode).toBe(201);
    const network = await t.request({
      method: "POST",
      url: "/api/networks",
      as: coordinator,
      payload: { name: "Mäklarnätverket" },
    });
    const questions = { organisation: "optional", role: "optional", roleFrom: "catalogue" };
    const seminar = await createEvent(t, coordinator, { seriesId: series.json().id, questions });
    const workshop = await createEvent(t, coordinator, {
      typeKey: "workshop",
      tags: ["TESTPROJ"],
      questions,
    });
    const meeting = await createEvent(t, coordinator, {
      typeKey: "natverkstraff",
      networkId: network.json().id,
      questions,
    });
    const people = [
      {
        email: "larare1@example.se",
        roleKey: "larare",
        organisation: "Sala kommun",
        events: [seminar, workshop],
      },
      { email: "larare2@example.se", roleKey: "larare", organisation: "Sala kommun", events: [seminar] },
      { email: "vagl@example.se", roleKey: "vagledare", organisation: "Flens kommun", events: [workshop] },
      {
        email: "ftg@example.se",
        roleKey: "foretag",
        organisation: "Företaget AB",
        events: [seminar, workshop],
      },
      {
        email: "bara.anmald@example.se",
        roleKey: "larare",
        organisation: "Sala kommun",
        events: [seminar],
        absent: true,
      },
      {
        email: "natverk@example.se",
        roleKey: "kompetensmaklare",
        organisation: "Flens kommun",
        events: [meeting],
      },
    ];
    for (const p of people) {
      for (const e of p.events) {
        const res = await register(t, e.id, {
          name: p.email,
          email: p.email,
          roleKey: p.roleKey,
          organisation: p.organisation,
        });
        if (!p.absent)
          await t.request({
            method: "POST",
            url: `/api/events/${e.id}/attendance`,
            as: coordinator,
            payload: { code: res.json().checkinCode },
          });
      }
    }
    const res = await t.request({
      method: "GET",
      url: "/api/events/participants-by-role?projectTag=TESTPROJ",
      as: coordinator,
    });
    expect(res.statusCode).toBe(200);
    const table = res.json();
    expect(table).toMatchObject({ events: 2, registrations: 7, participants: 4 });
    const centre = table.groups.find((g: { group: string }) => g.group === "larcentrum");
    expect(centre.label).toBe("Anställda vid lärcentrum/vuxenutbildning");
    expect(centre.count).toBe(3);
    expect(centre.roles.find((r: { roleKey: string }) => r.roleKey === "larare")).toMatchObject({
      label: "Lärare/utbildare",
      count: 2,
    });
    expect(table.groups.find((g: { group: string }) => g.group === "annan_verksamhet").count).toBe(1);
    expect(table.organisations).toEqual([
      { organisation: "Sala kommun", count: 2 },
      { organisation: "Flens kommun", count: 1 },
      { organisation: "Företaget AB", count: 1 },
    ]);
    const byNetwork = await t.request({
      method: "GET",
      url: `/api/events/participants-by-role?networkId=${network.json().id}`,
      as: coordinator,
    });
    expect(byNetwork.json().participants).toBe(1);
    const xlsx = await t.request({
      method: "GET",
      url: "/api/events/participants-by-role?projectTag=TESTPROJ&format=xlsx",
      as: coordinator,
    });
    expect(xlsx.headers["content-disposition"]).toContain("deltagare-TESTPROJ.xlsx");
  });

  it("asks for exactly one scope, and keeps the table from those who do not organise", async () => {
    const none = await t.request({ method: "GET", url: "/api/events/participants-by-role", as: coordinator });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors.projectTag).toEqual(["Välj exakt ett projekt, en serie eller ett nätverk."]);
    const unknown = await t.request({
      method: "GET",
      url: `/api/events/participants-by-role?seriesId=${missing}`,
      as: coordinator,
    });
    expect(unknown.statusCode).toBe(404);
    const forbidden = await t.request({
      method: "GET",
      url: "/api/events/participants-by-role?projectTag=X",
      as: partner,
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it("keeps network members, and answers bad input and unknown networks", async () => {
    const network = (
      await t.request({
        method: "POST",
        url: "/api/networks",
        as: coordinator,
        payload: { name: "Nätverk B" },
      })
    ).json();
    const person = await t.request({
      method: "POST",
      url: "/api/people",
      as: coordinator,
      payload: { name: "Olle Ort" },
    });
    const res = await t.request({
      method: "PUT",
      url: `/api/networks/${network.id}/members`,
      as: coordinator,
      payload: { members: [{ personId: person.json().id, role: "Sammankallande" }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().members).toEqual([
      { personId: person.json().id, name: "Olle Ort", organisation: null, role: "Sammankallande" },
    ]);
    const unknownPerson = await t.request({
      method: "PUT",
      url: `/api/networks/${network.id}/members`,
      as: coordinator,
      payload: { members: [{ personId: missing }] },
    });
    expect(unknownPerson.json().errors.members).toEqual(["En eller flera av personerna finns inte."]);
    expect(
      (await t.request({ method: "GET", url: `/api/networks/${missing}`, as: partner })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "POST", url: "/api/networks", as: partner, payload: { name: "X" } }))
        .statusCode,
    ).toBe(403);
    const bad = await t.request({
      method: "POST",
      url: "/api/event-series",
      as: coordinator,
      payload: { name: "" },
    });
    expect(bad.json().errors.name).toEqual(["Fältet måste fyllas i."]);
    const list = await t.request({ method: "GET", url: "/api/networks", as: partner });
    expect(list.json().items.map((n: { name: string }) => n.name)).toContain("Nätverk B");
  });
});

describe("feedback per event type, event, series and theme", () => {
  it("asks the event type's questions and sums the answers up", async () => {
    const put = await t.request({
      method: "PUT",
      // The documented path (issue 19: unambiguous for API tools); the old one still answers (etag.parts.test.ts).
      url: "/api/event-feedback-questions/workshop",
      as: coordinator,
      payload: {
        questions: [{ key: "nytta", labelSv: "Hur användbart?", labelEn: "How useful?", kind: "rating" }],
      },
    });
    expect(put.statusCode).toBe(200);
    const series = (
      await t.request({
        method: "POST",
        url: "/api/event-series",
        as: coordinator,
        payload: { name: "Workshopserien" },
      })
    ).json();
    const event = await createEvent(t, coordinator, {
      typeKey: "workshop",
      seriesId: series.id,
      theme: "Arbetsplatslärande",
    });
    const token = tokenOf(
      (await register(t, event.id, { name: "Pia Pil", email: "pia@example.se" })).json().manageUrl,
    );
    await t.request({
      method: "PATCH",
      url: `/api/events/${event.id}`,
      as: coordinator,
      payload: { sessions: [{ date: daysAgo(3), startTime: "13:00", endTime: "16:00" }] },
    });
    const own = await t.request({ method: "GET", url: `/api/public/registrations/${token}` });
    expect(own.json().feedback.questions.map((q: { key: string }) => q.key)).toEqual(["nytta"]);
    const wrong = await t.request({
      method: "POST",
      url: `/api/public/registrations/${token}/feedback`,
      payload: { rating: 5, answers: { nytta: 9 } },
    });
    expect(wrong.json().errors["answers.nytta"]).toEqual(["Välj ett betyg från 1 till 5."]);
    await t.request({
      method: "POST",
      url: `/api/public/registrations/${token}/feedback`,
      payload: { rating: 5, comment: "Mycket givande", answers: { nytta: 4 } },
    });
    const summary = await t.request({
      method: "GET",
      url: `/api/events/${event.id}/feedback`,
      as: coordinator,
    });
    expect(summary.json()).toMatchObject({
      responses: 1,
      averageRating: 5,
      distribution: [0, 0, 0, 0, 1],
      comments: [{ rating: 5, comment: "Mycket givande" }],
      questions: [{ key: "nytta", label: "Hur användbart?", average: 4 }],
    });
    const bySeries = await t.request({
      method: "GET",
      url: "/api/events/feedback-summary?by=series",
      as: coordinator,
    });
    expect(bySeries.json().rows).toContainEqual(
      expect.objectContaining({ label: "Workshopserien", responses: 1, averageRating: 5 }),
    );
    const byTheme = await t.request({
      method: "GET",
      url: "/api/events/feedback-summary?by=theme",
      as: coordinator,
    });
    expect(byTheme.json().rows[0]).toMatchObject({ label: "Arbetsplatslärande", events: 1 });
    expect(
      (await t.request({ method: "GET", url: `/api/events/${event.id}/feedback`, as: partner })).statusCode,
    ).toBe(403);
  });

  it("refuses duplicate keys, unknown types and others than organisers", async () => {
    const q = { key: "a1", labelSv: "A", labelEn: "A", kind: "text" };
    const dup = await t.request({
      method: "PUT",
      url: "/api/events/feedback-questions/workshop",
      as: coordinator,
      payload: { questions: [q, q] },
    });
    expect(dup.json().errors.questions).toEqual(["Två frågor har samma nyckel."]);
    const unknown = await t.request({
      method: "PUT",
      url: "/api/events/feedback-questions/finnsinte",
      as: coordinator,
      payload: { questions: [] },
    });
    expect(unknown.statusCode).toBe(404);
    const forbidden = await t.request({
      method: "PUT",
      url: "/api/events/feedback-questions/workshop",
      as: partner,
      payload: { questions: [] },
    });
    expect(forbidden.statusCode).toBe(403);
    const list = await t.request({ method: "GET", url: "/api/events/feedback-questions", as: partner });
    expect(list.json().items[0].typeKey).toBe("workshop");
  });
});
