import { inArray } from "drizzle-orm";
import QRCode from "qrcode";
import type { Tx } from "../../db/client.ts";
import { translator } from "../../platform/i18n.ts";
import {
  escapeHtml,
  type MailAttachment,
  type MailOrigin,
  queueAnonymousMail,
  queueMail,
  queueMails,
} from "../mail/index.ts";
import { type EventRecord, loadEvent } from "./events.records.ts";
import { eventRegistrations } from "./events.schema.ts";
import { type IcsEvent, toIcs } from "./ics.ts";
import { stockholmParts } from "./local-time.ts";
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

export function icsEventsOf(record: EventRecord, publicUrl: string): IcsEvent[] {
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

export function eventIcs(record: EventRecord, publicUrl: string) {
  return toIcs(icsEventsOf(record, publicUrl), { name: record.activity.title });
}

/** "tisdag 9 november 2010 kl. 09:00–16:00, MDH Eskilstuna" per session. */
export function whenText(record: EventRecord): string[] {
  const day = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  return record.sessions.map((s) => {
    const place = s.place ?? record.activity.place;
    const times = `${stockholmParts(s.startsAt).time}–${stockholmParts(s.endsAt).time}`;
    return `${day.format(s.startsAt)} kl. ${times}${place ? `, ${place}` : ""}`;
  });
}

/** The check-in code as the PNG the mail shows inline (~10 ms of CPU: rendered outside the event lock). */
export function checkinQrPng(publicUrl: string, eventId: string, code: string) {
  return QRCode.toBuffer(checkinUrl(publicUrl, eventId, code), { margin: 1, width: 240 });
}

function attachments(record: EventRecord, publicUrl: string, qrPng: Buffer): MailAttachment[] {
  return [
    {
      filename: "evenemang.ics",
      content: eventIcs(record, publicUrl),
      contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    },
    { filename: "incheckning.png", content: qrPng, contentType: "image/png", cid: "checkin-qr" },
  ];
}

function html(paragraphs: string[], withQr: boolean) {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("\n");
  const qr = withQr
    ? '<p><img src="cid:checkin-qr" width="240" height="240" alt="QR-kod för incheckning"></p>'
    : "";
  return `<!doctype html><html lang="sv"><body style="font-family:sans-serif;line-height:1.5">${body}${qr}</body></html>`;
}

export interface Confirmation {
  record: EventRecord;
  row: RegistrationRow;
  token: string;
  position: number | null;
  publicUrl: string;
  /** The QR code of `row.checkinCode` if rendered beforehand; rendered here otherwise. */
  qrPng?: Buffer;
  /** Who registered, when the public did: the mail is then capped per address and per source. */
  origin?: MailOrigin;
}

/**
 * Queues the confirmation (or waiting-list notice) in the registration's own transaction; returns
 * whether there was an address to write to. The outbox sender delivers it after the commit.
 */
export async function queueConfirmation(tx: Tx, c: Confirmation): Promise<boolean> {
  const { record, row, publicUrl } = c;
  if (!row.email) return false;
  const t = translator("sv");
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
  const qrPng = c.qrPng ?? (await checkinQrPng(publicUrl, record.id, row.checkinCode));
  const mail = {
    to: row.email,
    subject: waitlisted
      ? t("events.mail.subjectWaitlisted", { title: record.activity.title })
      : t("events.mail.subjectConfirmed", { title: record.activity.title }),
    text: paragraphs.join("\n\n"),
    html: html(paragraphs, true),
    attachments: attachments(record, publicUrl, qrPng),
  };
  // Over the cap on anonymous mail nothing is queued, and the registrant is told the same.
  if (c.origin) await queueAnonymousMail(tx, "events.confirmation", mail, c.origin);
  else await queueMail(tx, "events.confirmation", mail);
  return true;
}

/**
 * Queues the notice to everyone who moved up from the waiting list, in the transaction that
 * promoted them (so a place is never given without telling its holder).
 */
export async function queuePromotions(tx: Tx, eventId: string, ids: string[], publicUrl: string) {
  if (!ids.length) return;
  const t = translator("sv");
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
    const qrPng = await checkinQrPng(publicUrl, record.id, row.checkinCode);
    mails.push({
      mail: {
        to: row.email,
        subject: t("events.mail.subjectPromoted", { title: record.activity.title }),
        text: paragraphs.join("\n\n"),
        html: html(paragraphs, true),
        attachments: attachments(record, publicUrl, qrPng),
      },
    });
  }
  // One insert for all: raising the capacity can promote many at once.
  await queueMails(tx, "events.promotion", mails);
}

export async function checkinQrSvg(publicUrl: string, eventId: string, code: string) {
  return QRCode.toString(checkinUrl(publicUrl, eventId, code), { type: "svg", margin: 1 });
}
