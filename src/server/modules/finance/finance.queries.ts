import { sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import { projectTreeIds } from "../projects/index.ts";

/** Reads of money other modules' reports need (no authorisation: the caller decides). */

/** Spend booked on a project or its sub-projects in [from, to], oldest first. */
export async function listSpendOfProject(db: Db | Tx, projectId: string, from: string, to: string) {
  // The project tree comes from the projects module's door (issue 12: no raw SQL on its table).
  const tree = await projectTreeIds(db, projectId);
  const rows = await queryRows<{ date: string; unit: string; note: string | null; amount: number }>(
    db,
    sql`select s.date::text as date, u.name as unit, coalesce(s.note, s.category) as note, s.amount
      from spend_entries s join finance_units u on u.id = s.unit_id
      where s.project_id in (${sql.join(
        tree.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and s.date between ${from}::date and ${to}::date
      order by s.date, s.id`,
  );
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** Spend booked on agreements, per agreement and calendar year (whole kronor, entries counted). */
export async function spendOfAgreements(db: Db | Tx, agreementIds: string[]) {
  if (!agreementIds.length) return [];
  const rows = await queryRows<{ agreementId: string; year: number; amount: number; entries: number }>(
    db,
    sql`select s.agreement_id as "agreementId", extract(year from s.date)::int as year,
        coalesce(sum(s.amount), 0)::bigint as amount, count(*)::int as entries
      from spend_entries s
      where s.agreement_id in (${sql.join(
        agreementIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      group by s.agreement_id, extract(year from s.date)
      order by 1, 2`,
  );
  return rows.map((r) => ({
    ...r,
    year: Number(r.year),
    amount: Number(r.amount),
    entries: Number(r.entries),
  }));
}
