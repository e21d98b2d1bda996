import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client.ts";
import { EXAMPLE_LIMIT, type Purge } from "../../platform/purge.ts";

/**
 * Retention of failed outbox mail (issue 20, item 3): a mail that could not be delivered after the last
 * attempt holds its recipient's address and the text; it is deleted once it failed before `before`.
 * Sent and queued mail is left alone.
 */
export const purgeFailedMail: Purge = async (db, { before, dryRun, limit }) => {
  const due = sql`select id, purpose, created_at from mail_outbox
    where status = 'failed' and created_at < ${before.toISOString()}::timestamptz`;
  if (dryRun) {
    const [{ count }] = await queryRows<{ count: string | number }>(
      db,
      sql`select count(*) as count from (${due}) d`,
    );
    const groups = await queryRows<{ purpose: string; day: string; count: string | number }>(
      db,
      sql`select purpose, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*) as count
          from (${due}) d group by 1, 2 order by 2, 1 limit ${EXAMPLE_LIMIT}`,
    );
    return {
      count: Number(count),
      examples: groups.map((g) => ({ label: g.purpose, date: g.day, count: Number(g.count) })),
    };
  }
  const deleted = await queryRows<{ id: string }>(
    db,
    sql`delete from mail_outbox where id in (
          select id from (${due}) d order by id limit ${limit} for update skip locked)
        returning id`,
  );
  return { count: deleted.length, examples: [] };
};
