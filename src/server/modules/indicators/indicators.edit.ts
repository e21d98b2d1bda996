import { eq, sql } from "drizzle-orm";
import {
  type PreviewIndicatorInput,
  previewIndicatorInput,
  type UpdateIndicatorInput,
  updateIndicatorInput,
} from "../../../common/indicators.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import { type Db, queryRows } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { loadDefinitionNames } from "../../read/indicators-names.ts";
import { computeValue, todayIso } from "./indicators.compute.ts";
import { type DescribeLocale, describeDefinition } from "./indicators.describe.ts";
import { discardEvidence } from "./indicators.evidence.ts";
import { indicatorsPolicy } from "./indicators.policy.ts";
import { findIndicator, type IndicatorRecord, type IndicatorRow } from "./indicators.records.ts";
import { indicators, indicatorValues } from "./indicators.schema.ts";
import { checkReferences, loadIndicator } from "./indicators.service.ts";

/** Changing and deleting indicators, what a deletion takes with it, and previewing a definition. */

/** Loads an indicator the actor may see (404 otherwise) and may change (403 otherwise). */
async function loadForChange(db: Db, actor: Actor | null, id: string) {
  const found = await loadIndicator(db, actor, id);
  authorize(actor, indicatorsPolicy, "update", found.row);
  return found;
}

const attachments = ["frameworkId", "goalId", "projectId", "organisationId", "agreementId"] as const;

/**
 * Changes what was sent. The kind stays (a manual indicator's values would otherwise lose their
 * meaning); the rules between fields are checked on the indicator as it would be after the change.
 * The row is read again under a lock inside the transaction: every column is written back, so a
 * copy read before it would undo a change someone else committed meanwhile.
 */
export async function updateIndicator(
  db: Db,
  actor: Actor | null,
  id: string,
  raw: UpdateIndicatorInput,
): Promise<IndicatorRecord> {
  await loadForChange(db, actor, id);
  const patch = parseInput(updateIndicatorInput, raw);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx.select().from(indicators).where(eq(indicators.id, id)).for("update");
    if (!row) throw notFound();
    const next = changedIndicator(row, patch);
    const frameworkId = await checkReferences(tx, {
      frameworkId: next.frameworkId,
      goalId: next.goalId,
      projectId: patch.projectId,
      organisationId: patch.organisationId,
      definition: patch.definition,
    });
    const [after] = await tx
      .update(indicators)
      .set({
        name: next.name,
        sortKey: swedishSortKey(next.name),
        description: next.description ?? null,
        unit: next.unit,
        goalText: next.goalText ?? null,
        frameworkId,
        goalId: next.goalId ?? null,
        projectId: next.projectId ?? null,
        organisationId: next.organisationId ?? null,
        agreementId: next.agreementId ?? null,
        direction: next.direction,
        target: next.target,
        baseline: next.baseline ?? null,
        startDate: next.startDate ?? null,
        deadline: next.deadline ?? null,
        definition: next.definition ?? null,
        sortOrder: next.sortOrder,
        updatedAt: new Date(),
      })
      .where(eq(indicators.id, id))
      .returning();
    await audit({ action: "indicators.updated", entityType: "indicator", entityId: id, before: row, after });
  });
  return (await findIndicator(db, id))!;
}

/** The indicator as it would be after the patch; 422 when the rules between fields break. */
function changedIndicator(row: IndicatorRow, patch: ReturnType<typeof updateIndicatorInput.parse>) {
  if (patch.definition !== undefined) {
    if (row.kind === "manual") throw fieldErrors({ definition: "indicators.errors.manualHasNoDefinition" });
    if (patch.definition === null) throw fieldErrors({ definition: "validation.indicators.kind" });
  }
  const next = { ...row };
  for (const [key, value] of Object.entries(patch))
    if (value !== undefined) Object.assign(next, { [key]: value });
  // A new goal brings its own framework unless a framework is sent too (then they must agree).
  if (patch.goalId && patch.frameworkId === undefined) next.frameworkId = null;
  if (!attachments.some((key) => next[key])) throw fieldErrors({ goalId: "validation.indicators.attachTo" });
  if (next.startDate && next.deadline && next.deadline < next.startDate)
    throw fieldErrors({ deadline: "validation.indicators.deadlineOrder" });
  return next;
}

/** What deleting the indicator takes with it: its entered values and their uploaded files. */
export async function indicatorImpact(db: Db, actor: Actor | null, id: string) {
  await loadIndicator(db, actor, id);
  const [counts] = await queryRows<{ values: number; files: number }>(
    db,
    sql`select count(*)::int as values, count(evidence_file_key)::int as files
        from indicator_values where indicator_id = ${id}::uuid`,
  );
  return { values: Number(counts?.values ?? 0), evidenceFiles: Number(counts?.files ?? 0) };
}

/** Deletes the indicator with its values (the data a computed one counts stays), then their files. */
export async function deleteIndicator(db: Db, actor: Actor | null, id: string) {
  await loadForChange(db, actor, id);
  const removedFiles = await writeWithAudit(db, actor, async (tx, audit) => {
    // Locked first: a value added meanwhile would go with the cascade but miss the audit, and its file
    // would stay on disk. Adding a value holds a key-share lock on the indicator, so it waits or fails.
    const [before] = await tx.select().from(indicators).where(eq(indicators.id, id)).for("update");
    if (!before) throw notFound();
    const values = await tx.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, id));
    await tx.delete(indicators).where(eq(indicators.id, id));
    await audit({
      action: "indicators.deleted",
      entityType: "indicator",
      entityId: id,
      before: { ...before, values },
    });
    return values.flatMap((v) => (v.evidenceFileKey ? [v.evidenceFileKey] : []));
  });
  // Only after the rows are gone for good: a rolled-back delete must not lose its evidence.
  await Promise.all(removedFiles.map(discardEvidence));
}

/** A definition as the indicator would count it today, and in words, without saving anything. */
export async function previewIndicator(
  db: Db,
  actor: Actor | null,
  raw: PreviewIndicatorInput,
  locale: DescribeLocale,
) {
  requireActor(actor);
  authorize(actor, indicatorsPolicy, "create", { organisationId: null });
  const { definition } = parseInput(previewIndicatorInput, raw);
  await checkReferences(db, { definition });
  const [totals, names] = await Promise.all([
    computeValue(db, definition, todayIso()),
    loadDefinitionNames(db, definition),
  ]);
  return {
    actual: totals.value,
    records: totals.records,
    definitionText: describeDefinition(definition, names, locale),
  };
}
