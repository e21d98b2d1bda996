import { and, asc, eq, type SQL } from "drizzle-orm";
import {
  type CreateIndicatorInput,
  createIndicatorInput,
  type IndicatorDefinition,
  type IndicatorListQuery,
  indicatorListQuery,
  type ManualValueInput,
  manualValueInput,
} from "../../../common/indicators.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor, systemActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, type FieldError, fieldErrors, notFound } from "../../platform/errors.ts";
import { afterCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { loadDefinitionNames } from "../../read/indicators-names.ts";
import {
  frameworkOfGoal,
  knownActivityTypes,
  type ReferencedTable,
  referenceExists,
} from "../../read/indicators-references.ts";
import { computeValue, recordsPage, todayIso } from "./indicators.compute.ts";
import { type DescribeLocale, describeDefinition } from "./indicators.describe.ts";
import { discardEvidence, saveEvidence } from "./indicators.evidence.ts";
import { indicatorsPolicy, readableOrganisationIds } from "./indicators.policy.ts";
import {
  findIndicator,
  type IndicatorRecord,
  ownedBy,
  selectIndicators,
  toRecord,
  type ValueRow,
  valuesOf,
} from "./indicators.records.ts";
import { indicators, indicatorValues } from "./indicators.schema.ts";

/** Defining indicators, reading them (scoped to what the actor may see), and manual values. */

const userIdOf = (actor: Actor) => (actor.userId === systemActor.userId ? null : actor.userId);

/** 404 for an unknown indicator and for one the actor may not see: existence does not leak. */
export async function loadIndicator(db: Db | Tx, actor: Actor | null, id: string): Promise<IndicatorRecord> {
  requireActor(actor);
  const found = await findIndicator(db, id);
  if (!found) throw notFound();
  authorize(actor, indicatorsPolicy, "read", found.row);
  return found;
}

/** A manual indicator's values over time, latest first (404 for one the actor may not see). */
export async function listValues(db: Db, actor: Actor | null, id: string): Promise<ValueRow[]> {
  await loadIndicator(db, actor, id);
  return (await valuesOf(db, [id])).get(id) ?? [];
}

/** What an indicator points at: what it is attached to and the ids and keys in its definition. */
export interface IndicatorReferences {
  frameworkId?: string | null;
  goalId?: string | null;
  projectId?: string | null;
  organisationId?: string | null;
  definition?: IndicatorDefinition | null;
}

/**
 * Every id the input points at must exist (422 on the field otherwise); a goal's framework is
 * filled in (and must agree). Returns the framework id to store.
 */
export async function checkReferences(tx: Db | Tx, input: IndicatorReferences) {
  const errors: Record<string, FieldError[]> = {};
  const flag = (field: string, key: string) => {
    errors[field] = [{ key }];
  };
  let frameworkId = input.frameworkId ?? null;
  if (input.goalId) {
    const goal = await frameworkOfGoal(tx, input.goalId);
    if (!goal) flag("goalId", "indicators.errors.unknownGoal");
    else if (frameworkId && frameworkId !== goal.framework_id)
      flag("goalId", "indicators.errors.goalNotInFramework");
    else frameworkId = goal.framework_id;
  }
  if (input.frameworkId && !(await referenceExists(tx, "goal_frameworks", input.frameworkId)))
    flag("frameworkId", "indicators.errors.unknownFramework");
  if (input.projectId && !(await referenceExists(tx, "projects", input.projectId)))
    flag("projectId", "indicators.errors.unknownProject");
  if (input.organisationId && !(await referenceExists(tx, "organisations", input.organisationId)))
    flag("organisationId", "indicators.errors.unknownOrganisation");
  const f = input.definition?.filters ?? {};
  const refs: [keyof typeof f, ReferencedTable, string][] = [
    ["projectId", "projects", "indicators.errors.unknownProject"],
    ["organisationId", "organisations", "indicators.errors.unknownOrganisation"],
    ["seriesId", "event_series", "indicators.errors.unknownSeries"],
    ["goalId", "goals", "indicators.errors.unknownGoal"],
  ];
  for (const [field, table, key] of refs) {
    const id = f[field] as string | undefined;
    if (id && !(await referenceExists(tx, table, id))) flag(`definition.filters.${field}`, key);
  }
  if (f.activityTypes?.length) {
    const known = await knownActivityTypes(tx, f.activityTypes);
    if (known.length !== new Set(f.activityTypes).size)
      flag("definition.filters.activityTypes", "indicators.errors.unknownActivityType");
  }
  if (Object.keys(errors).length) throw new AppError("validation", "errors.validation", {}, errors);
  return frameworkId;
}

export async function createIndicator(
  db: Db,
  actor: Actor | null,
  raw: CreateIndicatorInput,
): Promise<IndicatorRecord> {
  requireActor(actor);
  authorize(actor, indicatorsPolicy, "create", { organisationId: null });
  const input = parseInput(createIndicatorInput, raw);
  const id = await writeWithAudit(db, actor, async (tx, audit) => {
    const frameworkId = await checkReferences(tx, input);
    const [row] = await tx
      .insert(indicators)
      .values({
        name: input.name,
        sortKey: swedishSortKey(input.name),
        description: input.description ?? null,
        unit: input.unit,
        goalText: input.goalText ?? null,
        frameworkId,
        goalId: input.goalId ?? null,
        projectId: input.projectId ?? null,
        organisationId: input.organisationId ?? null,
        agreementId: input.agreementId ?? null,
        direction: input.direction,
        target: input.target,
        baseline: input.baseline ?? null,
        startDate: input.startDate ?? null,
        deadline: input.deadline ?? null,
        kind: input.definition ? "computed" : "manual",
        definition: input.definition ?? null,
        sortOrder: input.sortOrder ?? 0,
        createdBy: userIdOf(actor),
      })
      .returning();
    await audit({ action: "indicators.created", entityType: "indicator", entityId: row.id, after: row });
    return row.id;
  });
  return (await findIndicator(db, id))!;
}

/** A page of indicators the actor may see, filtered by what they are attached to, in name order. */
export async function listIndicators(db: Db, actor: Actor | null, raw: Partial<IndicatorListQuery>) {
  authorize(actor, indicatorsPolicy, "list", { organisationId: null });
  const q = parseInput(indicatorListQuery, raw);
  const where: SQL[] = [];
  const limited = readableOrganisationIds(actor);
  if (limited !== null) where.push(ownedBy(limited));
  if (q.frameworkId) where.push(eq(indicators.frameworkId, q.frameworkId));
  if (q.goalId) where.push(eq(indicators.goalId, q.goalId));
  if (q.projectId) where.push(eq(indicators.projectId, q.projectId));
  if (q.organisationId) where.push(eq(indicators.organisationId, q.organisationId));
  const after = afterCursor(q.cursor, { sort: indicators.sortKey, id: indicators.id });
  if (after) where.push(after);
  const rows = await selectIndicators(db)
    .where(and(...where))
    .orderBy(asc(indicators.sortKey), asc(indicators.id))
    .limit(q.limit + 1);
  const result = page(rows, q.limit, (r) => encodeCursor(r.row.sortKey, r.row.id));
  return { items: result.items.map(toRecord), nextCursor: result.nextCursor };
}

/** What a computed value counts, a page at a time, with the total it adds up to. */
export async function indicatorRecords(
  db: Db,
  actor: Actor | null,
  id: string,
  options: { limit: number; cursor?: string; locale: DescribeLocale },
) {
  const { row } = await loadIndicator(db, actor, id);
  if (row.kind !== "computed" || !row.definition)
    throw new AppError("badRequest", "indicators.errors.notComputed");
  const definition: IndicatorDefinition = row.definition;
  const today = todayIso();
  const [pageOf, totals, names] = await Promise.all([
    recordsPage(db, definition, options.limit, options.cursor, today),
    computeValue(db, definition, today),
    loadDefinitionNames(db, definition),
  ]);
  return {
    ...pageOf,
    total: totals.records,
    value: totals.value,
    definitionText: describeDefinition(definition, names, options.locale),
  };
}

export async function addManualValue(db: Db, actor: Actor | null, id: string, raw: ManualValueInput) {
  const { row } = await loadIndicator(db, actor, id);
  if (row.kind !== "manual") throw fieldErrors({ value: "indicators.errors.notManual" });
  authorize(actor, indicatorsPolicy, "addValue", row);
  const input = parseInput(manualValueInput, raw);
  const file = input.evidenceFile ? await saveEvidence(input.evidenceFile) : null;
  try {
    return await writeWithAudit(db, actor, async (tx, audit) => {
      const [value] = await tx
        .insert(indicatorValues)
        .values({
          indicatorId: id,
          date: input.date,
          value: input.value,
          note: input.note ?? null,
          evidenceUrl: input.evidenceUrl ?? null,
          evidenceFileKey: file?.key ?? null,
          evidenceFileName: file?.name ?? null,
          evidenceContentType: file?.contentType ?? null,
          evidenceSize: file?.size ?? null,
          enteredBy: userIdOf(actor!),
          enteredByName: actor!.name,
        })
        .returning();
      await audit({ action: "indicators.value_added", entityType: "indicator", entityId: id, after: value });
      return value;
    });
  } catch (error) {
    if (file) await discardEvidence(file.key);
    throw error;
  }
}

/** A stored evidence file of a value the actor may see; 404 otherwise. */
export async function evidenceOf(db: Db, actor: Actor | null, id: string, valueId: string) {
  await loadIndicator(db, actor, id);
  const [value] = await db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.id, valueId), eq(indicatorValues.indicatorId, id)));
  if (!value?.evidenceFileKey) throw notFound();
  return {
    key: value.evidenceFileKey,
    name: value.evidenceFileName ?? "underlag",
    contentType: value.evidenceContentType!,
  };
}
