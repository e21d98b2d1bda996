import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { SegmentCriteria } from "../../../common/communication.ts";
import { timestamps } from "../../db/columns.ts";
import { users } from "../../platform/platform.schema.ts";
import { events } from "../events/events.schema.ts";

/** Newsletter subscribers: double opt-in (pending until the link in the first mail is followed). */
export const newsletterSubscribers = pgTable(
  "newsletter_subscribers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name"),
    /** pending | active | unsubscribed */
    status: text("status").notNull().default("pending"),
    themes: jsonb("themes").$type<string[]>().notNull().default([]),
    municipality: text("municipality"),
    organisationType: text("organisation_type"),
    confirmTokenHash: text("confirm_token_hash"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("newsletter_subscribers_email_uq").on(t.email),
    uniqueIndex("newsletter_subscribers_confirm_uq").on(t.confirmTokenHash),
  ],
);

/** Addresses that said "no more mail" (one-click unsubscribe): never sent newsletters or invitations. */
export const mailSuppressions = pgTable("mail_suppressions", {
  email: text("email").primaryKey(),
  reason: text("reason").notNull().default("unsubscribe"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A saved audience: theme, organisation type, municipality, past attendance. */
export const segments = pgTable("segments", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  sortKey: text("sort_key").notNull(),
  criteria: jsonb("criteria").$type<SegmentCriteria>().notNull(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  ...timestamps,
});

/** A newsletter issue or an invitation to an event, to a segment; drafted, previewed, then sent once. */
export const mailings = pgTable(
  "mailings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** newsletter | invitation */
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    eventId: uuid("event_id").references(() => events.activityId, { onDelete: "set null" }),
    criteria: jsonb("criteria").$type<SegmentCriteria>().notNull(),
    /** draft | sent */
    status: text("status").notNull().default("draft"),
    recipientCount: integer("recipient_count"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("mailings_created_idx").on(t.createdAt)],
);

/** One recipient of a sent mailing (its outbox mail's `ref`), with the (hashed) token of their one-click unsubscribe link. */
export const mailingDeliveries = pgTable(
  "mailing_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mailingId: uuid("mailing_id")
      .notNull()
      .references(() => mailings.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    unsubscribeTokenHash: text("unsubscribe_token_hash").notNull(),
    /** queued (in the mail outbox) | sent | failed (after the outbox's last attempt) */
    status: text("status").notNull(),
    error: text("error"),
    /** When queued; when delivered, once it is. */
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mailing_deliveries_mailing_idx").on(t.mailingId),
    uniqueIndex("mailing_deliveries_token_uq").on(t.unsubscribeTokenHash),
  ],
);
