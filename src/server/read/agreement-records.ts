import { type SQL, sql } from "drizzle-orm";
import type { AgreementIndicatorKind, DefinitionFilters } from "../../common/indicators.ts";

/**
 * The agreement figures of item 8 as indicator records, for the indicator compiler beside it
 * (read layer, decision 011). Each query yields the records' common columns —
 * kind, id, label, date, amount, detail, project_id, sort, key — so an agreement indicator has a
 * value, a history and a drill-down like every other, and its value is the sum of what it lists:
 *
 * - agreement_courses_delivered: appendix rows with participants recorded, 1 each;
 * - agreement_participants: their participants;
 * - agreement_credits_taken: hp taken, completed × the course's credits;
 * - agreement_needs_covered_pct: each covered need adds 100 / all needs (the share, in per cent);
 * - agreement_budget_use_pct: each spend entry on the agreements adds 100 × amount / their budget.
 *
 * A course row is dated by its term's start (vt → 1 January, ht → 1 August), a need by when it was
 * inventoried, spend by its date. Filters: `agreementId`, `organisationId` (a partner party), `from`/`to`.
 * Spend is read from finance's spend_entries with plain SQL, as the indicator compiler reads it.
 */

function scope(f: DefinitionFilters): SQL {
  const where: SQL[] = [sql`true`];
  if (f.agreementId) where.push(sql`a.id = ${f.agreementId}::uuid`);
  if (f.organisationId)
    where.push(sql`exists (select 1 from agreement_parties p where p.agreement_id = a.id
      and p.role = 'partner' and p.organisation_id = ${f.organisationId}::uuid)`);
  return sql`(select a.id, a.title, a.budget from agreements a where ${sql.join(where, sql` and `)})`;
}

const within = (column: SQL, f: DefinitionFilters, asOf: string) => {
  const where: SQL[] = [sql`${column} <= ${asOf}`];
  if (f.from) where.push(sql`${column} >= ${f.from}`);
  if (f.to) where.push(sql`${column} <= ${f.to}`);
  return sql.join(where, sql` and `);
};

function courseRecords(kind: AgreementIndicatorKind, f: DefinitionFilters, asOf: string): SQL {
  const amount =
    kind === "agreement_participants"
      ? sql`ap.participants`
      : kind === "agreement_credits_taken"
        ? sql`ap.completed * coalesce(c.credits, 0)`
        : sql`1`;
  const counted = kind === "agreement_credits_taken" ? sql`ap.completed` : sql`ap.participants`;
  const day = sql`(right(ap.term, 4) || case when ap.term like 'vt%' then '-01-01' else '-08-01' end)`;
  return sql`select 'agreement'::text as kind, ap.agreement_id::text as id,
      c.name_sv || ' (' || c.code || ')' as label, ${day} as date, (${amount})::float8 as amount,
      ag.title || ', ' || ap.term as detail, null::text as project_id,
      ${day} || ' ' || lower(c.name_sv) as sort, ap.id::text as key
    from agreement_appendix ap
    join ${scope(f)} ag on ag.id = ap.agreement_id
    join courses c on c.id = ap.course_id
    where ${counted} is not null and ${within(day, f, asOf)}`;
}

function needRecords(f: DefinitionFilters, asOf: string): SQL {
  const day = sql`n.created_at::date::text`;
  return sql`select 'agreement'::text as kind, n.agreement_id::text as id, n.title as label, n.day as date,
      (100.0 / count(*) over ())::float8 as amount, n.agreement_title as detail, null::text as project_id,
      n.day || ' ' || lower(n.title) as sort, n.id::text as key, n.covered
    from (select n.id, n.agreement_id, n.title, ${day} as day, ag.title as agreement_title,
        n.status <> 'deferred' and exists (select 1 from agreement_appendix_needs l where l.need_id = n.id) as covered
      from agreement_needs n join ${scope(f)} ag on ag.id = n.agreement_id
      where ${within(day, f, asOf)}) n`;
}

function spendRecords(f: DefinitionFilters, asOf: string): SQL {
  return sql`select 'spend'::text as kind, s.id::text as id, u.name as label, s.date::text as date,
      coalesce(100.0 * s.amount / nullif((select sum(b.budget) from ${scope(f)} b), 0), 0)::float8 as amount,
      ag.title as detail, s.project_id::text as project_id,
      s.date::text || ' ' || lower(u.name) as sort, s.id::text as key
    from spend_entries s
    join finance_units u on u.id = s.unit_id
    join ${scope(f)} ag on ag.id = s.agreement_id
    where ${within(sql`s.date::text`, f, asOf)}`;
}

/** The records an agreement indicator counts, as of a date (inclusive). */
export function agreementRecordsSql(kind: AgreementIndicatorKind, f: DefinitionFilters, asOf: string): SQL {
  switch (kind) {
    case "agreement_courses_delivered":
    case "agreement_participants":
    case "agreement_credits_taken":
      return courseRecords(kind, f, asOf);
    case "agreement_needs_covered_pct":
      // Every need counts in the denominator (the window), only covered ones are records.
      return sql`select r.kind, r.id, r.label, r.date, r.amount, r.detail, r.project_id, r.sort, r.key
        from (${needRecords(f, asOf)}) r where r.covered`;
    case "agreement_budget_use_pct":
      return spendRecords(f, asOf);
  }
}
