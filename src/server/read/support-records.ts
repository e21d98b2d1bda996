import { type SQL, sql } from "drizzle-orm";
import type { DefinitionFilters } from "../../common/indicators.ts";

/**
 * The process-support efforts an indicator counts (kind sum_process_support_hours), in the indicators
 * module's records shape: one record per effort, its hours as the amount, so the value is the sum of
 * what the drill-down lists. Filters: the plan's project (and its sub-projects) or organisation, the
 * kinds of support, and the period; efforts dated after `asOf` do not count yet.
 */
export function supportRecordsSql(f: DefinitionFilters, asOf: string): SQL {
  const where: SQL[] = [sql`s.date <= ${asOf}::date`];
  if (f.projectId)
    where.push(sql`p.project_id in (with recursive tree(id) as (select ${f.projectId}::uuid
      union all select c.id from projects c join tree t on c.parent_id = t.id) select id from tree)`);
  if (f.organisationId) where.push(sql`p.organisation_id = ${f.organisationId}::uuid`);
  if (f.supportKinds?.length)
    where.push(
      sql`s.kind = any(array[${sql.join(
        f.supportKinds.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[])`,
    );
  if (f.from) where.push(sql`s.date >= ${f.from}::date`);
  if (f.to) where.push(sql`s.date <= ${f.to}::date`);
  return sql`select 'support'::text as kind, p.id::text as id, o.name as label, s.date::text as date,
      s.hours::float8 as amount, s.kind || ': ' || s.given_by || ' (' || s.participants || ' deltagare)' as detail,
      p.project_id::text as project_id, s.date::text || ' ' || o.sort_key as sort, s.id::text as key
    from local_plan_support s
    join local_plans p on p.id = s.plan_id
    join organisations o on o.id = p.organisation_id
    where ${sql.join(where, sql` and `)}`;
}
