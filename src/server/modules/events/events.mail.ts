import { inArray } from "drizzle-orm";
import QRCode from "qrcode";
import type { Tx } from "../../db/client.ts";
import { templateTranslator } from "../../platform/i18n.ts";
import { escapeHtml, type MailAttachment, type OutgoingMail, queueMails } from "../mail/index.ts";
import { loadEvent, type RegistrationEvent } from "./events.records.ts";
import { eventRegistrations } from "./events.schema.ts";
import { type IcsEvent, toIcs } from "./ics.ts";
import { stockholmParts } from "./local-time.ts";
import { qrPngOffThread } from "./qr-images.ts";
import { qrPng } from "./qr-png.mjs";
import type { RegistrationRow } from "./registrations.write.ts";

/**
 * The e-mails of registration: the confirmation (or waiting-list notice) with the event as an `.ics`
 * invitation, the personal link, and the check-in code as a QR image; and the notice to someone who
 * got a place from the waiting list. Both are queued in the mail outbox inside the registration's
 * transaction, never sent during the request (a slow SMTP server must not cost anyone their place).
 */

export const manageUrl = (publicUrl: string, token: string) => `${publicUrl}/evenemang/anmalan/${token}`;
export const eventUrl = (publicUrl: string, eventId: string) => `${publicUrl}/evenemang/${eventId}`;
/** What the QR code holds: the organiser's check-in page with the code filled in. */
export const checkinUrl = (publicUrl: string, eventId: string, code: string) =>
  `${publicUrl}/evenemang/hantera/${eventId}/incheckning?kod=${code}`;

export function icsEventsOf(record: RegistrationEvent, publicUrl: string): IcsEvent[] {
  const description = [record.activity.description, eventUrl(publicUrl, record.id)]
    .filter(Boolean)
    .join("\n\n");
  return record.sessions.map((s, i) => ({
    uid: `${s.id}@samspel`,
    title:
      record.sessions.length > 1
        ? `${record.activity.title} (${i + 1}/${record.sessions.length})`
        : record.activity.title,
    description,
    location: s.place ?? record.activity.place,
    url: eventUrl(publicUrl, record.id),
    start: s.startsAt,
    end: s.endsAt,
    updatedAt: record.event.updatedAt,
    cancelled: record.activity.status === "cancelled",
  }));
}

/**
 * The event's invitation, the same in every confirmation: made once per read of the event (registrations in a
 * rush share one read, registrations.service.ts) and per public address.
 */
const icsOfRecord = new WeakMap<RegistrationEvent, Map<string, string>>();
export function eventIcs(record: RegistrationEvent, publicUrl: string) {
  const byUrl = icsOfRecord.get(record) ?? new Map<string, string>();
  icsOfRecord.set(record, byUrl);
  const ics = byUrl.get(publicUrl) ?? toIcs(icsEventsOf(record, publicUrl), { name: record.activity.title });
  byUrl.set(publicUrl, ics);
  return ics;
}

/** "tisdag 9 november 2010 kl. 09:00–16:00, MDH Eskilstuna" per session. */
export function whenText(record: Pick<RegistrationEvent, "sessions" | "activity">): string[] {
  // Made once per read of the event: a formatter costs far more to make than to use.
  const made = whenTexts.get(record);
  if (made) return made;
  const text = record.sessions.map((s) => {
    const place = s.place ?? record.activity.place;
    const times = `${stockholmParts(s.startsAt).time}–${stockholmParts(s.endsAt).time}`;
    return `${stockholmDay.format(s.startsAt)} kl. ${times}${place ? `, ${place}` : ""}`;
  });
  whenTexts.set(record, text);
  return text;
}
const whenTexts = new WeakMap<object, string[]>();
const stockholmDay = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** The check-in code as the PNG the mail shows inline (qr-png.mjs), drawn here: promotions and rare redraws. */
export const checkinQrPng = (publicUrl: string, eventId: string, code: string): Buffer =>
  qrPng(checkinUrl(publicUrl, eventId, code));

/** The same image drawn on the QR thread (qr-images.ts) while a registration waits for the database. */
export const checkinQrPngOffThread = (publicUrl: string, eventId: string, code: string) =>
  qrPngOffThread(checkinUrl(publicUrl, eventId, code));

