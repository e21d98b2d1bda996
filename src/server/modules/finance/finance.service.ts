import { and, asc, desc, eq, gte, inArray, lte, max, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import {
  type BudgetQuery,
  budgetQuery,
  type CreateBudgetInput,
  type CreateSpendInput,
  type CreateUnitInput,
  createBudgetInput,
  createSpendInput,
  createUnitInput,
  type SpendQuery,
  spendQuery,
} from "../../../common/finance.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor, systemActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { afterCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { organisationNames } from "../organisations/index.ts";
import { projectNames } from "../projects/index.ts";
import { financePolicy, readableOrganisationIds } from "./finance.policy.ts";
import { budgets, financeUnits, spendEntries } from "./finance.schema.ts";
import { checkSpendGuards } from "./spend-guards.ts";

/** Units, budgets and spend entries: validated, authorised by the policy, audited. */

export type UnitRow = typeof financeUnits.$inferSelect;
export interface BudgetRecord {
  budget: typeof budgets.$inferSelect;
  unit: { id: string; name: string } | null;
  project: { id: string; name: string } | null;
}
export interface SpendRecord {
  entry: typeof spendEntries.$inferSelect;
  unit: { id: string; name: string };
  project: { id: string; name: string } | null;
}

const userIdOf = (actor: Actor) => (actor.userId === systemActor.userId ? null : actor.userId);

/** 404 when the organisation is unknown or outside what the actor may read. */
export async function assertReadableOrganisation(db: Db | Tx, actor: Actor | null, organisationId: string) {
  requireActor(actor);
  authorize(actor, financePolicy, "read", { organisationId });
  const name = (await organisationNames(db, [organisationId])).get(organisationId);
  if (name === undefined) throw notFound();
  return { id: organisationId, name };
}

/** The scope of a list: one organisation (checked), or every organisation the actor may read. */
async function organisationScope(
  db: Db,
  actor: Actor | null,
  organisationId: string | undefined,
  column: PgColumn,
): Promise<SQL[]> {
  if (organisationId) {
    await assertReadableOrganisation(db, actor, organisationId);
    return [eq(column, organisationId)];
  }
  const limited = readableOrganisationIds(actor);
  if (limited === null) return [];
  return limited.length ? [inArray(column, limited)] : [sql`false`];
}

export async function listUnits(
  db: Db | Tx,
  actor: Actor | null,
  organisationId: string,
): Promise<UnitRow[]> {
  await assertReadableOrganisation(db, actor, organisationId);
  return unitsOf(db, organisationId);
}

/** An organisation's units in the money table's order. A plain read for reports. */
export function unitsOf(db: Db | Tx, organisationId: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(financeUnits)
    .where(eq(financeUnits.organisationId, organisationId))
    .orderBy(asc(financeUnits.sortOrder), asc(financeUnits.name), asc(financeUnits.id));
}

async function checkOrganisation(tx: Tx, id: string | null | undefined, field: string) {
  if (!id) return;
  if (!(await organisationNames(tx, [id])).has(id))
    throw fieldErrors({ [field]: "finance.errors.unknownOrganisation" });
}

export async function checkProject(tx: Tx, id: string | null | undefined) {
  if (!id) return null;
  const name = (await projectNames(tx, [id])).get(id);
  if (name === undefined) throw fieldErrors({ projectId: "finance.errors.unknownProject" });
  return { id, name };
}

async function insertUnit(tx: Tx, data: ReturnType<typeof createUnitInput.parse>) {
  const [existing] = await tx
    .select()
    .from(financeUnits)
    .where(
      and(
        eq(financeUnits.organisationId, data.organisationId),
        sql`lower(${financeUnits.name}) = lower(${data.name})`,
      ),
    );
  if (existing) throw fieldErrors({ name: "finance.errors.unitTaken" });
  const [{ last }] = await tx
    .select({ last: max(financeUnits.sortOrder) })
    .from(financeUnits)
    .where(eq(financeUnits.organisationId, data.organisationId));
  const [row] = await tx
    .insert(financeUnits)
    .values({
      organisationId: data.organisationId,
      name: data.name,
      sector: data.sector ?? null,
      unitOrganisationId: data.unitOrganisationId ?? null,
      sortOrder: data.sortOrder ?? (last ?? -1) + 1,
    })
    .returning();
  return row;
}

export async function createUnit(db: Db, actor: Actor | null, input: CreateUnitInput): Promise<UnitRow> {
  requireActor(actor);
  authorize(actor, financePolicy, "manage", null);
  const data = parseInput(createUnitInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    await checkOrganisation(tx, data.organisationId, "organisationId");
    await checkOrganisation(tx, data.unitOrganisationId, "unitOrganisationId");
    const row = await insertUnit(tx, data);
    await audit({ action: "finance.unit_created", entityType: "finance_unit", entityId: row.id, after: row });
    return row;
  });
}

