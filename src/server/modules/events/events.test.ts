import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { createEvent, mailsTo, register } from "./test/events.fixture.ts";

const t = await createTestApp();
const missing = "00000000-0000-4000-8000-000000000001";
const [coordinator, partner, admin] = await Promise.all([
  t.login(demo.coordinator),
  t.login(demo.partner),
  t.login(demo.admin),
]);

describe("POST /api/events", () => {
  it("creates an event as an activity with two sessions, the places summarised and all counts apart", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/events",
      as: coordinator,
      payload: {
        title: "Bemötande av varandra och andra",
        typeKey: "konferens",
        visibility: "public",
        capacity: 400,
        theme: "Mångfald",
        sessions: [
          { date: "2027-11-09", startTime: "09:00", endTime: "16:00", place: "Eskilstuna" },
          { date: "2027-11-10", startTime: "09:00", endTime: "16:00", place: "Västerås" },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const event = res.json();
    expect(event).toMatchObject({
      title: "Bemötande av varandra och andra",
      type: { labelSv: "Konferens" },
      place: "Eskilstuna resp. Västerås",
      startDate: "2027-11-09",
      endDate: "2027-11-10",
      capacity: 400,
      placesLeft: 400,
      registration: "open",
      counts: { registered: 0, waitlisted: 0, attended: 0, estimated: null },
      abilities: { update: true, manageParticipants: true },
    });
    // Swedish local time (winter: UTC+1) is kept as the instant and shown back as entered.
    expect(event.sessions[0]).toMatchObject({
      date: "2027-11-09",
      startTime: "09:00",
      startsAt: "2027-11-09T08:00:00.000Z",
    });
    // The event is in the activity register too, with the same id.
    const activity = await t.request({ method: "GET", url: `/api/activities/${event.id}`, as: coordinator });
    expect(activity.json()).toMatchObject({ typeKey: "konferens", place: "Eskilstuna resp. Västerås" });
  });

  it("answers bad input with 422 and Swedish messages per field", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/events",
      as: coordinator,
      payload: {
        title: " ",
        typeKey: "seminarium",
        capacity: 0,
        visibility: "hemlig",
        sessions: [{ date: "2027-02-30", startTime: "10:00", endTime: "09:00" }],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toMatchObject({
      title: ["Fältet måste fyllas i."],
      capacity: ["Antalet platser måste vara minst 1 (lämna tomt för obegränsat)."],
      visibility: ["Välj publikt eller internt."],
      "sessions.0.date": ["Ange ett datum som ÅÅÅÅ-MM-DD."],
      "sessions.0.endTime": ["Sluttiden måste vara efter starttiden."],
    });
    const notMeeting = await t.request({
      method: "POST",
      url: "/api/events",
      as: coordinator,
      payload: { title: "Praktik", typeKey: "praktik" },
    });
    expect(notMeeting.statusCode).toBe(422);
    expect(notMeeting.json().errors.typeKey).toEqual([
      "Välj en typ av mötesplats, t.ex. seminarium, workshop eller konferens.",
    ]);
  });

  it("lets only the collaboration office create events", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/events",
      as: partner,
      payload: { title: "X", typeKey: "mingel" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe("Du har inte behörighet att göra detta.");
    expect(
      (await t.request({ method: "POST", url: "/api/events", payload: { title: "X" } })).statusCode,
    ).toBe(401);
  });
});

describe("GET /api/events", () => {
  it("lists public and internal events by date for anyone logged in, filtered by visibility", async () => {
    const internal = await createEvent(t, coordinator, {
      title: "Styrelsens internat",
      visibility: "internal",
      sessions: [{ date: "2027-01-15", startTime: "10:00", endTime: "15:00" }],
    });
    const res = await t.request({ method: "GET", url: "/api/events?visibility=internal", as: partner });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { id: string }) => e.id)).toEqual([internal.id]);
    expect(res.json().items[0].abilities).toEqual({ update: false, manageParticipants: false });
    const all = await t.request({ method: "GET", url: "/api/events?limit=1", as: partner });
    expect(all.json().items).toHaveLength(1);
    expect(all.json().nextCursor).toBeTruthy();
    const next = await t.request({
      method: "GET",
      url: `/api/events?limit=50&cursor=${all.json().nextCursor}`,
      as: partner,
    });
    expect(next.json().items.map((e: { id: string }) => e.id)).not.toContain(all.json().items[0].id);
  });

  it("answers the public with 401 and a bad filter with 422", async () => {
    expect((await t.request({ method: "GET", url: "/api/events" })).statusCode).toBe(401);
    const bad = await t.request({ method: "GET", url: "/api/events?visibility=x", as: partner });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.visibility).toEqual(["Välj publikt eller internt."]);
  });
});

