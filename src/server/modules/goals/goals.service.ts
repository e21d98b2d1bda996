import { and, asc, count, desc, eq, inArray, isNull, max } from "drizzle-orm";
import {
  type CreateFrameworkInput,
  createFrameworkInput,
  type GoalInput,
  type ReviseFrameworkInput,
  reviseFrameworkInput,
  type UpdateFrameworkInput,
  updateFrameworkInput,
} from "../../../common/goals.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, type FieldError, fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { organisationNames } from "../organisations/index.ts";
import { goalsPolicy } from "./goals.policy.ts";
import { goalFrameworks, goalFrameworkVersions, goals } from "./goals.schema.ts";

type FrameworkRow = typeof goalFrameworks.$inferSelect;
type VersionRow = typeof goalFrameworkVersions.$inferSelect;
type GoalRow = typeof goals.$inferSelect;

export interface FrameworkRecord {
  framework: FrameworkRow;
  owner: { id: string; name: string } | null;
  currentVersion: number;
  goalCount: number;
}

export interface FrameworkDetail extends FrameworkRecord {
  version: VersionRow;
  versions: VersionRow[];
  goals: (GoalRow & { subGoals: GoalRow[] })[];
}

/** Frameworks with their owners' names (one query to the organisation register for the whole list). */
async function withOwnerNames(db: Db | Tx, frameworks: (typeof goalFrameworks.$inferSelect)[]) {
  const owners = await organisationNames(db, [
    ...new Set(frameworks.flatMap((f) => (f.ownerOrganisationId ? [f.ownerOrganisationId] : []))),
  ]);
  return frameworks.map((framework) => ({
    framework,
    ownerName: framework.ownerOrganisationId ? (owners.get(framework.ownerOrganisationId) ?? null) : null,
  }));
}

/** Every framework with its owner and current version number, in Swedish name order. */
export async function listFrameworks(db: Db | Tx, actor: Actor | null): Promise<FrameworkRecord[]> {
  authorize(actor, goalsPolicy, "read", null);
  const rows = await withOwnerNames(
    db,
    await db.select().from(goalFrameworks).orderBy(asc(goalFrameworks.sortKey), asc(goalFrameworks.id)),
  );
  if (!rows.length) return [];
  const ids = rows.map((r) => r.framework.id);
  const current = await db
    .select({ frameworkId: goalFrameworkVersions.frameworkId, number: max(goalFrameworkVersions.number) })
    .from(goalFrameworkVersions)
    .where(inArray(goalFrameworkVersions.frameworkId, ids))
    .groupBy(goalFrameworkVersions.frameworkId);
  const counts = await db
    .select({
      frameworkId: goalFrameworkVersions.frameworkId,
      number: goalFrameworkVersions.number,
      n: count(),
    })
    .from(goals)
    .innerJoin(goalFrameworkVersions, eq(goalFrameworkVersions.id, goals.versionId))
    .where(and(inArray(goalFrameworkVersions.frameworkId, ids), isNull(goals.parentId)))
    .groupBy(goalFrameworkVersions.frameworkId, goalFrameworkVersions.number);
  const currentBy = new Map(current.map((c) => [c.frameworkId, c.number ?? 1]));
  return rows.map(({ framework, ownerName }) => {
    const number = currentBy.get(framework.id) ?? 1;
    const n = counts.find((c) => c.frameworkId === framework.id && c.number === number)?.n ?? 0;
    return {
      framework,
      owner:
        framework.ownerOrganisationId && ownerName
          ? { id: framework.ownerOrganisationId, name: ownerName }
          : null,
      currentVersion: number,
      goalCount: n,
    };
  });
}

/** One framework with the goals of the requested version (the current one by default); null when unknown. */
export async function getFramework(
  db: Db | Tx,
  actor: Actor | null,
  id: string,
  versionNumber?: number,
): Promise<FrameworkDetail | null> {
  authorize(actor, goalsPolicy, "read", null);
  const [row] = await withOwnerNames(
    db,
    await db.select().from(goalFrameworks).where(eq(goalFrameworks.id, id)),
  );
  if (!row) return null;
  const versions = await db
    .select()
    .from(goalFrameworkVersions)
    .where(eq(goalFrameworkVersions.frameworkId, id))
    .orderBy(desc(goalFrameworkVersions.number));
  const version = versionNumber ? versions.find((v) => v.number === versionNumber) : versions[0];
  if (!version) return null;
  const rows = await db
    .select()
    .from(goals)
    .where(eq(goals.versionId, version.id))
    .orderBy(asc(goals.sortOrder), asc(goals.id));
  const tree = rows
    .filter((g) => !g.parentId)
    .map((g) => ({ ...g, subGoals: rows.filter((s) => s.parentId === g.id) }));
  return {
    framework: row.framework,
    owner:
      row.framework.ownerOrganisationId && row.ownerName
        ? { id: row.framework.ownerOrganisationId, name: row.ownerName }
        : null,
    currentVersion: versions[0].number,
    goalCount: tree.length,
    version,
    versions,
    goals: tree,
  };
}

function checkPeriod(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) throw fieldErrors({ periodEnd: "goals.errors.periodOrder" });
}

