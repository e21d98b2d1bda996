import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client.ts";
import { EXAMPLE_LIMIT, type Purge } from "../../platform/purge.ts";

/**
 * Retention of idea submitters (issue 20, item 3): an idea never granted, in a call that closed before
 * `before`, loses its submitter's name and e-mail and its personal link. The idea itself (title, summary,
 * stage, organisation, reviews) stays, so the funnel's counts and the call's history are unchanged.
 * Granted ideas keep their submitter: they became a project under a board decision (archive rules).
 */
export const anonymiseExpiredSubmitters: Purge = async (db, { before, dryRun, limit }) => {
  const due = sql`select i.id, c.title, c.closes_at from ideas i join idea_calls c on c.id = i.call_id
    where c.closes_at < ${before.toISOString()}::timestamptz and i.stage <> 'granted' and i.project_id is null
      and (i.submitter_name is not null or i.submitter_email is not null or i.token_hash is not null)`;
  if (dryRun) {
    const [{ count }] = await queryRows<{ count: string | number }>(
      db,
      sql`select count(*) as count from (${due}) d`,
    );
    const groups = await queryRows<{ title: string; closes_at: Date | string; count: string | number }>(
      db,
      sql`select title, closes_at, count(*) as count from (${due}) d
          group by title, closes_at order by closes_at, title limit ${EXAMPLE_LIMIT}`,
    );
    return {
      count: Number(count),
      examples: groups.map((g) => ({
        label: g.title,
        date: new Date(g.closes_at).toISOString().slice(0, 10),
        count: Number(g.count),
      })),
    };
  }
  const done = await queryRows<{ id: string }>(
    db,
    sql`update ideas set submitter_name = null, submitter_email = null, token_hash = null, updated_at = now()
        where id in (select id from (${due}) d order by id limit ${limit})
        returning id`,
  );
  return { count: done.length, examples: [] };
};
