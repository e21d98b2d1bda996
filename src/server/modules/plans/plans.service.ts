import { asc, count, eq, inArray, sum } from "drizzle-orm";
import {
  type CreatePlanInput,
  createPlanInput,
  type UpdatePlanInput,
  updatePlanInput,
} from "../../../common/plans.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { currentVersionOf, describeVersion } from "../goals/index.ts";
import { organisationNames } from "../organisations/index.ts";
import { loadItems, type PlanItemRecord } from "./plan-items.records.ts";
import { plansPolicy } from "./plans.policy.ts";
import { planItems, planPhases, planSections, plans } from "./plans.schema.ts";

type PlanRow = typeof plans.$inferSelect;

export interface PlanSummaryRecord {
  plan: PlanRow;
  owner: { id: string; name: string } | null;
  framework: { id: string; name: string; versionNumber: number } | null;
  itemCount: number;
  resourcesTotal: number;
}

export interface PlanRecord extends PlanSummaryRecord {
  phases: (typeof planPhases.$inferSelect)[];
  sections: (typeof planSections.$inferSelect)[];
  items: PlanItemRecord[];
}

async function summarise(db: Db | Tx, rows: { plan: PlanRow }[]) {
  const ids = rows.map((r) => r.plan.id);
  const ownerNames = await organisationNames(db, uniqueOwners(rows.map((r) => r.plan)));
  const totals = ids.length
    ? await db
        .select({ planId: planItems.planId, n: count(), total: sum(planItems.resources) })
        .from(planItems)
        .where(inArray(planItems.planId, ids))
        .groupBy(planItems.planId)
    : [];
  const out: PlanSummaryRecord[] = [];
  for (const { plan } of rows) {
    const ownerName = plan.ownerOrganisationId ? ownerNames.get(plan.ownerOrganisationId) : undefined;
    const t = totals.find((x) => x.planId === plan.id);
    const version = plan.frameworkVersionId ? await describeVersion(db, plan.frameworkVersionId) : null;
    out.push({
      plan,
      owner: plan.ownerOrganisationId && ownerName ? { id: plan.ownerOrganisationId, name: ownerName } : null,
      framework: version
        ? { id: version.frameworkId, name: version.frameworkName, versionNumber: version.number }
        : null,
      itemCount: t?.n ?? 0,
      resourcesTotal: Number(t?.total ?? 0),
    });
  }
  return out;
}

function selectPlans(db: Db | Tx) {
  return db.select({ plan: plans }).from(plans);
}

const uniqueOwners = (list: PlanRow[]) => [
  ...new Set(list.flatMap((p) => (p.ownerOrganisationId ? [p.ownerOrganisationId] : []))),
];

export async function listPlans(db: Db | Tx, actor: Actor | null): Promise<PlanSummaryRecord[]> {
  authorize(actor, plansPolicy, "read", null);
  return summarise(db, await selectPlans(db).orderBy(asc(plans.sortKey), asc(plans.id)));
}

/** A plan with its phases, sections and items (goals, responsible units, progress, activities). */
export async function getPlan(db: Db | Tx, actor: Actor | null, id: string): Promise<PlanRecord | null> {
  authorize(actor, plansPolicy, "read", null);
  const rows = await selectPlans(db).where(eq(plans.id, id));
  if (!rows.length) return null;
  const [summary] = await summarise(db, rows);
  const phases = await db
    .select()
    .from(planPhases)
    .where(eq(planPhases.planId, id))
    .orderBy(asc(planPhases.sortOrder));
  const sections = await db
    .select()
    .from(planSections)
    .where(eq(planSections.planId, id))
    .orderBy(asc(planSections.sortOrder));
  return { ...summary, phases, sections, items: await loadItems(db, id) };
}

function checkPeriod(start: string | null | undefined, end: string | null | undefined, field = "periodEnd") {
  if (start && end && end < start) throw fieldErrors({ [field]: "plans.errors.periodOrder" });
}

async function checkOrganisation(db: Db | Tx, id: string | null | undefined) {
  if (!id) return;
  if (!(await organisationNames(db, [id])).has(id))
    throw fieldErrors({ ownerOrganisationId: "plans.errors.unknownOrganisation" });
}

export async function createPlan(db: Db, actor: Actor, raw: CreatePlanInput): Promise<string> {
  authorize(actor, plansPolicy, "manage", null);
  const input = parseInput(createPlanInput, raw);
  checkPeriod(input.periodStart, input.periodEnd);
  for (const [i, p] of input.phases.entries()) checkPeriod(p.startDate, p.endDate, `phases.${i}.endDate`);
  return writeWithAudit(db, actor, async (tx, audit) => {
    await checkOrganisation(tx, input.ownerOrganisationId);
    let frameworkVersionId: string | null = null;
    if (input.frameworkId) {
      const version = await currentVersionOf(tx, input.frameworkId);
      if (!version) throw fieldErrors({ frameworkId: "plans.errors.unknownFramework" });
      frameworkVersionId = version.id;
    }
    const { phases, sections, frameworkId: _, ...fields } = input;
    const [plan] = await tx
      .insert(plans)
      .values({ ...fields, sortKey: swedishSortKey(input.title), frameworkVersionId })
      .returning();
    if (phases.length)
      await tx.insert(planPhases).values(phases.map((p, i) => ({ ...p, planId: plan.id, sortOrder: i })));
    if (sections.length)
      await tx.insert(planSections).values(sections.map((s, i) => ({ ...s, planId: plan.id, sortOrder: i })));
    await audit({ action: "plans.created", entityType: "plan", entityId: plan.id, after: input });
    return plan.id;
  });
}

export async function updatePlan(db: Db, actor: Actor, id: string, raw: UpdatePlanInput) {
  authorize(actor, plansPolicy, "manage", null);
  const input = parseInput(updatePlanInput, raw);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(plans).where(eq(plans.id, id));
    if (!before) throw notFound();
    checkPeriod(
      input.periodStart === undefined ? before.periodStart : input.periodStart,
      input.periodEnd === undefined ? before.periodEnd : input.periodEnd,
    );
    await checkOrganisation(tx, input.ownerOrganisationId);
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [after] = await tx
      .update(plans)
      .set({
        ...changes,
        ...(input.title ? { sortKey: swedishSortKey(input.title) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(plans.id, id))
      .returning();
    await audit({ action: "plans.updated", entityType: "plan", entityId: id, before, after });
  });
}

/** Adds a phase or a section at the end of the plan's list. */
export async function addPlanPart(
  db: Db,
  actor: Actor,
  planId: string,
  kind: "phase" | "section",
  input: { name: string; description?: string | null; startDate?: string | null; endDate?: string | null },
) {
  authorize(actor, plansPolicy, "manage", null);
  if (kind === "phase") checkPeriod(input.startDate, input.endDate, "endDate");
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
    if (!plan) throw notFound();
    const table = kind === "phase" ? planPhases : planSections;
    const [{ n }] = await tx.select({ n: count() }).from(table).where(eq(table.planId, planId));
    const values =
      kind === "phase"
        ? { ...input, planId, sortOrder: n }
        : { name: input.name, description: input.description ?? null, planId, sortOrder: n };
    const [row] = await tx
      .insert(table)
      .values(values as never)
      .returning();
    await audit({ action: `plans.${kind}_added`, entityType: "plan", entityId: planId, after: row });
    return row.id as string;
  });
}
