import { crc32, deflateSync } from "node:zlib";
import { inArray } from "drizzle-orm";
import QRCode from "qrcode";
import type { Tx } from "../../db/client.ts";
import { translator } from "../../platform/i18n.ts";
import { escapeHtml, type MailAttachment, type OutgoingMail, queueMails } from "../mail/index.ts";
import { loadEvent, type RegistrationEvent } from "./events.records.ts";
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

/**
 * The check-in code as the PNG the mail shows inline, about 240 px wide: the QR matrix from `qrcode`,
 * written as a 1-bit greyscale PNG here (well under a millisecond; the library's own PNG path spends
 * tens of milliseconds of CPU per image, which 50 concurrent registrations felt as queueing).
 */
export function checkinQrPng(publicUrl: string, eventId: string, code: string): Buffer {
  const { modules } = QRCode.create(checkinUrl(publicUrl, eventId, code), {});
  const margin = 1;
  const cells = modules.size + 2 * margin;
  const scale = Math.ceil(240 / cells);
  const side = cells * scale;
  const rowBytes = Math.ceil(side / 8);
  const raw = Buffer.alloc((rowBytes + 1) * side); // each row: filter byte 0, then pixels (1 = white)
  // One pixel row per row of modules, copied `scale` times: a row of pixels is the same all through a module.
  const line = Buffer.alloc(rowBytes);
  for (let my = -margin; my < cells - margin; my++) {
    line.fill(0);
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - margin;
      const dark = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx) === 1;
      if (!dark) line[x >> 3] |= 0x80 >> (x & 7);
    }
    for (let y = (my + margin) * scale; y < (my + margin + 1) * scale; y++)
      line.copy(raw, y * (rowBytes + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale; compression, filter and interlace 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function attachments(record: RegistrationEvent, publicUrl: string, qrPng: Buffer): MailAttachment[] {
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

/** The attachments of a confirmation (the event as .ics, the QR code), made before the event lock. */
export function confirmationAttachments(record: RegistrationEvent, publicUrl: string, qrPng: Buffer) {
  return attachments(record, publicUrl, qrPng);
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
    const qrPng = checkinQrPng(publicUrl, record.id, row.checkinCode);
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
