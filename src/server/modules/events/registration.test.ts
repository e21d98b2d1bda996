import { createRequire } from "node:module";
import { sql } from "drizzle-orm";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { createEvent, daysAgo, mailsTo, parseIcs, register, tokenOf } from "./test/events.fixture.ts";

const t = await createTestApp();
// An independent PNG decoder (qrcode's own dependency, untyped) reads the QR image of the mail.
const { PNG } = createRequire(import.meta.url)("pngjs") as {
  PNG: { sync: { read(png: Buffer): { width: number; data: Buffer } } };
};
const missing = "00000000-0000-4000-8000-000000000001";
const coordinator = await t.login(demo.coordinator);

const peopleWith = async (email: string) =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from people where email = ${email}`,
    )
  )[0].n;

describe("GET /api/public/events and /api/public/events/:id", () => {
  it("shows the public upcoming public events without logging in, never internal ones", async () => {
    const open = await createEvent(t, coordinator, {
      title: "Frukostmöte om kompetens",
      typeKey: "frukostmote",
    });
    const internal = await createEvent(t, coordinator, {
      title: "Internt planeringsmöte",
      visibility: "internal",
    });
    const res = await t.request({ method: "GET", url: "/api/public/events" });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((e: { id: string }) => e.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(internal.id);
    expect(res.json().items[0]).not.toHaveProperty("counts");
    const month = await t.request({ method: "GET", url: "/api/public/events?month=2027-03" });
    expect(month.json().items.map((e: { id: string }) => e.id)).toContain(open.id);
    const otherMonth = await t.request({ method: "GET", url: "/api/public/events?month=2027-04" });
    expect(otherMonth.json().items.map((e: { id: string }) => e.id)).not.toContain(open.id);
    const bad = await t.request({ method: "GET", url: "/api/public/events?month=2027-13" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.month).toEqual(["Ange en månad som ÅÅÅÅ-MM."]);

    const page = await t.request({ method: "GET", url: `/api/public/events/${open.id}` });
    expect(page.json()).toMatchObject({
      title: "Frukostmöte om kompetens",
      registration: "open",
      placesLeft: null,
    });
    expect((await t.request({ method: "GET", url: `/api/public/events/${internal.id}` })).statusCode).toBe(
      404,
    );
    expect((await t.request({ method: "GET", url: `/api/public/events/${missing}` })).statusCode).toBe(404);
  });
});

describe("POST /api/public/events/:id/registrations", () => {
  it("registers without an account, mails a confirmation with an .ics and a QR code, and creates the person", async () => {
    const event = await createEvent(t, coordinator, {
      title: "Jakten på den rätte",
      questions: { organisation: "required", role: "optional" },
      sessions: [
        { date: "2027-09-05", startTime: "10:00", endTime: "15:00", place: "Mälarbåten" },
        { date: "2027-09-06", startTime: "10:00", endTime: "12:00", place: "MDH Eskilstuna" },
      ],
    });
    const res = await register(t, event.id, {
      name: "Anna Andersson",
      email: "Anna.Andersson@Example.se",
      organisation: "Eskilstuna kommun",
      role: "HR-strateg",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: "confirmed", waitlistPosition: null, emailSent: true });
    expect(res.json().manageUrl).toMatch(/\/evenemang\/anmalan\/[\w-]{40,}$/);

    const [mail] = await mailsTo(t, "anna.andersson@example.se");
    expect(mail.subject).toBe("Bekräftelse: Jakten på den rätte");
    expect(mail.text).toContain("Du är anmäld till Jakten på den rätte.");
    expect(mail.text).toContain(res.json().manageUrl);
    expect(mail.text).toContain(res.json().checkinCode);
    const ics = mail.attachments.find((a) => a.filename === "evenemang.ics")!;
    expect(ics.contentType).toBe("text/calendar");
    const vevents = parseIcs(ics.content.toString("utf8"));
    expect(vevents).toHaveLength(2);
    expect(vevents[0]).toMatchObject({
      summary: "Jakten på den rätte (1/2)",
      location: "Mälarbåten",
      start: "2027-09-05T08:00:00.000Z",
      end: "2027-09-05T13:00:00.000Z",
    });
    expect(mail.attachments.find((a) => a.filename === "incheckning.png")?.contentType).toBe("image/png");
    expect(await peopleWith("anna.andersson@example.se")).toBe(1);
  });

  it("does not duplicate the person who registers twice with the same e-mail", async () => {
    const first = await createEvent(t, coordinator);
    const second = await createEvent(t, coordinator);
    await register(t, first.id, { name: "Bo Berg", email: "bo.berg@example.se" });
    const again = await register(t, first.id, { name: "Bo Berg", email: "BO.BERG@example.se" });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(
      "Den e-postadressen är redan anmäld till evenemanget. Använd länken i bekräftelsemejlet för att ändra eller avboka.",
    );
    expect((await register(t, second.id, { name: "Bo Berg", email: "bo.berg@example.se" })).statusCode).toBe(
      201,
    );
    expect(await peopleWith("bo.berg@example.se")).toBe(1);
  });

  it("answers missing and wrong answers with 422 and Swedish messages", async () => {
    const event = await createEvent(t, coordinator, {
      questions: { organisation: "required", municipality: "required" },
    });
    const noEmail = await register(t, event.id, { name: "Utan Post" });
    expect(noEmail.statusCode).toBe(422);
    expect(noEmail.json().errors).toEqual({ email: ["Fältet måste fyllas i."] });
    const badEmail = await register(t, event.id, { name: "", email: "inte-en-adress" });
    expect(badEmail.json().errors).toEqual({
      name: ["Fältet måste fyllas i."],
      email: ["Ange en giltig e-postadress."],
    });
    const required = await register(t, event.id, { name: "Cia Ceder", email: "cia@example.se" });
    expect(required.statusCode).toBe(422);
    expect(required.json().errors).toEqual({
      organisation: ["Fältet måste fyllas i."],
      municipality: ["Fältet måste fyllas i."],
    });
  });

  it("puts people on the waiting list over capacity, or says full when the event has no waiting list", async () => {
    const listed = await createEvent(t, coordinator, { capacity: 1 });
    await register(t, listed.id, { name: "Dan Dahl", email: "dan@example.se" });
    const waiting = await register(t, listed.id, { name: "Eva Ek", email: "eva@example.se" });
    expect(waiting.json()).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    const [mail] = await mailsTo(t, "eva@example.se");
    expect(mail.text).toContain("så du står på väntelistan (plats 1)");

    const full = await createEvent(t, coordinator, { capacity: 1, waitlist: false });
    await register(t, full.id, { name: "Dan Dahl", email: "dan@example.se" });
    const refused = await register(t, full.id, { name: "Eva Ek", email: "eva@example.se" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe("Evenemanget är fullbokat och har ingen väntelista.");
  });

  it("refuses registration before it opens, after it closes, and for internal or unknown events", async () => {
    const closed = await createEvent(t, coordinator, { registrationClosesAt: "2026-01-01T12:00:00+01:00" });
    const late = await register(t, closed.id, { name: "Fia Falk", email: "fia@example.se" });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe("Anmälan till evenemanget är stängd.");
    const notYet = await createEvent(t, coordinator, { registrationOpensAt: "2027-02-01T12:00:00+01:00" });
    const early = await register(t, notYet.id, { name: "Fia Falk", email: "fia@example.se" });
    expect(early.json().detail).toBe("Anmälan till evenemanget har inte öppnat ännu.");
    const internal = await createEvent(t, coordinator, { visibility: "internal" });
    expect((await register(t, internal.id, { name: "Fia Falk", email: "fia@example.se" })).statusCode).toBe(
      404,
    );
    expect((await register(t, missing, { name: "Fia Falk", email: "fia@example.se" })).statusCode).toBe(404);
  });

  it("never exceeds capacity and loses no one under 50 concurrent registrations", async () => {
    const event = await createEvent(t, coordinator, { capacity: 10 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        register(t, event.id, { name: `Person ${i}`, email: `p${i}@load.example.se` }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const statuses = results.map((r) => r.json().status);
    expect(statuses.filter((s) => s === "confirmed")).toHaveLength(10);
    expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(40);
    const positions = results.map((r) => r.json().waitlistPosition).filter((p) => p !== null);
    expect(new Set(positions).size).toBe(40);
    const detail = await t.request({ method: "GET", url: `/api/events/${event.id}`, as: coordinator });
    expect(detail.json().counts).toMatchObject({ registered: 10, waitlisted: 40 });
  }, 240_000);

  it("registers one of ten sent at once with the same e-mail, and tells the other nine in Swedish", async () => {
    // The registration is written before the event lock, so the unique e-mail per event decides: each of the
    // nine waits for the first to commit and then finds it — no second place, no deadlock, no 500.
    const event = await createEvent(t, coordinator, { capacity: 5 });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        register(t, event.id, { name: "Dubbel Anmälan", email: "dubbel@example.se" }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.json().title).toMatch(/redan anmäld/i);
    const detail = await t.request({ method: "GET", url: `/api/events/${event.id}`, as: coordinator });
    expect(detail.json().counts).toMatchObject({ registered: 1, waitlisted: 0 });
    expect(await mailsTo(t, "dubbel@example.se")).toHaveLength(1);
  }, 240_000);
});

describe("40 people registering at once for 10 places", () => {
  const burst = (eventId: string, tag: string) =>
    Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        register(t, eventId, { name: `Rusning ${tag} ${i}`, email: `rusning-${tag}-${i}@example.se` }),
      ),
    );

  it("gives exactly 10 places, each with its confirmation and a QR code that opens its check-in, and waitlists the rest in order", async () => {
    const event = await createEvent(t, coordinator, { title: "Rusningsdagen", capacity: 10 });
    const results = await burst(event.id, "a");
    expect(results.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
    const confirmed = results.filter((r) => r.json().status === "confirmed");
    const waitlisted = results.filter((r) => r.json().status === "waitlisted");
    expect(confirmed).toHaveLength(10);
    expect(waitlisted.map((r) => r.json().waitlistPosition).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    for (const [i, res] of results.entries()) {
      const [mail, ...more] = await mailsTo(t, `rusning-a-${i}@example.se`);
      expect(more).toHaveLength(0);
      const { status, waitlistPosition, checkinCode, manageUrl } = res.json();
      expect(mail.text).toContain(manageUrl);
      if (status === "confirmed") {
        expect(mail.subject).toBe("Bekräftelse: Rusningsdagen");
        expect(mail.text).toContain(checkinCode);
        // The image in the mail is the QR code of this registration's own check-in link.
        const png = mail.attachments.find((a) => a.filename === "incheckning.png")!;
        const publicUrl = manageUrl.split("/evenemang/")[0];
        const url = `${publicUrl}/evenemang/hantera/${event.id}/incheckning?kod=${checkinCode}`;
        expect(qrModulesOf(png.content)).toEqual(qrModulesFor(url));
      } else {
        expect(mail.text).toContain(`så du står på väntelistan (plats ${waitlistPosition})`);
      }
    }
    const detail = await t.request({ method: "GET", url: `/api/events/${event.id}`, as: coordinator });
    expect(detail.json().counts).toMatchObject({ registered: 10, waitlisted: 30 });
  }, 240_000);

  it("refuses the 30 over capacity as full when the event has no waiting list, and mails only the 10", async () => {
    const event = await createEvent(t, coordinator, { capacity: 10, waitlist: false });
    const results = await burst(event.id, "b");
    expect(results.filter((r) => r.statusCode === 201).map((r) => r.json().status)).toEqual(
      Array(10).fill("confirmed"),
    );
    const refused = results.filter((r) => r.statusCode === 409);
    expect(refused).toHaveLength(30);
    expect(new Set(refused.map((r) => r.json().detail))).toEqual(
      new Set(["Evenemanget är fullbokat och har ingen väntelista."]),
    );
    const mailed = [];
    for (let i = 0; i < 40; i++) mailed.push((await mailsTo(t, `rusning-b-${i}@example.se`)).length);
    expect(mailed.filter((n) => n === 1)).toHaveLength(10);
    expect(mailed.filter((n) => n === 0)).toHaveLength(30);
    const people = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from people where email like 'rusning-b-%'`,
    );
    expect(people[0].n).toBe(10); // the refused are not kept in the register
  }, 240_000);
});

