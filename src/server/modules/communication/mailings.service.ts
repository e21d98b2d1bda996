import { asc, desc, eq } from "drizzle-orm";
import {
  type MailingInput,
  mailingInput,
  type SegmentCriteria,
  type SegmentInput,
  segmentCriteria,
  segmentInput,
  sendMailingInput,
} from "../../../common/communication.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db } from "../../db/client.ts";
import { type Actor, requireActor, systemActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { AppError, fieldErrors, forbidden, notFound } from "../../platform/errors.ts";
import { translator } from "../../platform/i18n.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { eventUrl, whenText } from "../events/events.mail.ts";
import { loadEvent } from "../events/events.records.ts";
import { sendMail } from "../mail/mail.service.ts";
import { parseWith } from "../organisations/register-helpers.ts";
import { recipientsDigest, recipientsOf } from "./audience.ts";
import { canCommunicate } from "./communication.policy.ts";
import { mailingDeliveries, mailings, segments } from "./communication.schema.ts";

/** Segments, and mailings (newsletters and invitations to an event) that are previewed, then sent once. */

const by = (actor: Actor) => (actor.userId === systemActor.userId ? null : actor.userId);
function authorise(actor: Actor | null): asserts actor is Actor {
  requireActor(actor);
  if (!canCommunicate(actor)) throw forbidden();
}

export async function listSegments(db: Db, actor: Actor | null) {
  authorise(actor);
  return db.select().from(segments).orderBy(asc(segments.sortKey));
}

export async function createSegment(db: Db, actor: Actor | null, input: SegmentInput) {
  authorise(actor);
  const data = parseWith(segmentInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(segments)
      .values({
        name: data.name,
        sortKey: swedishSortKey(data.name),
        criteria: data.criteria,
        createdBy: by(actor),
      })
      .returning();
    await audit({ action: "segment.create", entityType: "segment", entityId: row.id, after: row });
    return row;
  });
}

/** Exactly who would receive a mailing to these criteria, with the digest the send must repeat. */
export async function previewCriteria(db: Db, actor: Actor | null, input: unknown) {
  authorise(actor);
  const criteria = parseWith(segmentCriteria, input);
  const recipients = await recipientsOf(db, criteria);
  return { count: recipients.length, digest: recipientsDigest(recipients), recipients };
}

async function criteriaOf(db: Db, data: { segmentId?: string | null; criteria?: SegmentCriteria }) {
  if (data.segmentId) {
    const [segment] = await db.select().from(segments).where(eq(segments.id, data.segmentId));
    if (!segment) throw fieldErrors({ segmentId: "validation.communication.unknownSegment" });
    return segment.criteria;
  }
  return data.criteria ?? parseWith(segmentCriteria, {});
}

export async function createMailing(db: Db, actor: Actor | null, input: MailingInput) {
  authorise(actor);
  const data = parseWith(mailingInput, input);
  if (data.eventId && !(await loadEvent(db, data.eventId)))
    throw fieldErrors({ eventId: "validation.communication.unknownEvent" });
  const criteria = await criteriaOf(db, data);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(mailings)
      .values({
        kind: data.kind,
        subject: data.subject,
        body: data.body,
        eventId: data.eventId ?? null,
        criteria,
        createdBy: by(actor),
      })
      .returning();
    await audit({ action: "mailing.create", entityType: "mailing", entityId: row.id, after: row });
    return row;
  });
}

export async function listMailings(db: Db, actor: Actor | null) {
  authorise(actor);
  return db.select().from(mailings).orderBy(desc(mailings.createdAt)).limit(500);
}

export async function getMailing(db: Db, actor: Actor | null, id: string) {
  authorise(actor);
  const [row] = await db.select().from(mailings).where(eq(mailings.id, id));
  if (!row) throw notFound();
  return row;
}

export async function previewMailing(db: Db, actor: Actor | null, id: string) {
  const mailing = await getMailing(db, actor, id);
  if (mailing.status === "sent") {
    const sent = await db
      .select({ email: mailingDeliveries.email, name: mailingDeliveries.name })
      .from(mailingDeliveries)
      .where(eq(mailingDeliveries.mailingId, id))
      .orderBy(asc(mailingDeliveries.email));
    const recipients = sent.map((s) => ({ ...s, sources: [] }));
    return { count: recipients.length, digest: recipientsDigest(recipients), recipients };
  }
  const recipients = await recipientsOf(db, mailing.criteria);
  return { count: recipients.length, digest: recipientsDigest(recipients), recipients };
}

const unsubscribeUrl = (publicUrl: string, token: string) => `${publicUrl}/api/public/unsubscribe/${token}`;
const unsubscribePage = (publicUrl: string, token: string) => `${publicUrl}/nyhetsbrev/avregistrera/${token}`;

/**
 * Sends a previewed mailing once. The caller repeats the count and digest of the preview: if the list
 * changed since (someone unsubscribed or registered), nothing is sent and the answer is 409.
 * Every mail carries its own one-click unsubscribe link (List-Unsubscribe, RFC 8058).
 */
export async function sendMailing(
  db: Db,
  actor: Actor | null,
  id: string,
  input: unknown,
  publicUrl: string,
) {
  const mailing = await getMailing(db, actor, id);
  const expected = parseWith(sendMailingInput, input);
  if (mailing.status === "sent")
    throw new AppError("mailingSent", "communication.errors.mailingSent", {}, undefined, 409);
  const recipients = await recipientsOf(db, mailing.criteria);
  if (
    recipients.length !== expected.expectedRecipients ||
    recipientsDigest(recipients) !== expected.recipientsDigest
  )
    throw new AppError("recipientsChanged", "communication.errors.recipientsChanged", {}, undefined, 409);
  const t = translator("sv");
  const event = mailing.eventId ? await loadEvent(db, mailing.eventId) : null;
  const eventLines = event ? [event.activity.title, ...whenText(event), eventUrl(publicUrl, event.id)] : [];
  let sent = 0;
  for (const recipient of recipients) {
    const token = newToken();
    let error: string | null = null;
    try {
      await sendMail({
        to: recipient.email,
        subject: mailing.subject,
        text: [
          mailing.body,
          ...eventLines,
          t("communication.mail.unsubscribe", { url: unsubscribePage(publicUrl, token) }),
        ]
          .filter(Boolean)
          .join("\n\n"),
        headers: {
          "List-Unsubscribe": `<${unsubscribeUrl(publicUrl, token)}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      });
      sent++;
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 500) : "error";
    }
    await db.insert(mailingDeliveries).values({
      mailingId: id,
      email: recipient.email,
      name: recipient.name,
      unsubscribeTokenHash: hashToken(token),
      status: error ? "failed" : "sent",
      error,
    });
  }
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx
      .update(mailings)
      .set({ status: "sent", sentAt: new Date(), recipientCount: sent, updatedAt: new Date() })
      .where(eq(mailings.id, id))
      .returning();
    await audit({
      action: "mailing.send",
      entityType: "mailing",
      entityId: id,
      after: { recipients: recipients.length, sent },
    });
    return row;
  });
}
