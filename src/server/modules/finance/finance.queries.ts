import { sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.ts";

/** Reads of money other modules' reports need (no authorisation: the caller decides). */

/** Spend booked on a project or its sub-projects in [from, to], oldest first. */
export async function listSpendOfProject(db: Db | Tx, projectId: string, from: string, to: string) {
  const rows = await queryRows<{ date: string; unit: string; note: string | null; amount: number }>(
    db,
    sql`with recursive tree(id) as (select ${projectId}::uuid union all select c.id from projects c join tree t on c.parent_id = t.id)
      select s.date::text as date, u.name as unit, coalesce(s.note, s.category) as note, s.amount
      from spend_entries s join finance_units u on u.id = s.unit_id
      where s.project_id in (select id from tree) and s.date between ${from}::date and ${to}::date
      order by s.date, s.id`,
  );
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}
