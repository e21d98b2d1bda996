import { sql } from "drizzle-orm";
import { deletingPurge } from "../../platform/purge.ts";

/**
 * Retention of failed outbox mail (issue 20, item 3): a mail that could not be delivered after the last
 * attempt holds its recipient's address and the text; it is deleted once it failed before `before`.
 * Sent and queued mail is left alone.
 */
export const purgeFailedMail = deletingPurge({
  table: "mail_outbox",
  due: (before) => sql`select id, purpose, created_at from mail_outbox
    where status = 'failed' and created_at < ${before.toISOString()}::timestamptz`,
  labelColumn: "purpose",
  dateFormat: "YYYY-MM-DD",
});
