import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { createEvent, mailsTo, register } from "../events/test/events.fixture.ts";
import { type OutgoingMail, sendMail } from "./mail.service.ts";
import { MAX_ATTEMPTS, MailSender, mailSenderFor, sendDueMail } from "./mail-sender.ts";
import { queueMail } from "./outbox.ts";

const t = await createTestApp();
const db = t.database.db;
const [admin, coordinator] = await Promise.all([t.login(demo.admin), t.login(demo.coordinator)]);

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const outbox = async (status: string) =>
  (await t.request({ method: "GET", url: `/api/admin/mail-outbox?status=${status}`, as: admin })).json()
    .items as { recipient: string; attempts: number; lastError: string | null; purpose: string }[];

/** Plays an SMTP server that refuses every connection, for the sender of this test's database. */
function smtpDown() {
  const sender = mailSenderFor(db);
  sender.send = async () => {
    throw new Error("connect ECONNREFUSED 127.0.0.1:25");
  };
  sender.log = () => {};
  return () => {
    sender.send = sendMail;
  };
}

describe("the mail outbox", () => {
  it("keeps a registration when the SMTP server is down, and delivers its confirmation on a later attempt", async () => {
    const event = await createEvent(t, coordinator);
    const smtpBack = smtpDown();
    const res = await register(t, event.id, { name: "Olle Offline", email: "olle@example.se" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: "confirmed", emailSent: true });
    await sendDueMail(db); // the first attempt fails

    const [queued] = (await outbox("queued")).filter((m) => m.recipient === "olle@example.se");
    expect(queued).toMatchObject({ purpose: "events.confirmation", attempts: 1 });
    expect(queued.lastError).toContain("ECONNREFUSED");
    const participants = await t.request({
      method: "GET",
      url: `/api/events/${event.id}/participants`,
      as: coordinator,
    });
    expect(participants.json().items.map((p: { email: string }) => p.email)).toContain("olle@example.se");

    smtpBack();
    // Not before its back-off: the retry waits a minute.
    expect((await sendDueMail(db)).sent).toBe(0);
    expect(await mailsTo(t, "olle@example.se")).toHaveLength(0);
    await sendDueMail(db, later(2));
    const [mail] = await mailsTo(t, "olle@example.se");
    expect(mail.subject).toBe(`Bekräftelse: ${event.title}`);
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual(["evenemang.ics", "incheckning.png"]);
    expect((await outbox("sent")).map((m) => m.recipient)).toContain("olle@example.se");
  });

  it("queues no mail for a registration that is refused", async () => {
    const event = await createEvent(t, coordinator);
    await register(t, event.id, { name: "Dubbel Anmäld", email: "dubbel@example.se" });
    const again = await register(t, event.id, { name: "Dubbel Anmäld", email: "dubbel@example.se" });
    expect(again.statusCode).toBe(409);
    expect(await mailsTo(t, "dubbel@example.se")).toHaveLength(1);
  });

  it("gives up after the last attempt and keeps the error for administrators", async () => {
    const event = await createEvent(t, coordinator);
    const smtpBack = smtpDown();
    await register(t, event.id, { name: "Gunnel Geschlossen", email: "gunnel@example.se" });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) await sendDueMail(db, later(attempt * 13 * 60));
    smtpBack();
    await sendDueMail(db, later(30 * 24 * 60));

    const [failed] = (await outbox("failed")).filter((m) => m.recipient === "gunnel@example.se");
    expect(failed).toMatchObject({ attempts: MAX_ATTEMPTS, purpose: "events.confirmation" });
    expect(failed.lastError).toContain("ECONNREFUSED");
    expect(await mailsTo(t, "gunnel@example.se")).toHaveLength(0);
  });

  it("fails a mail whose sender died during its last attempt instead of trying it for ever", async () => {
    const id = await queueMail(db, "test", { to: "giftig@example.se", subject: "Kraschar", text: "Hej" });
    // As a sender leaves it when the process dies mid-send on the last attempt: claimed, lease run out.
    await db.execute(sql`update mail_outbox set attempts = ${MAX_ATTEMPTS} where id = ${id}::uuid`);
    const tried: string[] = [];
    const sender = new MailSender(db);
    sender.send = async (mail) => {
      tried.push(mail.to);
    };
    sender.log = () => {};
    await sender.flush(later(20));

    expect(tried).not.toContain("giftig@example.se");
    const [failed] = (await outbox("failed")).filter((m) => m.recipient === "giftig@example.se");
    expect(failed).toMatchObject({ attempts: MAX_ATTEMPTS });
    expect(failed.lastError).toContain("avbröts");
  });

  it("sends each mail once when two senders work the same outbox at the same time", async () => {
    const recipients = Array.from({ length: 40 }, (_, i) => `samtidig${i}@example.se`);
    for (const to of recipients) await queueMail(db, "test", { to, subject: "Samtidigt", text: "Hej" });
    const delivered: string[] = [];
    const slowTransport = async (mail: OutgoingMail) => {
      await new Promise((resolve) => setTimeout(resolve, 5)); // long enough for the senders to overlap
      delivered.push(mail.to);
    };
    const [first, second] = [new MailSender(db), new MailSender(db)];
    first.send = slowTransport;
    second.send = slowTransport;
    const results = await Promise.all([first.flush(), second.flush()]);

    expect(results[0].sent + results[1].sent).toBe(40);
    expect(delivered.sort()).toEqual([...recipients].sort());
  });
});

describe("GET /api/admin/mail-outbox", () => {
  it("lists failed mail by default, for administrators", async () => {
    const smtpBack = smtpDown();
    await queueMail(db, "test", { to: "aldrig@example.se", subject: "Kommer inte fram", text: "Hej" });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) await sendDueMail(db, later(attempt * 13 * 60));
    smtpBack();
    const res = await t.request({ method: "GET", url: "/api/admin/mail-outbox", as: admin });
    expect(res.statusCode).toBe(200);
    const mine = res.json().items.find((m: { recipient: string }) => m.recipient === "aldrig@example.se");
    expect(mine).toMatchObject({ status: "failed", subject: "Kommer inte fram", attempts: MAX_ATTEMPTS });
    expect(mine.lastError).toContain("ECONNREFUSED");
    expect(res.json().items.every((m: { status: string }) => m.status === "failed")).toBe(true);
  });

  it("is for administrators only", async () => {
    const url = "/api/admin/mail-outbox?status=failed";
    expect((await t.request({ method: "GET", url, as: coordinator })).statusCode).toBe(403);
    expect((await t.request({ method: "GET", url })).statusCode).toBe(401);
  });

  it("answers an unknown status with 422", async () => {
    const res = await t.request({ method: "GET", url: "/api/admin/mail-outbox?status=lost", as: admin });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toHaveProperty("status");
  });
});
