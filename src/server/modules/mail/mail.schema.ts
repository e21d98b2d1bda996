import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** An attachment as stored in the outbox: the bytes base64-encoded, so a row is plain JSON. */
export interface StoredAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
  cid?: string;
}

/**
 * The transactional outbox: every e-mail is written here in the same transaction as the change it
 * tells about (a registration, a subscription), and a sender delivers it afterwards. A registration
 * thus never exists without its mail, and a slow or absent SMTP server never fails a registration.
 *
 * status: queued (waiting for `next_attempt_at`) → sent, or → failed after the last attempt.
 * A sender claims a row by moving `next_attempt_at` ahead (a lease), so a crash mid-send means a retry.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What the mail is, for the administrators' view, e.g. `events.confirmation`. */
    purpose: text("purpose").notNull(),
    /**
     * The record the queuing module keeps about this mail (e.g. a mailing's recipient row), told of the
     * outcome by the sender (`onDeliveryOutcome`). No foreign key: the outbox knows no other module.
     */
    ref: uuid("ref"),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    headers: jsonb("headers").$type<Record<string, string>>(),
    attachments: jsonb("attachments").$type<StoredAttachment[]>().notNull().default([]),
    status: text("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /**
     * The network address of whoever set the mail off without an account (a subscription, a public
     * registration, an unlock link); null for mail an office user or the system sent. The caps on
     * anonymous mail count these rows (`queueAnonymousMail`).
     */
    source: text("source"),
  },
  (t) => [
    index("mail_outbox_anonymous_recipient_idx")
      .on(sql`lower(${t.recipient})`, t.createdAt)
      .where(sql`source is not null`),
    index("mail_outbox_anonymous_source_idx").on(t.source, t.createdAt).where(sql`source is not null`),
    // The sender's question, "what is due?", reads only the queued rows.
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`status = 'queued'`),
    index("mail_outbox_status_idx").on(t.status, t.createdAt),
  ],
);
