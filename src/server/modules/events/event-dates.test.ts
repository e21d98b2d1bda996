import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";

// Issue 15, item 6: an event takes an activity's startDate/endDate (optionally with times) beside sessions.
const t = await createTestApp();
const coordinator = await t.login(demo.coordinator);

const post = (payload: Record<string, unknown>) =>
  t.request({ method: "POST", url: "/api/events", as: coordinator, payload });
const get = async (id: string) =>
  (await t.request({ method: "GET", url: `/api/events/${id}`, as: coordinator })).json();
const sessionsOf = (event: { sessions: { date: string; startTime: string; endTime: string }[] }) =>
  event.sessions.map((s) => `${s.date} ${s.startTime}–${s.endTime}`);

describe("POST /api/events with startDate/endDate", () => {
  it("makes one session of a one-day event, with the given times in Swedish local time", async () => {
    const res = await post({
      title: "Frukostseminarium",
      typeKey: "seminarium",
      startDate: "2027-11-09",
      endDate: "2027-11-09",
      startTime: "08:00",
      endTime: "09:30",
    });
    expect(res.statusCode).toBe(201);
    const event = await get(res.json().id);
    expect(event).toMatchObject({ startDate: "2027-11-09", endDate: "2027-11-09" });
    expect(sessionsOf(event)).toEqual(["2027-11-09 08:00–09:30"]);
    expect(event.sessions[0].startsAt).toBe("2027-11-09T07:00:00.000Z");
  });

  it("makes a session a day over a span, 09:00–16:00 when no time is given", async () => {
    const res = await post({
      title: "Konferens om bemötande",
      typeKey: "konferens",
      startDate: "2027-11-09",
      endDate: "2027-11-10",
    });
    expect(res.statusCode).toBe(201);
    const event = await get(res.json().id);
    expect(event).toMatchObject({ startDate: "2027-11-09", endDate: "2027-11-10" });
    expect(sessionsOf(event)).toEqual(["2027-11-09 09:00–16:00", "2027-11-10 09:00–16:00"]);
  });

  it("takes ISO date-times, with an offset or as Swedish local time", async () => {
    const res = await post({
      title: "Workshop",
      typeKey: "workshop",
      startDate: "2027-06-01T12:00:00Z",
      endDate: "2027-06-01T15:30",
    });
    expect(res.statusCode).toBe(201);
    const event = await get(res.json().id);
    // 12:00 UTC is 14:00 in Swedish summer time.
    expect(sessionsOf(event)).toEqual(["2027-06-01 14:00–15:30"]);
  });

  it("accepts sessions and dates together when they agree", async () => {
    const res = await post({
      title: "Två orter",
      typeKey: "konferens",
      startDate: "2027-11-09",
      endDate: "2027-11-10",
      sessions: [
        { date: "2027-11-10", startTime: "09:00", endTime: "16:00", place: "Västerås" },
        { date: "2027-11-09", startTime: "10:00", endTime: "16:00", place: "Eskilstuna" },
      ],
    });
    expect(res.statusCode).toBe(201);
    const event = await get(res.json().id);
    expect(event).toMatchObject({ startDate: "2027-11-09", endDate: "2027-11-10" });
    // The sessions given are kept as they are (places and hours), not replaced by the dates' defaults.
    expect(sessionsOf(event).sort()).toEqual(["2027-11-09 10:00–16:00", "2027-11-10 09:00–16:00"]);
  });

  it("answers 422 naming the field when dates and sessions disagree or the dates are wrong", async () => {
    const disagree = await post({
      title: "Fel",
      typeKey: "seminarium",
      startDate: "2027-11-08",
      sessions: [{ date: "2027-11-09", startTime: "09:00", endTime: "10:00" }],
    });
    expect(disagree.statusCode).toBe(422);
    expect(disagree.json().errors).toEqual({
      startDate: ["Datumen stämmer inte med evenemangets tillfällen (sessions)."],
    });
    const badEnd = await post({
      title: "Fel",
      typeKey: "seminarium",
      startDate: "2027-11-09",
      endDate: "2027-11-09",
      startTime: "10:00",
      endTime: "09:00",
    });
    expect(badEnd.json().errors).toEqual({ endTime: ["Sluttiden måste vara efter starttiden."] });
    const backwards = await post({
      title: "Fel",
      typeKey: "seminarium",
      startDate: "2027-11-09",
      endDate: "2027-11-01",
    });
    expect(Object.keys(backwards.json().errors)).toEqual(["endDate"]);
    const notADate = await post({ title: "Fel", typeKey: "seminarium", startDate: "9 nov" });
    expect(notADate.statusCode).toBe(422);
    expect(notADate.json().errors.startDate).toEqual([
      "Ange ett datum som ÅÅÅÅ-MM-DD eller datum och tid, t.ex. 2027-11-09T09:00.",
    ]);
    const endOnly = await post({ title: "Fel", typeKey: "seminarium", endDate: "2027-11-09" });
    expect(endOnly.json().errors).toEqual({ startDate: ["Fältet måste fyllas i."] });
  });
});

describe("PATCH /api/events/:id with startDate/endDate", () => {
  it("moves the event: the dates replace its sessions", async () => {
    const created = await post({ title: "Flyttas", typeKey: "seminarium", startDate: "2027-03-01" });
    const id = created.json().id;
    const res = await t.request({
      method: "PATCH",
      url: `/api/events/${id}`,
      as: coordinator,
      payload: { startDate: "2027-03-08", startTime: "13:00", endTime: "15:00" },
    });
    expect(res.statusCode).toBe(200);
    const event = await get(id);
    expect(event).toMatchObject({ startDate: "2027-03-08", endDate: "2027-03-08" });
    expect(sessionsOf(event)).toEqual(["2027-03-08 13:00–15:00"]);
  });
});