/** Codes are unique within a version, sub-goals included, ignoring case. */
function checkCodes(list: GoalInput[]) {
  const seen = new Set<string>();
  const errors: Record<string, FieldError[]> = {};
  list.forEach((goal, i) => {
    const entries: [string, string][] = [
      [`goals.${i}.code`, goal.code],
      ...(goal.subGoals ?? []).map((s, j): [string, string] => [`goals.${i}.subGoals.${j}.code`, s.code]),
    ];
    for (const [field, code] of entries) {
      const key = code.trim().toLowerCase();
      if (seen.has(key)) errors[field] = [{ key: "goals.errors.duplicateCode", params: { code } }];
      seen.add(key);
    }
  });
  if (Object.keys(errors).length) throw new AppError("validation", "errors.validation", {}, errors);
}

async function checkOwner(db: Db | Tx, ownerId: string | null | undefined) {
  if (!ownerId) return;
  if (!(await organisationNames(db, [ownerId])).has(ownerId))
    throw fieldErrors({ ownerOrganisationId: "goals.errors.unknownOrganisation" });
}

/** Writes a version's goals; goals whose code the previous version also had point back to it. */
async function insertGoals(tx: Tx, versionId: string, list: GoalInput[], previous: GoalRow[] = []) {
  const previousByCode = new Map(previous.map((g) => [g.code.trim().toLowerCase(), g.id]));
  let order = 0;
  for (const goal of list) {
    const [parent] = await tx
      .insert(goals)
      .values({
        versionId,
        code: goal.code,
        text: goal.text,
        sortOrder: order++,
        previousGoalId: previousByCode.get(goal.code.trim().toLowerCase()) ?? null,
      })
      .returning();
    for (const sub of goal.subGoals ?? []) {
      await tx.insert(goals).values({
        versionId,
        parentId: parent.id,
        code: sub.code,
        text: sub.text,
        sortOrder: order++,
        previousGoalId: previousByCode.get(sub.code.trim().toLowerCase()) ?? null,
      });
    }
  }
}

export async function createFramework(db: Db, actor: Actor, raw: CreateFrameworkInput): Promise<string> {
  authorize(actor, goalsPolicy, "manage", null);
  const input = parseInput(createFrameworkInput, raw);
  checkPeriod(input.periodStart, input.periodEnd);
  checkCodes(input.goals);
  return writeWithAudit(db, actor, async (tx, audit) => {
    await checkOwner(tx, input.ownerOrganisationId);
    const [framework] = await tx
      .insert(goalFrameworks)
      .values({
        name: input.name,
        sortKey: swedishSortKey(input.name),
        ownerOrganisationId: input.ownerOrganisationId ?? null,
        registryNumber: input.registryNumber ?? null,
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd ?? null,
        vision: input.vision ?? null,
        description: input.description ?? null,
      })
      .returning();
    const [version] = await tx
      .insert(goalFrameworkVersions)
      .values({ frameworkId: framework.id, number: 1, createdBy: actorUserId(actor) })
      .returning();
    await insertGoals(tx, version.id, input.goals);
    await audit({
      action: "goals.framework_created",
      entityType: "goal_framework",
      entityId: framework.id,
      after: input,
    });
    return framework.id;
  });
}

export async function updateFramework(db: Db, actor: Actor, id: string, raw: UpdateFrameworkInput) {
  authorize(actor, goalsPolicy, "manage", null);
  const input = parseInput(updateFrameworkInput, raw);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(goalFrameworks).where(eq(goalFrameworks.id, id));
    if (!before) throw notFound();
    checkPeriod(
      input.periodStart === undefined ? before.periodStart : input.periodStart,
      input.periodEnd === undefined ? before.periodEnd : input.periodEnd,
    );
    await checkOwner(tx, input.ownerOrganisationId);
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [after] = await tx
      .update(goalFrameworks)
      .set({
        ...changes,
        ...(input.name ? { sortKey: swedishSortKey(input.name) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(goalFrameworks.id, id))
      .returning();
    await audit({
      action: "goals.framework_updated",
      entityType: "goal_framework",
      entityId: id,
      before,
      after,
    });
  });
}

/**
 * Revising a framework adds a version with the new goals. The earlier version and its goals stay,
 * so every activity, plan item and project linked to them keeps its link.
 */
export async function reviseFramework(db: Db, actor: Actor, id: string, raw: ReviseFrameworkInput) {
  authorize(actor, goalsPolicy, "manage", null);
  const input = parseInput(reviseFrameworkInput, raw);
  checkCodes(input.goals);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [latest] = await tx
      .select()
      .from(goalFrameworkVersions)
      .where(eq(goalFrameworkVersions.frameworkId, id))
      .orderBy(desc(goalFrameworkVersions.number))
      .limit(1);
    if (!latest) throw notFound();
    const previous = await tx.select().from(goals).where(eq(goals.versionId, latest.id));
    const [version] = await tx
      .insert(goalFrameworkVersions)
      .values({
        frameworkId: id,
        number: latest.number + 1,
        note: input.note ?? null,
        createdBy: actorUserId(actor),
      })
      .returning();
    await insertGoals(tx, version.id, input.goals, previous);
    await tx.update(goalFrameworks).set({ updatedAt: new Date() }).where(eq(goalFrameworks.id, id));
    await audit({
      action: "goals.framework_revised",
      entityType: "goal_framework",
      entityId: id,
      before: { version: latest.number, goals: previous.map((g) => ({ code: g.code, text: g.text })) },
      after: { version: version.number, ...input },
    });
    return version.number;
  });
}

/** The system actor has no users row; audit and created_by record it as null. */
export function actorUserId(actor: Actor): string | null {
  return actor.userId === "00000000-0000-0000-0000-000000000000" ? null : actor.userId;
}
