import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { SummaryView } from "../../../common/finance.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { cofinancingLines } from "../../read/finance-cofinancing.ts";
import { organisationNames } from "../organisations/index.ts";
import { projectsInOrder } from "../projects/index.ts";
import { budgets, spendEntries } from "./finance.schema.ts";
import { assertReadableOrganisation, unitsOf } from "./finance.service.ts";

/**
 * The money table of an organisation and year: per unit its budget and spent funds, totals,
 * project budgets, and the co-financing of the organisation's projects with the leverage ratio.
 * Co-financing is read from the projects module's funding lines (project_funding) through the read layer.
 */

export async function financeSummary(db: Db, actor: Actor | null, organisationId: string, year: number) {
  await assertReadableOrganisation(db, actor, organisationId);
  return computeFinanceSummary(db, organisationId, year);
}

/** A plain read for the reports and the indicators: the caller decides who may see it. */
export async function computeFinanceSummary(
  db: Db | Tx,
  organisationId: string,
  year: number,
): Promise<SummaryView> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [org] = [...(await organisationNames(db, [organisationId]))].map(([id, name]) => ({ id, name }));
  const units = await unitsOf(db, organisationId);
  const budgetRows = await db
    .select({
      unitId: budgets.unitId,
      projectId: budgets.projectId,
      amount: sql<number>`sum(${budgets.amount})::bigint`,
    })
    .from(budgets)
    .where(and(eq(budgets.organisationId, organisationId), eq(budgets.year, year)))
    .groupBy(budgets.unitId, budgets.projectId);
  const spendRows = await db
    .select({
      unitId: spendEntries.unitId,
      projectId: spendEntries.projectId,
      amount: sql<number>`sum(${spendEntries.amount})::bigint`,
    })
    .from(spendEntries)
    .where(
      and(
        eq(spendEntries.organisationId, organisationId),
        gte(spendEntries.date, from),
        lte(spendEntries.date, to),
      ),
    )
    .groupBy(spendEntries.unitId, spendEntries.projectId);

  const sumWhere = <T extends { amount: number }>(rows: T[], keep: (r: T) => boolean) =>
    rows.filter(keep).reduce((s, r) => s + Number(r.amount), 0);

  const unitLines = units
    .map((u) => {
      const hasBudget = budgetRows.some((b) => b.unitId === u.id);
      const budget = hasBudget ? sumWhere(budgetRows, (b) => b.unitId === u.id) : null;
      const spent = sumWhere(spendRows, (s) => s.unitId === u.id);
      return {
        unitId: u.id,
        name: u.name,
        sector: u.sector,
        budget,
        spent,
        remaining: budget === null ? null : budget - spent,
      };
    })
    .filter((line) => line.budget !== null || line.spent !== 0);

  const totals = {
    budget: unitLines.reduce((s, l) => s + (l.budget ?? 0), 0),
    spent: unitLines.reduce((s, l) => s + l.spent, 0),
  };

  const projectIds = [
    ...new Set([...budgetRows, ...spendRows].map((r) => r.projectId).filter((id): id is string => !!id)),
  ];
  const projectNames = await projectsInOrder(db, projectIds);
  const projectBudgets = projectNames.map((p) => ({
    projectId: p.id,
    name: p.name,
    budget: sumWhere(budgetRows, (b) => b.projectId === p.id),
    spent: sumWhere(spendRows, (s) => s.projectId === p.id),
  }));

  const cofinancing = await cofinancingOf(db, organisationId, year);
  const total = cofinancing.reduce((s, f) => s + f.amount, 0);
  return {
    organisation: org ?? { id: organisationId, name: "" },
    year,
    units: unitLines,
    totals,
    projectBudgets,
    cofinancing: {
      byFunder: cofinancing,
      total,
      own: totals.spent,
      leverage: totals.spent > 0 ? Math.round((total / totals.spent) * 1000) / 1000 : null,
    },
  };
}

/**
 * Co-financing lines of the organisation's projects for the year: lines dated that year, and
 * undated lines of projects whose period overlaps it. Grouped by funder, largest first.
 */
export async function cofinancingOf(db: Db | Tx, organisationId: string, year: number) {
  const rows = await cofinancingLines(db, organisationId, year);
  const byFunder = new Map<string, SummaryView["cofinancing"]["byFunder"][number]>();
  for (const r of rows) {
    const key = r.funderOrganisationId ?? `name:${r.funderName}`;
    const entry = byFunder.get(key) ?? {
      funder: r.funderName,
      funderOrganisationId: r.funderOrganisationId,
      amount: 0,
      projects: [],
    };
    entry.amount += r.amount;
    if (!entry.projects.some((p) => p.id === r.projectId))
      entry.projects.push({ id: r.projectId, name: r.projectName });
    byFunder.set(key, entry);
  }
  return [...byFunder.values()].sort((a, b) => b.amount - a.amount || a.funder.localeCompare(b.funder, "sv"));
}
