import { sql } from "drizzle-orm";
import { deletingPurge } from "../../platform/purge.ts";

/**
 * Retention of newsletter subscribers (issue 20, item 3): who unsubscribed is removed (the address stays
 * only in `mail_suppressions`, so that it is never mailed again), and who never confirmed is removed when
 * the subscription was made before `before`. Active subscribers stay: they keep getting the newsletter.
 */
// Grouped by status and month in a dry run: how many, never who.
export const purgeExpiredSubscribers = deletingPurge({
  table: "newsletter_subscribers",
  due: (before) => sql`select id, status, created_at from newsletter_subscribers
    where status = 'unsubscribed' or (status = 'pending' and created_at < ${before.toISOString()}::timestamptz)`,
  labelColumn: "status",
  dateFormat: "YYYY-MM",
});
