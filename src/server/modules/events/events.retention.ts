import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client.ts";
import { EXAMPLE_LIMIT, type Purge, type PurgeExample } from "../../platform/purge.ts";
import { endedEventsBefore } from "../../read/events-ended.ts";

/**
 * Retention of the events module's personal data (issue 20, item 3), called by the retention module in
 * its batches' transactions. An event is over at its last session's end (or the day after its end date).
 */

/** What an anonymised registration is called: the row stays for counts, roles and attendance. */
export const ANONYMISED_NAME = "(anonymiserad)";

/** Events over before `before` (a subquery): it reads the activities' dates, so it lives in the read layer (issue 12). */
const eventEnded = endedEventsBefore;

async function examples(db: Parameters<Purge>[0], grouped: ReturnType<typeof sql>): Promise<PurgeExample[]> {
  const rows = await queryRows<{ title: string; ended_at: Date | string; count: number | string }>(
    db,
    sql`select title, ended_at, count(*) as count from (${grouped}) g
        group by event_id, title, ended_at order by ended_at, title limit ${EXAMPLE_LIMIT}`,
  );
  return rows.map((r) => ({
    label: r.title,
    date: new Date(r.ended_at).toISOString().slice(0, 10),
    count: Number(r.count),
  }));
}

/**
 * Registrations of public events that ended before `before`: name, e-mail, the person link, the free-text
 * role and the personal link are removed, and their dietary needs deleted. Status, attendance, role key,
 * organisation and municipality stay, so participant counts and the role tables are unchanged.
 */
export const purgeExpiredRegistrations: Purge = async (db, { before, dryRun, limit }) => {
  const due = sql`select r.id, ev.event_id, ev.title, ev.ended_at
    from event_registrations r join (${eventEnded(before)}) ev on ev.event_id = r.event_id
    join events e on e.activity_id = r.event_id
    where e.visibility = 'public' and r.name <> ${ANONYMISED_NAME}`;
  if (dryRun) {
    const [{ count }] = await queryRows<{ count: string | number }>(
      db,
      sql`select count(*) as count from (${due}) d`,
    );
    return { count: Number(count), examples: await examples(db, due) };
  }
  const batch = await queryRows<{ id: string }>(
    db,
    sql`select r.id from event_registrations r where r.id in (select id from (${due}) d)
        order by r.id limit ${limit} for update of r skip locked`,
  );
  if (!batch.length) return { count: 0, examples: [] };
  const ids = sql.join(
    batch.map((b) => sql`${b.id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`delete from event_dietary_needs where registration_id in (${ids})`);
  await db.execute(sql`delete from event_accessibility_needs where registration_id in (${ids})`);
  await db.execute(
    sql`update event_registrations set name = ${ANONYMISED_NAME}, email = null, person_id = null, role = null,
          token_hash = 'anonymised:' || id::text, consent_invitations = false, updated_at = now()
        where id in (${ids})`,
  );
  return { count: batch.length, examples: [] };
};

/**
 * Dietary and accessibility needs (health data) of events that ended before `before`: deleted. Both are
 * asked for the event's sake only, so one rule (the category `event_dietary_needs`) covers both.
 */
export const purgeExpiredDietaryNeeds: Purge = async (db, { before, dryRun, limit }) => {
  const due = sql`select d.registration_id, d.kind, ev.event_id, ev.title, ev.ended_at
    from (select registration_id, 'dietary' as kind from event_dietary_needs
          union all select registration_id, 'accessibility' as kind from event_accessibility_needs) d
    join event_registrations r on r.id = d.registration_id
    join (${eventEnded(before)}) ev on ev.event_id = r.event_id`;
  if (dryRun) {
    const [{ count }] = await queryRows<{ count: string | number }>(
      db,
      sql`select count(*) as count from (${due}) d`,
    );
    return { count: Number(count), examples: await examples(db, due) };
  }
  let count = 0;
  for (const [kind, table] of [
    ["dietary", sql.raw("event_dietary_needs")],
    ["accessibility", sql.raw("event_accessibility_needs")],
  ] as const) {
    const deleted = await queryRows<{ registration_id: string }>(
      db,
      sql`delete from ${table} where registration_id in (
            select registration_id from (${due}) d where d.kind = ${kind}
            order by registration_id limit ${limit - count})
          returning registration_id`,
    );
    count += deleted.length;
    if (count >= limit) break;
  }
  return { count, examples: [] };
};