/** The unit a budget or spend entry names: by id (of the same organisation), or by name, created when new. */
export async function resolveUnit(
  tx: Tx,
  organisationId: string,
  ref: { unitId?: string | null; unitName?: string | null },
  required: boolean,
): Promise<UnitRow | null> {
  if (ref.unitId) {
    const [unit] = await tx
      .select()
      .from(financeUnits)
      .where(and(eq(financeUnits.id, ref.unitId), eq(financeUnits.organisationId, organisationId)));
    if (!unit) throw fieldErrors({ unitId: "finance.errors.unknownUnit" });
    return unit;
  }
  if (ref.unitName) {
    const [unit] = await tx
      .select()
      .from(financeUnits)
      .where(
        and(
          eq(financeUnits.organisationId, organisationId),
          sql`lower(${financeUnits.name}) = lower(${ref.unitName})`,
        ),
      );
    return unit ?? insertUnit(tx, { organisationId, name: ref.unitName });
  }
  if (required) throw fieldErrors({ unitId: "finance.errors.unitRequired" });
  return null;
}

export async function createBudget(
  db: Db,
  actor: Actor | null,
  input: CreateBudgetInput,
): Promise<BudgetRecord> {
  requireActor(actor);
  authorize(actor, financePolicy, "manage", null);
  const data = parseInput(createBudgetInput, input);
  if (!data.unitId && !data.unitName && !data.projectId)
    throw fieldErrors({ unitId: "finance.errors.budgetTarget" });
  return writeWithAudit(db, actor, async (tx, audit) => {
    await checkOrganisation(tx, data.organisationId, "organisationId");
    const project = await checkProject(tx, data.projectId);
    const unit = await resolveUnit(tx, data.organisationId, data, false);
    const [row] = await tx
      .insert(budgets)
      .values({
        organisationId: data.organisationId,
        year: data.year,
        unitId: unit?.id ?? null,
        projectId: project?.id ?? null,
        amount: data.amount,
        note: data.note ?? null,
        createdBy: userIdOf(actor),
      })
      .returning();
    await audit({ action: "finance.budget_created", entityType: "budget", entityId: row.id, after: row });
    return { budget: row, unit: unit && { id: unit.id, name: unit.name }, project };
  });
}

