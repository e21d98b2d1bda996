import { desc, eq, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { batchConcurrent } from "../../platform/batch-concurrent.ts";
import { pgArray } from "../../platform/sql.ts";
import { mailPolicy } from "./mail.policy.ts";
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

/** How much mail the public may set off: per recipient address and per source address, in a window. */
export interface AnonymousMailCaps {
  perRecipient: number;
  perSource: number;
  windowMinutes: number;
}

export const defaultAnonymousMailCaps: AnonymousMailCaps = {
  perRecipient: 5,
  perSource: 30,
  windowMinutes: 60,
};

/** Who set an anonymous mail off (the client's address, `request.ip`) and the caps that apply. */
export interface MailOrigin {
  source: string;
  caps: AnonymousMailCaps;
}

/**
 * Queues a mail that someone without an account set off, unless its recipient or its source already
 * got their share within the window: then nothing is queued and null returned, and the caller answers
 * exactly as if it had been (a flood looks like success to whoever sends it, and reaches no one).
 * Counting and queuing are serialised per recipient and per source (transaction-scoped advisory locks),
 * so parallel requests do not all see the same count; one anonymous mail per transaction.
 */
export async function queueAnonymousMail(
  tx: Tx,
  purpose: MailPurpose,
  mail: OutgoingMail,
  origin: MailOrigin,
  ref?: string,
): Promise<string | null> {
  if (!(await anonymousMailAllowed(tx, mail.to, origin))) return null;
  const [id] = await queueMails(tx, purpose, [{ mail, ref, source: origin.source }]);
  return id;
}

/**
 * The first half of `queueAnonymousMail`, for a caller that decides later in its transaction what to
 * send (a public registration learns whether it got a place only under the event lock): takes the
 * recipient's and the source's locks until the transaction ends and answers whether a mail may go.
 * The caller then queues at most one mail to `recipient` with `source: origin.source` (`queueMails`).
 */
export async function anonymousMailAllowed(tx: Tx, recipient: string, origin: MailOrigin): Promise<boolean> {
  const to = recipient.trim().toLowerCase();
  const { caps, source } = origin;
  const [first, second] = [`mail-cap:to:${to}`, `mail-cap:from:${source}`].sort();
  // Both locks in one statement, in a fixed order (left to right), so that two requests never deadlock.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${first})), pg_advisory_xact_lock(hashtext(${second}))`,
  );
  // Counted in the next statement: its snapshot sees what the previous holder of a lock committed.
  const since = sql`now() - make_interval(mins => ${caps.windowMinutes})`;
  const [counts] = await queryRows<{ to_recipient: number; from_source: number }>(
    tx,
    sql`select
      (select count(*)::int from ${mailOutbox}
        where source is not null and lower(recipient) = ${to} and created_at > ${since}) as to_recipient,
      (select count(*)::int from ${mailOutbox}
        where source = ${source} and created_at > ${since}) as from_source`,
  );
  return counts.to_recipient < caps.perRecipient && counts.from_source < caps.perSource;
}

/** A place under the caps on anonymous mail, taken before the transaction that writes the mail into it. */
export interface MailReservation {
  id: string;
}

/**
 * Reserves one anonymous mail to `recipient` under the caps, in a short transaction of its own, and answers
 * null when the recipient or the source already had their share within the window. For a caller whose own
 * transaction is long or waits on a lock: `anonymousMailAllowed` holds the source's lock until the caller
 * commits, so every request from one address (a school behind one router, the benchmark's 500 registrations)
 * waited for the one before it to finish — about 74 ms a registration under load (issue 14, goal 4). Here the
 * locks are held only while one database function runs and commits (`mail_reserve_anonymous_many`).
 *
 * The reserved row counts against the caps like a queued mail (it has the source), but the sender never sends
 * it: `fillReservedMails` in the caller's transaction turns it into the mail, `releaseReservedMails` gives the
 * place back when that transaction failed, and one left by a crashed process is deleted a day later.
 */
export function reserveAnonymousMail(
  db: Db,
  purpose: MailPurpose,
  recipient: string,
  origin: MailOrigin,
): Promise<MailReservation | null> {
  const { caps, source } = origin;
  const key = JSON.stringify([purpose, source, caps.perRecipient, caps.perSource, caps.windowMinutes]);
  return reservedTogether(db, key, { purpose, recipient, origin });
}

