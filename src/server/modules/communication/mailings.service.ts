import { randomUUID } from "node:crypto";
import { asc, desc, eq, sql } from "drizzle-orm";
import {
  type MailingInput,
  mailingInput,
  type SegmentCriteria,
  type SegmentInput,
  segmentCriteria,
  segmentInput,
  sendMailingInput,
} from "../../../common/communication.ts";
import { sv as organisationWords } from "../../../common/i18n/organisations.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor, systemActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { translator } from "../../platform/i18n.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { parseWith } from "../../platform/validation.ts";
import { eventUrl, loadEvent, whenText } from "../events/index.ts";
import type { OutgoingMail } from "../mail/index.ts";
import { nudgeMailSender, onDeliveryOutcome, queueMails } from "../mail/index.ts";
import { audienceChoices, recipientsDigest, recipientsOf } from "./audience.ts";
import { communicationPolicy } from "./communication.policy.ts";
import { mailingDeliveries, mailings, segments } from "./communication.schema.ts";

/** Segments, and mailings (newsletters and invitations to an event) that are previewed, then sent once. */

const by = (actor: Actor) => (actor.userId === systemActor.userId ? null : actor.userId);
function authorise(actor: Actor | null): asserts actor is Actor {
  requireActor(actor);
  authorize(actor, communicationPolicy, "communicate", null);
}

export async function listSegments(db: Db, actor: Actor | null) {
  authorise(actor);
  return db.select().from(segments).orderBy(asc(segments.sortKey));
}

/** The audiences to choose from, each with its recipient count today (issue 15). */
export async function listAudiences(db: Db, actor: Actor | null) {
  authorise(actor);
  const saved = await db.select().from(segments).orderBy(asc(segments.sortKey));
  const types = organisationWords.organisations.types as Record<string, string>;
  return audienceChoices(db, saved, (key) => types[key] ?? key);
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
 *
 * One transaction locks the mailing row, checks that it is still a draft, marks it sent and queues one
 * outbox mail per recipient: a second click waits for the lock and then finds it sent (409), so no one
 * gets the newsletter twice, and the request never waits for the SMTP server.
 * `recipientCount` starts as the number queued; a recipient given up after the last attempt is
 * counted out again (`recordOutcome`), so once delivery is done it counts the mails that arrived.
 * Every mail carries its own one-click unsubscribe link (List-Unsubscribe, RFC 8058).
 */
export async function sendMailing(
  db: Db,
  actor: Actor | null,
  id: string,
  input: unknown,
  publicUrl: string,
) {
  await getMailing(db, actor, id);
  const expected = parseWith(sendMailingInput, input);
  const sent = await writeWithAudit(db, actor, async (tx, audit) => {
    const [mailing] = await tx.select().from(mailings).where(eq(mailings.id, id)).for("update");
    if (!mailing) throw notFound();
    if (mailing.status !== "draft") throw new AppError("mailingSent");
    const recipients = await recipientsOf(tx, mailing.criteria);
    if (
      recipients.length !== expected.expectedRecipients ||
      recipientsDigest(recipients) !== expected.recipientsDigest
    )
      throw new AppError("recipientsChanged");
    const compose = await composer(tx, mailing, publicUrl);
    const deliveries = recipients.map((recipient) => ({
      id: randomUUID(),
      token: newToken(),
      recipient,
    }));
    for (let i = 0; i < deliveries.length; i += INSERT_CHUNK)
      await tx.insert(mailingDeliveries).values(
        deliveries.slice(i, i + INSERT_CHUNK).map((d) => ({
          id: d.id,
          mailingId: id,
          email: d.recipient.email,
          name: d.recipient.name,
          unsubscribeTokenHash: hashToken(d.token),
          status: "queued",
        })),
      );
    await queueMails(
      tx,
      MAILING_PURPOSE,
      deliveries.map((d) => ({ mail: compose(d.recipient.email, d.token), ref: d.id })),
    );
    const [row] = await tx
      .update(mailings)
      .set({ status: "sent", sentAt: new Date(), recipientCount: recipients.length, updatedAt: new Date() })
      .where(eq(mailings.id, id))
      .returning();
    await audit({
      action: "mailing.send",
      entityType: "mailing",
      entityId: id,
      after: { recipients: recipients.length, queued: recipients.length },
    });
    return row;
  });
  nudgeMailSender(db);
  return sent;
}

const MAILING_PURPOSE = "communication.mailing";
const INSERT_CHUNK = 1000;

/** The mail one recipient gets: the same text for all, with their own unsubscribe link. */
async function composer(tx: Tx, mailing: typeof mailings.$inferSelect, publicUrl: string) {
  const t = translator("sv");
  const event = mailing.eventId ? await loadEvent(tx, mailing.eventId) : null;
  const eventLines = event ? [event.activity.title, ...whenText(event), eventUrl(publicUrl, event.id)] : [];
  return (to: string, token: string): OutgoingMail => ({
    to,
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
}

/**
 * The sender's word on one recipient: delivered, or given up after the last attempt — then the
 * mailing's count no longer includes them. Runs in the sender's transaction with the outbox update.
 */
async function recordOutcome(
  tx: Tx,
  outcome: { ref: string; status: "sent" | "failed"; error: string | null },
) {
  const [delivery] = await tx
    .update(mailingDeliveries)
    .set({
      status: outcome.status,
      error: outcome.error?.slice(0, 500) ?? null,
      ...(outcome.status === "sent" ? { sentAt: sql`now()` } : {}),
    })
    .where(eq(mailingDeliveries.id, outcome.ref))
    .returning({ mailingId: mailingDeliveries.mailingId });
  if (delivery && outcome.status === "failed")
    await tx
      .update(mailings)
      .set({ recipientCount: sql`greatest(coalesce(${mailings.recipientCount}, 0) - 1, 0)` })
      .where(eq(mailings.id, delivery.mailingId));
}
onDeliveryOutcome(MAILING_PURPOSE, recordOutcome);
