import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { createEvent, mailsTo, register } from "../events/events.fixture.ts";

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

describe("newsletter subscription with double opt-in", () => {
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
    const invitation = (await mailsTo(t, "quinn@example.se")).find(
      (m) => m.subject === "Inbjudan: Nästa nätverksträff",
    )!;
    expect(invitation.text).toContain(`/evenemang/${next.id}`);
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
