import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/platform.schema.ts";

/**
 * Personal API tokens (issue 19): `Authorization: Bearer smp_…` acts as its user. Only the SHA-256 of
 * the token is stored; the token itself is shown once, when it is created.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** A read-only token refuses every write (403). */
    readOnly: boolean("read_only").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Moved at most once a minute per token, so a busy integration does not write on every request. */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/** One-time sign-in links sent by e-mail, valid 15 minutes; stored hashed, spent atomically. */
export const emailLinkTokens = pgTable(
  "email_link_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("email_link_tokens_user_idx").on(t.userId)],
);

/**
 * A sign-in half done: the password (or e-mail link) was right, the second factor is still due. The
 * client holds the token; `purpose` is `totp` (enter a code) or `enrol` (set up TOTP first, with the
 * secret kept here until a code confirms it). A few wrong codes and the challenge is spent.
 */
export const loginChallenges = pgTable("login_challenges", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  purpose: text("purpose").notNull(),
  pendingSecret: text("pending_secret"),
  failures: integer("failures").notNull().default(0),
  /** How the first factor was given (`password`, `emailLink`), for the audit entry of the sign-in. */
  method: text("method").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});
