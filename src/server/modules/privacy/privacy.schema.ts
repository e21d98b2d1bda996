import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * One-time links a person asked for to read their own register extract (GDPR art. 15): mailed to the
 * address, valid 15 minutes, used once. Only the token's hash is stored.
 */
export const privacyExtractLinks = pgTable(
  "privacy_extract_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("privacy_extract_links_created_idx").on(t.createdAt)],
);