function attachments(record: RegistrationEvent, publicUrl: string, qrImage: Buffer): MailAttachment[] {
  return [
    {
      filename: "evenemang.ics",
      content: eventIcs(record, publicUrl),
      contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    },
    { filename: "incheckning.png", content: qrImage, contentType: "image/png", cid: "checkin-qr" },
  ];
}

function html(paragraphs: string[], withQr: boolean) {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("\n");
  const qr = withQr
    ? '<p><img src="cid:checkin-qr" width="240" height="240" alt="QR-kod för incheckning"></p>'
    : "";
  return `<!doctype html><html lang="sv"><body style="font-family:sans-serif;line-height:1.5">${body}${qr}</body></html>`;
}

/** The attachments of a confirmation (the event as .ics, the QR code), made before the event lock. */
export function confirmationAttachments(record: RegistrationEvent, publicUrl: string, qrImage: Buffer) {
  return attachments(record, publicUrl, qrImage);
}

export interface Confirmation {
  record: RegistrationEvent;
  row: Pick<RegistrationRow, "name" | "email" | "status" | "checkinCode">;
  token: string;
  position: number | null;
  publicUrl: string;
  /** From `confirmationAttachments`, for `row.checkinCode`. */
  attachments: MailAttachment[];
}

/**
 * The confirmation (or waiting-list notice) of a registration with an e-mail address: text only,
 * no I/O, so it is cheap to write under the event lock once the status and place are known. The
 * registration queues it in its own transaction; the outbox sender delivers it after the commit.
 */
export function confirmationMail(c: Confirmation & { row: { email: string } }): OutgoingMail {
  const { record, row, publicUrl } = c;
  const t = templateTranslator("sv");
  const waitlisted = row.status === "waitlisted";
  const paragraphs = [
    t("events.mail.greeting", { name: row.name }),
    waitlisted
      ? t("events.mail.waitlisted", { title: record.activity.title, position: c.position })
      : t("events.mail.confirmed", { title: record.activity.title }),
    ...whenText(record),
    t("events.mail.manage", { url: manageUrl(publicUrl, c.token) }),
    t("events.mail.code", { code: row.checkinCode }),
    t("events.mail.calendar"),
    t("events.mail.signature"),
  ];
  return {
    to: row.email,
    subject: waitlisted
      ? t("events.mail.subjectWaitlisted", { title: record.activity.title })
      : t("events.mail.subjectConfirmed", { title: record.activity.title }),
    text: paragraphs.join("\n\n"),
    html: html(paragraphs, true),
    attachments: c.attachments,
  };
}

/**
 * Queues the notice to everyone who moved up from the waiting list, in the transaction that
 * promoted them (so a place is never given without telling its holder).
 */
export async function queuePromotions(tx: Tx, eventId: string, ids: string[], publicUrl: string) {
  if (!ids.length) return;
  const t = templateTranslator("sv");
  const record = await loadEvent(tx, eventId);
  if (!record) return;
  const rows = await tx.select().from(eventRegistrations).where(inArray(eventRegistrations.id, ids));
  const mails = [];
  for (const row of rows) {
    if (!row.email) continue;
    const paragraphs = [
      t("events.mail.greeting", { name: row.name }),
      t("events.mail.promoted", { title: record.activity.title }),
      ...whenText(record),
      t("events.mail.code", { code: row.checkinCode }),
      t("events.mail.manageEarlier"),
      t("events.mail.signature"),
    ];
    const qrImage = checkinQrPng(publicUrl, record.id, row.checkinCode);
    mails.push({
      mail: {
        to: row.email,
        subject: t("events.mail.subjectPromoted", { title: record.activity.title }),
        text: paragraphs.join("\n\n"),
        html: html(paragraphs, true),
        attachments: attachments(record, publicUrl, qrImage),
      },
    });
  }
  // One insert for all: raising the capacity can promote many at once.
  await queueMails(tx, "events.promotion", mails);
}

export async function checkinQrSvg(publicUrl: string, eventId: string, code: string) {
  // One byte-mode segment, as the mail's image (qr-png.mjs): the same code on the page and in the mail.
  return QRCode.toString([{ data: Buffer.from(checkinUrl(publicUrl, eventId, code)), mode: "byte" }], {
    type: "svg",
    margin: 1,
  });
}
