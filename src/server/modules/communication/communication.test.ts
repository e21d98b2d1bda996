import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { createEvent, mailsTo, register } from "../events/test/events.fixture.ts";
import { sendMail } from "../mail/mail.service.ts";
import { MAX_ATTEMPTS, mailSenderFor, sendDueMail } from "../mail/mail-sender.ts";
import { mailingDeliveries } from "./communication.schema.ts";

const t = await createTestApp();
const missing = "00000000-0000-4000-8000-000000000001";
const [coordinator, partner] = await Promise.all([t.login(demo.coordinator), t.login(demo.partner)]);

const preview = async (criteria: Record<string, unknown> = {}) =>
  (
    await t.request({
      method: "POST",
      url: "/api/communication/segments/preview",
      as: coordinator,
      payload: criteria,
    })
  ).json();
const emails = (p: { recipients: { email: string }[] }) => p.recipients.map((r) => r.email);

/** Participants of a new event on `theme` who consented to invitations, and a previewed newsletter to them. */
async function newsletterTo(theme: string, addresses: string[], subject: string) {
  const event = await createEvent(t, coordinator, { theme });
  for (const email of addresses)
    await register(t, event.id, { name: email.split("@")[0], email, consentInvitations: true });
  const mailing = await t.request({
    method: "POST",
    url: "/api/communication/mailings",
    as: coordinator,
    payload: {
      kind: "newsletter",
      subject,
      body: "Nytt från samverkanskontoret.",
      criteria: { themes: [theme] },
    },
  });
  const id: string = mailing.json().id;
  const recipients = (
    await t.request({ method: "GET", url: `/api/communication/mailings/${id}/recipients`, as: coordinator })
  ).json();
  expect(emails(recipients)).toEqual([...addresses].sort());
  const send = () =>
    t.request({
      method: "POST",
      url: `/api/communication/mailings/${id}/send`,
      as: coordinator,
      payload: { expectedRecipients: recipients.count, recipientsDigest: recipients.digest },
    });
  const get = async () =>
    (await t.request({ method: "GET", url: `/api/communication/mailings/${id}`, as: coordinator })).json();
  return { id, send, get };
}

const deliveryStatus = async (mailingId: string) =>
  t.database.db
    .select({
      email: mailingDeliveries.email,
      status: mailingDeliveries.status,
      error: mailingDeliveries.error,
    })
    .from(mailingDeliveries)
    .where(eq(mailingDeliveries.mailingId, mailingId))
    .orderBy(mailingDeliveries.email);

