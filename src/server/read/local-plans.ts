import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { localPlanSupport, localPlans } from "../modules/localwork/localwork.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";

/**
 * Local plans with their organisation's name and their support hours, by organisation name: cross-module
 * because the list joins and sorts on the organisations module's table (read layer, decision 011). The
 * localwork module decides who may read which plans (`where`).
 */
export async function localPlanRows(db: Db | Tx, where: SQL | undefined) {
  const rows = await db
    .select({
      plan: localPlans,
      organisationName: organisations.name,
      supportHours: sql<number>`coalesce((select sum(s.hours) from ${localPlanSupport} s where s.plan_id = ${localPlans.id}), 0)::float8`,
    })
    .from(localPlans)
    .innerJoin(organisations, eq(organisations.id, localPlans.organisationId))
    .where(where)
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({
    ...r.plan,
    organisationName: r.organisationName,
    supportHours: Number(r.supportHours),
  }));
}
