import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client.ts";
import { EXAMPLE_LIMIT, type Purge } from "../../platform/purge.ts";

/**
 * Retention of newsletter subscribers (issue 20, item 3): who unsubscribed is removed (the address stays
 * only in `mail_suppressions`, so that it is never mailed again), and who never confirmed is removed when
 * the subscription was made before `before`. Active subscribers stay: they keep getting the newsletter.
 */
export const purgeExpiredSubscribers: Purge = async (db, { before, dryRun, limit }) => {
  const due = sql`select id, status, created_at from newsletter_subscribers
    where status = 'unsubscribed' or (status = 'pending' and created_at < ${before.toISOString()}::timestamptz)`;
  if (dryRun) {
    const [{ count }] = await queryRows<{ count: string | number }>(
      db,
      sql`select count(*) as count from (${due}) d`,
    );
    // Grouped by status and month: how many, never who.
    const groups = await queryRows<{ status: string; month: string; count: string | number }>(
      db,
      sql`select status, to_char(created_at at time zone 'UTC', 'YYYY-MM') as month, count(*) as count
          from (${due}) d group by 1, 2 order by 2, 1 limit ${EXAMPLE_LIMIT}`,
    );
    return {
      count: Number(count),
      examples: groups.map((g) => ({ label: g.status, date: g.month, count: Number(g.count) })),
    };
  }
  const deleted = await queryRows<{ id: string }>(
    db,
    sql`delete from newsletter_subscribers where id in (
          select id from (${due}) d order by id limit ${limit} for update skip locked)
        returning id`,
  );
  return { count: deleted.length, examples: [] };
};