describe("newsletter subscription with double opt-in", () => {
  it("answers parallel subscriptions of one new address alike and keeps one subscriber", async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.request({
          method: "POST",
          url: "/api/public/newsletter/subscriptions",
          payload: { email: "parallell@example.se" },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(202));
    const list = await t.request({ method: "GET", url: "/api/communication/subscribers", as: coordinator });
    const rows = list.json().items.filter((s: { email: string }) => s.email === "parallell@example.se");
    expect(rows).toHaveLength(1);
  });

  it("sends a confirmation link first and counts the address only once it is followed", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/public/newsletter/subscriptions",
      payload: {
        email: "Prenumerant@Example.se",
        name: "Pär Prenumerant",
        themes: ["Matematik"],
        municipality: "Västerås",
      },
    });
    expect(res.statusCode).toBe(202);
    expect(emails(await preview())).not.toContain("prenumerant@example.se");
    const [mail] = await mailsTo(t, "prenumerant@example.se");
    expect(mail.subject).toBe("Bekräfta din prenumeration på nyhetsbrevet");
    const token = mail.text!.match(/nyhetsbrev\/bekrafta\/([\w-]+)/)![1];
    const confirmed = await t.request({ method: "POST", url: `/api/public/newsletter/confirm/${token}` });
    expect(confirmed.json()).toEqual({ email: "prenumerant@example.se" });
    expect(emails(await preview({ themes: ["matematik"], municipalities: ["Västerås"] }))).toContain(
      "prenumerant@example.se",
    );
    // Subscribing again answers the same and sends nothing: no one learns who subscribes.
    await t.request({
      method: "POST",
      url: "/api/public/newsletter/subscriptions",
      payload: { email: "prenumerant@example.se" },
    });
    expect(await mailsTo(t, "prenumerant@example.se")).toHaveLength(1);
    const list = await t.request({ method: "GET", url: "/api/communication/subscribers", as: coordinator });
    expect(list.json().items[0]).toMatchObject({ email: "prenumerant@example.se", status: "active" });
  });

  it("answers a bad address with 422 and an unknown confirmation link with 404", async () => {
    const bad = await t.request({
      method: "POST",
      url: "/api/public/newsletter/subscriptions",
      payload: { email: "nej" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.email).toEqual(["Ange en giltig e-postadress."]);
    const unknown = await t.request({
      method: "POST",
      url: `/api/public/newsletter/confirm/${"y".repeat(43)}`,
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe("segments, preview and invitations", () => {
  it("reaches consenting participants by theme and past attendance, previews exactly who, and sends once", async () => {
    const event = await createEvent(t, coordinator, {
      theme: "Lärcentra",
      questions: { municipality: "optional" },
    });
    const consented = await register(t, event.id, {
      name: "Quinn Qvist",
      email: "quinn@example.se",
      municipality: "Flen",
      consentInvitations: true,
    });
    await register(t, event.id, { name: "Rut Ros", email: "rut@example.se" });
    await t.request({
      method: "POST",
      url: `/api/events/${event.id}/attendance`,
      as: coordinator,
      payload: { code: consented.json().checkinCode },
    });
    const byTheme = await preview({ themes: ["Lärcentra"] });
    expect(emails(byTheme)).toEqual(["quinn@example.se"]);
    expect(emails(await preview({ attendedEventIds: [event.id] }))).toEqual(["quinn@example.se"]);
    expect(emails(await preview({ municipalities: ["Nyköping"] }))).toEqual([]);

    const segment = await t.request({
      method: "POST",
      url: "/api/communication/segments",
      as: coordinator,
      payload: { name: "Lärcentrafolk", criteria: { themes: ["Lärcentra"] } },
    });
    expect(segment.statusCode).toBe(201);
    const next = await createEvent(t, coordinator, {
      title: "Nästa nätverksträff",
      typeKey: "natverkstraff",
    });
    const noEvent = await t.request({
      method: "POST",
      url: "/api/communication/mailings",
      as: coordinator,
      payload: { kind: "invitation", subject: "Välkommen", body: "Hej!", segmentId: segment.json().id },
    });
    expect(noEvent.json().errors.eventId).toEqual(["Välj evenemanget som inbjudan gäller."]);
    const mailing = await t.request({
      method: "POST",
      url: "/api/communication/mailings",
      as: coordinator,
      payload: {
        kind: "invitation",
        subject: "Inbjudan: Nästa nätverksträff",
        body: "Välkommen!",
        eventId: next.id,
        segmentId: segment.json().id,
      },
    });
    expect(mailing.statusCode).toBe(201);
    const id = mailing.json().id;
    const recipients = (
      await t.request({ method: "GET", url: `/api/communication/mailings/${id}/recipients`, as: coordinator })
    ).json();
    expect(recipients).toMatchObject({
      count: 1,
      recipients: [{ email: "quinn@example.se", sources: ["participant"] }],
    });

    const stale = await t.request({
      method: "POST",
      url: `/api/communication/mailings/${id}/send`,
      as: coordinator,
      payload: { expectedRecipients: 2, recipientsDigest: recipients.digest },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain("Mottagarlistan har ändrats sedan förhandsgranskningen.");
    const sent = await t.request({
      method: "POST",
      url: `/api/communication/mailings/${id}/send`,
      as: coordinator,
      payload: { expectedRecipients: 1, recipientsDigest: recipients.digest },
    });
    expect(sent.json()).toMatchObject({ status: "sent", recipientCount: 1 });
    expect(await deliveryStatus(id)).toEqual([{ email: "quinn@example.se", status: "queued", error: null }]);
    const invitation = (await mailsTo(t, "quinn@example.se")).find(
      (m) => m.subject === "Inbjudan: Nästa nätverksträff",
    )!;
    expect(invitation.text).toContain(`/evenemang/${next.id}`);
    expect(await deliveryStatus(id)).toEqual([{ email: "quinn@example.se", status: "sent", error: null }]);
    const line = (name: string) =>
      (invitation.headerLines.find((h) => h.key === name)?.line ?? "").replace(/\r?\n\s+/g, " ");
    expect(line("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const header = line("list-unsubscribe").replace(/^List-Unsubscribe:\s*/, "");
    const again = await t.request({
      method: "POST",
      url: `/api/communication/mailings/${id}/send`,
      as: coordinator,
      payload: { expectedRecipients: 1, recipientsDigest: recipients.digest },
    });
    expect(again.json().detail).toBe("Utskicket är redan skickat.");

    // One click, as a mail program does it (RFC 8058), and the address is out of every later list.
    const path = header.replace(/^<https?:\/\/[^/]+/, "").replace(/>\s*$/, "");
    const unsubscribed = await t.request({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(unsubscribed.statusCode).toBe(200);
    expect(emails(await preview({ themes: ["Lärcentra"] }))).toEqual([]);
  });

  it("sends a mailing once when send is clicked twice at the same moment: one 409, one mail each", async () => {
    const addresses = ["dubbel-a@example.se", "dubbel-b@example.se", "dubbel-c@example.se"];
    const subject = "Nyhetsbrev: bara en gång";
    const mailing = await newsletterTo("Dubbelklick", addresses, subject);
    const answers = await Promise.all([mailing.send(), mailing.send()]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!;
    expect(refused.json().detail).toBe("Utskicket är redan skickat.");
    expect(answers.find((a) => a.statusCode === 200)!.json()).toMatchObject({
      status: "sent",
      recipientCount: 3,
    });
    await sendDueMail(t.database.db);
    for (const address of addresses) {
      const mails = (await mailsTo(t, address)).filter((m) => m.subject === subject);
      expect(mails).toHaveLength(1);
      expect(mails[0].text).toContain("/nyhetsbrev/avregistrera/");
    }
    expect((await deliveryStatus(mailing.id)).map((d) => d.status)).toEqual(["sent", "sent", "sent"]);
    expect(await mailing.get()).toMatchObject({ status: "sent", recipientCount: 3 });
  });

  it("keeps a mailing sent while the SMTP server is down, retries, and counts out a recipient it gave up on", async () => {
    const subject = "Nyhetsbrev: servern svarar inte";
    const mailing = await newsletterTo("Nertid", ["nere@example.se"], subject);
    const sender = mailSenderFor(t.database.db);
    sender.send = async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:25");
    };
    const log = sender.log;
    sender.log = () => {};
    try {
      const sent = await mailing.send();
      expect(sent.json()).toMatchObject({ status: "sent", recipientCount: 1 });
      const day = 24 * 60 * 60_000;
      // Every attempt but the last: still waiting for a retry, still counted.
      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
        await sendDueMail(t.database.db, new Date(Date.now() + (attempt - 1) * day));
        expect(await deliveryStatus(mailing.id)).toEqual([
          { email: "nere@example.se", status: "queued", error: null },
        ]);
      }
      expect(await mailing.get()).toMatchObject({ status: "sent", recipientCount: 1 });
      await sendDueMail(t.database.db, new Date(Date.now() + MAX_ATTEMPTS * day));
      const [failed] = await deliveryStatus(mailing.id);
      expect(failed).toMatchObject({ email: "nere@example.se", status: "failed" });
      expect(failed.error).toContain("ECONNREFUSED");
      expect(await mailing.get()).toMatchObject({ status: "sent", recipientCount: 0 });
      // Sent is sent: no second send of the same mailing because the first did not arrive.
      expect((await mailing.send()).statusCode).toBe(409);
    } finally {
      sender.send = sendMail;
      sender.log = log;
    }
    expect((await mailsTo(t, "nere@example.se")).filter((m) => m.subject === subject)).toHaveLength(0);
  });

  it("keeps it to the collaboration office and answers unknown mailings with 404", async () => {
    expect(
      (await t.request({ method: "GET", url: "/api/communication/mailings", as: partner })).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: "POST", url: "/api/communication/segments/preview", payload: {} }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.request({ method: "GET", url: `/api/communication/mailings/${missing}`, as: coordinator }))
        .statusCode,
    ).toBe(404);
    const bad = await t.request({
      method: "POST",
      url: "/api/communication/segments",
      as: coordinator,
      payload: { name: "" },
    });
    expect(bad.statusCode).toBe(422);
  });
});