export async function createSpend(
  db: Db,
  actor: Actor | null,
  input: CreateSpendInput,
): Promise<SpendRecord> {
  requireActor(actor);
  authorize(actor, financePolicy, "manage", null);
  const data = parseInput(createSpendInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    await checkOrganisation(tx, data.organisationId, "organisationId");
    const project = await checkProject(tx, data.projectId);
    const unit = (await resolveUnit(tx, data.organisationId, data, true))!;
    await checkSpendGuards(tx, data);
    const [row] = await tx
      .insert(spendEntries)
      .values({
        organisationId: data.organisationId,
        unitId: unit.id,
        date: data.date,
        amount: data.amount,
        category: data.category ?? null,
        note: data.note ?? null,
        projectId: project?.id ?? null,
        agreementId: data.agreementId ?? null,
        createdBy: userIdOf(actor),
        createdByName: actor.name,
      })
      .returning();
    await audit({ action: "finance.spend_created", entityType: "spend_entry", entityId: row.id, after: row });
    return { entry: row, unit: { id: unit.id, name: unit.name }, project };
  });
}

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export async function listBudgets(db: Db, actor: Actor | null, raw: Partial<BudgetQuery>) {
  requireActor(actor);
  const q = parseInput(budgetQuery, raw);
  const where: SQL[] = await organisationScope(db, actor, q.organisationId, budgets.organisationId);
  if (q.year) where.push(eq(budgets.year, q.year));
  if (q.unitId) where.push(eq(budgets.unitId, q.unitId));
  if (q.projectId) where.push(eq(budgets.projectId, q.projectId));
  const after = afterCursor(
    q.cursor,
    { sort: budgets.year, id: budgets.id },
    { sort: "integer", desc: true },
  );
  if (after) where.push(after);
  const rows = await db
    .select({
      budget: budgets,
      unitName: financeUnits.name,
    })
    .from(budgets)
    .leftJoin(financeUnits, eq(financeUnits.id, budgets.unitId))
    .where(and(...where))
    .orderBy(desc(budgets.year), desc(budgets.id))
    .limit(q.limit + 1);
  const result = page(rows, q.limit, (r) => encodeCursor(r.budget.year, r.budget.id));
  const projectName = await projectNames(
    db,
    result.items.map((r) => r.budget.projectId),
  );
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((r): BudgetRecord => {
      const name = r.budget.projectId ? projectName.get(r.budget.projectId) : undefined;
      return {
        budget: r.budget,
        unit: r.budget.unitId && r.unitName ? { id: r.budget.unitId, name: r.unitName } : null,
        project: r.budget.projectId && name ? { id: r.budget.projectId, name } : null,
      };
    }),
  };
}

export async function listSpend(db: Db, actor: Actor | null, raw: Partial<SpendQuery>) {
  requireActor(actor);
  const q = parseInput(spendQuery, raw);
  const where: SQL[] = await organisationScope(db, actor, q.organisationId, spendEntries.organisationId);
  if (q.year) {
    const [from, to] = yearRange(q.year);
    where.push(gte(spendEntries.date, from), lte(spendEntries.date, to));
  }
  if (q.from) where.push(gte(spendEntries.date, q.from));
  if (q.to) where.push(lte(spendEntries.date, q.to));
  if (q.unitId) where.push(eq(spendEntries.unitId, q.unitId));
  if (q.projectId) where.push(eq(spendEntries.projectId, q.projectId));
  if (q.agreementId) where.push(eq(spendEntries.agreementId, q.agreementId));
  const after = afterCursor(
    q.cursor,
    { sort: spendEntries.date, id: spendEntries.id },
    { sort: "date", desc: true },
  );
  if (after) where.push(after);
  const rows = await db
    .select({ entry: spendEntries, unitName: financeUnits.name })
    .from(spendEntries)
    .innerJoin(financeUnits, eq(financeUnits.id, spendEntries.unitId))
    .where(and(...where))
    .orderBy(desc(spendEntries.date), desc(spendEntries.id))
    .limit(q.limit + 1);
  const result = page(rows, q.limit, (r) => encodeCursor(r.entry.date, r.entry.id));
  const projectName = await projectNames(
    db,
    result.items.map((r) => r.entry.projectId),
  );
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((r): SpendRecord => {
      const name = r.entry.projectId ? projectName.get(r.entry.projectId) : undefined;
      return {
        entry: r.entry,
        unit: { id: r.entry.unitId, name: r.unitName },
        project: r.entry.projectId && name ? { id: r.entry.projectId, name } : null,
      };
    }),
  };
}