/**
 * The reservations from one source that arrive while one is being made are made together, in one call of
 * `mail_reserve_anonymous_many` (migration 0037; platform/batch-concurrent.ts): the source's lock is one lock,
 * so a rush of registrations from one address took it, and paid a commit, one at a time.
 */
const reservedTogether = batchConcurrent<
  Db,
  { purpose: MailPurpose; recipient: string; origin: MailOrigin },
  MailReservation | null
>(async (db, _, wanted) => {
  const { purpose, origin } = wanted[0];
  const { caps, source } = origin;
  const [row] = await queryRows<{ ids: (string | null)[] }>(
    db,
    sql`select mail_reserve_anonymous_many(${purpose}, ${source},
          ${pgArray(wanted.map((one) => one.recipient))}::text[], ${caps.perRecipient}::int,
          ${caps.perSource}::int, ${caps.windowMinutes}::int) as ids`,
  );
  return row.ids.map((id) => (id ? { id } : null));
});

/**
 * Writes each mail into its reserved place, in the caller's transaction and one statement; the sender sends
 * them after the commit. The same transaction may write a mail again (a batch of registrations writes the
 * likely confirmations before the event lock and rewrites those that turned out otherwise under it); nobody
 * else sees them queued before the commit.
 */
export async function fillReservedMails(
  tx: Tx,
  fills: { reservation: MailReservation; mail: OutgoingMail }[],
): Promise<void> {
  if (fills.length === 0) return;
  const rows = fills.map(({ reservation, mail }) => ({ id: reservation.id, ...toRow("", mail) }));
  const column = (value: (row: (typeof rows)[number]) => string | null) => pgArray(rows.map(value));
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  await tx.execute(sql`
    update ${mailOutbox} m
    set recipient = v.recipient, subject = v.subject, text = v.text, html = v.html, headers = v.headers,
        attachments = v.attachments, status = 'queued', next_attempt_at = now()
    from unnest(${column((r) => r.id)}::uuid[], ${column((r) => r.recipient)}::text[],
                ${column((r) => r.subject)}::text[], ${column((r) => r.text)}::text[],
                ${column((r) => r.html)}::text[], ${column((r) => json(r.headers))}::jsonb[],
                ${column((r) => json(r.attachments))}::jsonb[])
      as v(id, recipient, subject, text, html, headers, attachments)
    where m.id = v.id and m.status in ('reserved', 'queued')`);
}

/**
 * Gives reserved places back: after the transaction that was to fill them failed, or in it, for mails it wrote
 * and then found it must not send (a registration in a batch that was refused).
 */
export async function releaseReservedMails(db: Db | Tx, reservations: MailReservation[]): Promise<void> {
  if (reservations.length === 0) return;
  await db
    .delete(mailOutbox)
    .where(
      sql`${mailOutbox.id} = any(${pgArray(reservations.map((r) => r.id))}::uuid[]) and ${mailOutbox.status} in ('reserved', 'queued')`,
    );
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
  mails: { mail: OutgoingMail; ref?: string; source?: string }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < mails.length; i += INSERT_CHUNK) {
    const rows = await tx
      .insert(mailOutbox)
      .values(
        mails.slice(i, i + INSERT_CHUNK).map(({ mail, ref, source }) => toRow(purpose, mail, ref, source)),
      )
      .returning({ id: mailOutbox.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

function toRow(purpose: MailPurpose, mail: OutgoingMail, ref?: string, source?: string) {
  return {
    purpose,
    ref: ref ?? null,
    source: source ?? null,
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
export async function listOutbox(db: Db, actor: Actor | null, status: OutboxStatus, limit = 200) {
  authorize(actor, mailPolicy, "readOutbox", null);
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

/**
 * Sent mail holds personal data and has done its job: deleted after `days`. A reservation a day old was left
 * by a process that stopped between reserving and its transaction (`reserveAnonymousMail`): deleted too.
 */
export async function purgeSentMail(db: Db, days = 30): Promise<number> {
  const deleted = await db
    .delete(mailOutbox)
    .where(
      sql`(${mailOutbox.status} = 'sent' and ${mailOutbox.sentAt} < now() - make_interval(days => ${days}))
          or (${mailOutbox.status} = 'reserved' and ${mailOutbox.createdAt} < now() - interval '1 day')`,
    )
    .returning({ id: mailOutbox.id });
  return deleted.length;
}