/** The dark modules of a QR code PNG: the quiet zone found from the top-left finder pattern. */
function qrModulesOf(png: Buffer): string[] {
  const image = PNG.sync.read(png);
  const dark = (x: number, y: number) => image.data[(y * image.width + x) * 4] < 128;
  let start = 0;
  while (!dark(start, start)) start++;
  let end = start;
  while (dark(end, start)) end++;
  const cell = (end - start) / 7; // the finder pattern is 7 modules wide
  const size = Math.round((image.width - 2 * start) / cell);
  return Array.from({ length: size }, (_, y) =>
    Array.from({ length: size }, (_, x) =>
      dark(Math.floor(start + (x + 0.5) * cell), Math.floor(start + (y + 0.5) * cell)) ? "#" : ".",
    ).join(""),
  );
}

/** The modules of the text as one byte-mode segment, as the mail's image holds it. */
function qrModulesFor(text: string): string[] {
  const { modules } = QRCode.create([{ data: Buffer.from(text), mode: "byte" }], {});
  return Array.from({ length: modules.size }, (_, y) =>
    Array.from({ length: modules.size }, (_, x) => (modules.get(y, x) ? "#" : ".")).join(""),
  );
}

describe("the personal link /api/public/registrations/:token", () => {
  it("shows, changes and cancels only the participant's own registration; the place goes to the waiting list", async () => {
    const event = await createEvent(t, coordinator, { capacity: 1, questions: { municipality: "optional" } });
    const mine = await register(t, event.id, { name: "Gun Gran", email: "gun@example.se" });
    const other = await register(t, event.id, { name: "Hans Hed", email: "hans@example.se" });
    const token = tokenOf(mine.json().manageUrl);
    const otherToken = tokenOf(other.json().manageUrl);

    const view = await t.request({ method: "GET", url: `/api/public/registrations/${token}` });
    expect(view.json()).toMatchObject({ name: "Gun Gran", status: "confirmed", event: { id: event.id } });
    expect(
      (await t.request({ method: "GET", url: `/api/public/registrations/${otherToken}` })).json().name,
    ).toBe("Hans Hed");
    const guessed = await t.request({ method: "GET", url: `/api/public/registrations/${"x".repeat(43)}` });
    expect(guessed.statusCode).toBe(404);

    const changed = await t.request({
      method: "PATCH",
      url: `/api/public/registrations/${token}`,
      payload: { municipality: "Västerås", consentInvitations: true },
    });
    expect(changed.json()).toMatchObject({ municipality: "Västerås", consentInvitations: true });
    const bad = await t.request({
      method: "PATCH",
      url: `/api/public/registrations/${token}`,
      payload: { name: "" },
    });
    expect(bad.statusCode).toBe(422);

    const cancelled = await t.request({ method: "POST", url: `/api/public/registrations/${token}/cancel` });
    expect(cancelled.json().status).toBe("cancelled");
    expect(
      (await t.request({ method: "GET", url: `/api/public/registrations/${otherToken}` })).json().status,
    ).toBe("confirmed");
    expect((await mailsTo(t, "hans@example.se")).map((m) => m.subject)).toContain(
      `Du har fått en plats: ${event.title}`,
    );
    const afterCancel = await t.request({
      method: "PATCH",
      url: `/api/public/registrations/${token}`,
      payload: { name: "G" },
    });
    expect(afterCancel.statusCode).toBe(409);
  });

  it("takes feedback once, after the event", async () => {
    const event = await createEvent(t, coordinator);
    const token = tokenOf(
      (await register(t, event.id, { name: "Ida Ivarsson", email: "ida@example.se" })).json().manageUrl,
    );
    const early = await t.request({
      method: "POST",
      url: `/api/public/registrations/${token}/feedback`,
      payload: { rating: 5 },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe("Du kan lämna återkoppling när evenemanget är över.");
    await t.request({
      method: "PATCH",
      url: `/api/events/${event.id}`,
      as: coordinator,
      payload: { sessions: [{ date: daysAgo(3), startTime: "09:00", endTime: "10:00" }] },
    });
    expect(
      (await t.request({ method: "GET", url: `/api/public/registrations/${token}` })).json().feedback.open,
    ).toBe(true);
    const bad = await t.request({
      method: "POST",
      url: `/api/public/registrations/${token}/feedback`,
      payload: { rating: 6 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.rating).toEqual(["Välj ett betyg från 1 till 5."]);
    const ok = await t.request({
      method: "POST",
      url: `/api/public/registrations/${token}/feedback`,
      payload: { rating: 4, comment: "Bra föreläsare." },
    });
    expect(ok.statusCode).toBe(204);
    const twice = await t.request({
      method: "POST",
      url: `/api/public/registrations/${token}/feedback`,
      payload: { rating: 1 },
    });
    expect(twice.json().detail).toBe("Du har redan lämnat återkoppling. Tack!");
  });

  it("serves the check-in code as an SVG QR code", async () => {
    const event = await createEvent(t, coordinator);
    const token = tokenOf(
      (await register(t, event.id, { name: "Jan Jung", email: "jan@example.se" })).json().manageUrl,
    );
    const res = await t.request({
      method: "GET",
      url: `/api/public/registrations/${token}/checkin-code.svg`,
    });
    expect(res.headers["content-type"]).toContain("image/svg+xml");
    expect(res.body).toContain("<svg");
  });
});

describe("GET /api/public/calendar.ics", () => {
  it("is a calendar that parses, with the public events' sessions and no internal ones", async () => {
    const open = await createEvent(t, coordinator, {
      title: "Branschmingel, informationsdesign",
      typeKey: "mingel",
    });
    await createEvent(t, coordinator, { title: "Hemligt möte", visibility: "internal" });
    const res = await t.request({ method: "GET", url: "/api/public/calendar.ics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/calendar");
    const events = parseIcs(res.body);
    expect(events.map((e) => e.summary)).toContain("Branschmingel, informationsdesign");
    expect(events.map((e) => e.summary)).not.toContain("Hemligt möte");
    expect(events.find((e) => e.summary.startsWith("Branschmingel"))?.uid).toMatch(/@samspel$/);
    const single = await t.request({ method: "GET", url: `/api/public/events/${open.id}/calendar.ics` });
    expect(parseIcs(single.body)).toHaveLength(1);
  });
});
