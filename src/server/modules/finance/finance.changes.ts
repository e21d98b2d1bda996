import { eq } from "drizzle-orm";
import {
  type UpdateBudgetInput,
  type UpdateSpendInput,
  updateBudgetInput,
  updateSpendInput,
} from "../../../common/finance.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { projectNames } from "../projects/index.ts";
import { financePolicy } from "./finance.policy.ts";
import { budgets, financeUnits, spendEntries } from "./finance.schema.ts";
import { type BudgetRecord, checkProject, resolveUnit, type SpendRecord } from "./finance.service.ts";
import { checkSpendGuards } from "./spend-guards.ts";

/**
 * Corrections to money already entered: change or remove a budget or a spend entry. The same
 * people who may enter money may correct it (canManageFinance); the rule does not depend on the
 * entry, so a 403 reveals nothing about which ids exist. Every change is audited with before/after.
 */

function assertManager(actor: Actor | null): asserts actor is Actor {
  requireActor(actor);
  authorize(actor, financePolicy, "manage", null);
}

/** Only the fields that were sent; "" in a free-text field clears it. */
function changedFields<T extends Record<string, unknown>>(data: T, texts: (keyof T)[]) {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    patch[key] = texts.includes(key) && value === "" ? null : value;
  }
  return patch;
}

async function lockedBudget(tx: Tx, id: string) {
  const [row] = await tx.select().from(budgets).where(eq(budgets.id, id)).for("update");
  if (!row) throw notFound();
  return row;
}

async function lockedSpend(tx: Tx, id: string) {
  const [row] = await tx.select().from(spendEntries).where(eq(spendEntries.id, id)).for("update");
  if (!row) throw notFound();
  return row;
}

async function nameOf(tx: Tx, table: typeof financeUnits, id: string | null) {
  if (!id) return null;
  const [row] = await tx.select({ id: table.id, name: table.name }).from(table).where(eq(table.id, id));
  return row ?? null;
}

/** The project a budget or spend entry is on, with its name (asked of the projects door). */
async function projectOf(tx: Tx, id: string | null) {
  if (!id) return null;
  const name = (await projectNames(tx, [id])).get(id);
  return name === undefined ? null : { id, name };
}

export async function updateBudget(
  db: Db,
  actor: Actor | null,
  id: string,
  input: UpdateBudgetInput,
): Promise<BudgetRecord> {
  assertManager(actor);
  const data = parseInput(updateBudgetInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const before = await lockedBudget(tx, id);
    const { unitName, ...rest } = data;
    const patch = changedFields(rest, ["note"]);
    if (data.projectId) await checkProject(tx, data.projectId);
    if (data.unitId || unitName)
      patch.unitId = (await resolveUnit(tx, before.organisationId, data, false))?.id;
    const unitId = patch.unitId !== undefined ? patch.unitId : before.unitId;
    const projectId = patch.projectId !== undefined ? patch.projectId : before.projectId;
    if (!unitId && !projectId) throw fieldErrors({ unitId: "finance.errors.budgetTarget" });
    const [after] = await tx
      .update(budgets)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(budgets.id, id))
      .returning();
    await audit({ action: "finance.budget_updated", entityType: "budget", entityId: id, before, after });
    return {
      budget: after,
      unit: await nameOf(tx, financeUnits, after.unitId),
      project: await projectOf(tx, after.projectId),
    };
  });
}

export async function deleteBudget(db: Db, actor: Actor | null, id: string) {
  assertManager(actor);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const before = await lockedBudget(tx, id);
    await tx.delete(budgets).where(eq(budgets.id, id));
    await audit({ action: "finance.budget_deleted", entityType: "budget", entityId: id, before });
  });
}

export async function updateSpend(
  db: Db,
  actor: Actor | null,
  id: string,
  input: UpdateSpendInput,
): Promise<SpendRecord> {
  assertManager(actor);
  const data = parseInput(updateSpendInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const before = await lockedSpend(tx, id);
    const { unitName, ...rest } = data;
    const patch = changedFields(rest, ["note", "category"]);
    if (data.projectId) await checkProject(tx, data.projectId);
    // Sending a unit at all (even null) means "move the entry": it must land on a unit.
    if (data.unitId !== undefined || unitName !== undefined)
      patch.unitId = (await resolveUnit(tx, before.organisationId, data, true))?.id;
    if (data.agreementId || (data.date && before.agreementId))
      await checkSpendGuards(tx, {
        agreementId: data.agreementId ?? before.agreementId,
        date: data.date ?? before.date,
      });
    const [after] = await tx
      .update(spendEntries)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(spendEntries.id, id))
      .returning();
    await audit({ action: "finance.spend_updated", entityType: "spend_entry", entityId: id, before, after });
    const unit = await nameOf(tx, financeUnits, after.unitId);
    return { entry: after, unit: unit!, project: await projectOf(tx, after.projectId) };
  });
}

export async function deleteSpend(db: Db, actor: Actor | null, id: string) {
  assertManager(actor);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const before = await lockedSpend(tx, id);
    await tx.delete(spendEntries).where(eq(spendEntries.id, id));
    await audit({ action: "finance.spend_deleted", entityType: "spend_entry", entityId: id, before });
  });
}