describe("GET and PATCH /api/events/:id", () => {
  it("shows one event and answers an unknown one with 404", async () => {
    const event = await createEvent(t, coordinator);
    const res = await t.request({ method: "GET", url: `/api/events/${event.id}`, as: partner });
    expect(res.json()).toMatchObject({ id: event.id, visibility: "public" });
    const none = await t.request({ method: "GET", url: `/api/events/${missing}`, as: partner });
    expect(none.statusCode).toBe(404);
    expect(none.json().detail).toBe("Det du sökte finns inte, eller så saknar du behörighet att se det.");
  });

  it("records an estimated count apart from registrations and attendance", async () => {
    const event = await createEvent(t, coordinator, { registrationEnabled: false });
    const res = await t.request({
      method: "PATCH",
      url: `/api/events/${event.id}`,
      as: coordinator,
      payload: { estimatedParticipants: 90, status: "done" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "done",
      registration: "none",
      counts: { registered: 0, attended: 0, estimated: 90 },
    });
  });

  it("moves people up from the waiting list when places are added, and tells them by e-mail", async () => {
    const event = await createEvent(t, coordinator, { capacity: 1 });
    await register(t, event.id, { name: "Först Först", email: "forst@example.se" });
    const second = await register(t, event.id, { name: "Andra Andrasson", email: "andra@example.se" });
    expect(second.json()).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    const res = await t.request({
      method: "PATCH",
      url: `/api/events/${event.id}`,
      as: coordinator,
      payload: { capacity: 2 },
    });
    expect(res.json().counts).toMatchObject({ registered: 2, waitlisted: 0 });
    const mails = await mailsTo(t, "andra@example.se");
    expect(mails.map((m) => m.subject)).toEqual([
      `Väntelista: ${event.title}`,
      `Du har fått en plats: ${event.title}`,
    ]);
  });

  it("refuses bad input, others than organisers, and unknown events", async () => {
    const event = await createEvent(t, coordinator);
    const bad = await t.request({
      method: "PATCH",
      url: `/api/events/${event.id}`,
      as: coordinator,
      payload: {
        registrationOpensAt: "2027-02-01T10:00:00+01:00",
        registrationClosesAt: "2027-01-01T10:00:00+01:00",
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.registrationClosesAt).toEqual(["Anmälan måste stänga efter att den öppnat."]);
    const forbidden = await t.request({
      method: "PATCH",
      url: `/api/events/${event.id}`,
      as: partner,
      payload: { capacity: 5 },
    });
    expect(forbidden.statusCode).toBe(403);
    const none = await t.request({
      method: "PATCH",
      url: `/api/events/${missing}`,
      as: coordinator,
      payload: { capacity: 5 },
    });
    expect(none.statusCode).toBe(404);
  });
});

describe("POST /api/admin/events/purge-dietary-needs", () => {
  it("deletes dietary needs once the event is over, on an administrator's request", async () => {
    const event = await createEvent(t, coordinator, {
      questions: { dietary: true },
      sessions: [{ date: "2027-05-05", startTime: "12:00", endTime: "13:00" }],
    });
    await register(t, event.id, {
      name: "Glutenfri Person",
      email: "gluten@example.se",
      dietary: "Glutenfritt",
    });
    const list = async () =>
      (
        await t.request({ method: "GET", url: `/api/events/${event.id}/participants`, as: coordinator })
      ).json().items;
    expect((await list())[0].dietary).toBe("Glutenfritt");
    expect(
      (await t.request({ method: "POST", url: "/api/admin/events/purge-dietary-needs", as: coordinator }))
        .statusCode,
    ).toBe(403);
    // Not over yet: kept.
    const early = await t.request({
      method: "POST",
      url: "/api/admin/events/purge-dietary-needs",
      as: admin,
    });
    expect(early.json().purged).toBe(0);
    await t.request({
      method: "PATCH",
      url: `/api/events/${event.id}`,
      as: coordinator,
      payload: { sessions: [{ date: "2025-05-05", startTime: "12:00", endTime: "13:00" }] },
    });
    const res = await t.request({ method: "POST", url: "/api/admin/events/purge-dietary-needs", as: admin });
    expect(res.json().purged).toBe(1);
    expect((await list())[0].dietary).toBeNull();
  });
});
