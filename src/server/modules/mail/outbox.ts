import { desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { mailOutbox, type StoredAttachment } from "./mail.schema.ts";
import type { OutgoingMail } from "./mail.service.ts";

/**
 * Writing to the outbox. `queueMail` takes the caller's transaction: the mail is committed together
 * with the change it tells about, or not at all. After the commit the caller nudges the sender
 * (`nudgeMailSender` in mail-sender.ts) so the mail leaves within a moment.
 */

export const outboxStatuses = ["queued", "sent", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** What an e-mail is for, shown to administrators next to failed mail. */
export type MailPurpose =
  | "events.confirmation"
  | "events.promotion"
  | "communication.confirmSubscription"
  | "communication.mailing"
  | (string & {});

export async function queueMail(
  tx: Tx | Db,
  purpose: MailPurpose,
  mail: OutgoingMail,
  ref?: string,
): Promise<string> {
  const [id] = await queueMails(tx, purpose, [{ mail, ref }]);
  return id;
}

// Well below PostgreSQL's 65,535 parameters per statement with nine columns a row.
const INSERT_CHUNK = 1000;

/**
 * Many mails in few statements (a newsletter to thousands). `ref` names the queuing module's own
 * record of the mail; the sender reports the outcome to it (`onDeliveryOutcome` in mail-sender.ts).
 */
export async function queueMails(
  tx: Tx | Db,
  purpose: MailPurpose,
  mails: { mail: OutgoingMail; ref?: string }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < mails.length; i += INSERT_CHUNK) {
    const rows = await tx
      .insert(mailOutbox)
      .values(mails.slice(i, i + INSERT_CHUNK).map(({ mail, ref }) => toRow(purpose, mail, ref)))
      .returning({ id: mailOutbox.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

function toRow(purpose: MailPurpose, mail: OutgoingMail, ref?: string) {
  return {
    purpose,
    ref: ref ?? null,
    recipient: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    headers: mail.headers ?? null,
    attachments: (mail.attachments ?? []).map(
      (a): StoredAttachment => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content).toString("base64"),
        ...(a.cid ? { cid: a.cid } : {}),
      }),
    ),
  };
}

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** The message an outbox row holds, as the transport takes it. */
export function toOutgoingMail(
  row: Pick<OutboxRow, "recipient" | "subject" | "text" | "html" | "headers" | "attachments">,
): OutgoingMail {
  return {
    to: row.recipient,
    subject: row.subject,
    text: row.text,
    html: row.html ?? undefined,
    headers: row.headers ?? undefined,
    attachments: row.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content, "base64"),
      cid: a.cid,
    })),
  };
}

/** The newest outbox rows with a given status (administrators look at failed mail). */
export async function listOutbox(db: Db, status: OutboxStatus, limit = 200) {
  return db
    .select({
      id: mailOutbox.id,
      purpose: mailOutbox.purpose,
      recipient: mailOutbox.recipient,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.status, status))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}

/** Sent mail holds personal data and has done its job: deleted after `days`. */
export async function purgeSentMail(db: Db, days = 30): Promise<number> {
  const deleted = await db
    .delete(mailOutbox)
    .where(
      sql`${mailOutbox.status} = 'sent' and ${mailOutbox.sentAt} < now() - make_interval(days => ${days})`,
    )
    .returning({ id: mailOutbox.id });
  return deleted.length;
}
