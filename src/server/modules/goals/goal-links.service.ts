import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import type { GoalRefView } from "../../../common/goals.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { uniqueIds } from "../../platform/parse-input.ts";
import { activityTitles } from "../activities/index.ts";
import { activityGoals, planItemGoals, projectGoals } from "./goal-links.schema.ts";
import { goalsPolicy } from "./goals.policy.ts";
import { goalFrameworks, goalFrameworkVersions, goals } from "./goals.schema.ts";

/**
 * The goals module owns what-serves-which-goal. Plans and projects call these with their own
 * transaction; activities' links have their own route (goals.routes.ts).
 */
export type GoalLinkKind = "activity" | "planItem" | "project";

const linkTables = {
  activity: { table: activityGoals, entity: activityGoals.activityId, goal: activityGoals.goalId },
  planItem: { table: planItemGoals, entity: planItemGoals.itemId, goal: planItemGoals.goalId },
  project: { table: projectGoals, entity: projectGoals.projectId, goal: projectGoals.goalId },
} as const;

/** Goals as other modules show them, keyed by the linked entity's id. */
export async function goalRefsFor(
  db: Db | Tx,
  kind: GoalLinkKind,
  entityIds: string[],
): Promise<Map<string, GoalRefView[]>> {
  const result = new Map<string, GoalRefView[]>();
  if (!entityIds.length) return result;
  const link = linkTables[kind];
  const rows = await db
    .select({
      entityId: link.entity,
      id: goals.id,
      code: goals.code,
      text: goals.text,
      frameworkId: goalFrameworks.id,
      frameworkName: goalFrameworks.name,
      versionNumber: goalFrameworkVersions.number,
    })
    .from(link.table)
    .innerJoin(goals, eq(goals.id, link.goal))
    .innerJoin(goalFrameworkVersions, eq(goalFrameworkVersions.id, goals.versionId))
    .innerJoin(goalFrameworks, eq(goalFrameworks.id, goalFrameworkVersions.frameworkId))
    .where(inArray(link.entity, entityIds))
    .orderBy(asc(goalFrameworks.sortKey), asc(goals.sortOrder));
  const latest = await latestVersionNumbers(db, [...new Set(rows.map((r) => r.frameworkId))]);
  for (const { entityId, ...goal } of rows) {
    const list = result.get(entityId) ?? [];
    list.push({ ...goal, current: latest.get(goal.frameworkId) === goal.versionNumber });
    result.set(entityId, list);
  }
  return result;
}

async function latestVersionNumbers(db: Db | Tx, frameworkIds: string[]) {
  if (!frameworkIds.length) return new Map<string, number>();
  const rows = await db
    .select({ frameworkId: goalFrameworkVersions.frameworkId, number: max(goalFrameworkVersions.number) })
    .from(goalFrameworkVersions)
    .where(inArray(goalFrameworkVersions.frameworkId, frameworkIds))
    .groupBy(goalFrameworkVersions.frameworkId);
  return new Map(rows.map((r) => [r.frameworkId, r.number ?? 1]));
}

/** Replaces an entity's goal links; unknown goal ids are a 422 on `field`. Call inside the caller's transaction. */
export async function setGoalLinks(
  tx: Tx,
  kind: GoalLinkKind,
  entityId: string,
  goalIds: string[],
  field = "goalIds",
) {
  const wanted = uniqueIds(goalIds);
  if (wanted.length) {
    const found = await tx.select({ id: goals.id }).from(goals).where(inArray(goals.id, wanted));
    if (found.length !== wanted.length) throw fieldErrors({ [field]: "goals.errors.unknownGoal" });
  }
  const link = linkTables[kind];
  await tx.delete(link.table).where(eq(link.entity, entityId));
  if (wanted.length) {
    await tx.insert(link.table).values(wanted.map((goalId) => linkValues(kind, entityId, goalId)));
  }
}

function linkValues(kind: GoalLinkKind, entityId: string, goalId: string) {
  if (kind === "activity") return { activityId: entityId, goalId } as never;
  if (kind === "planItem") return { itemId: entityId, goalId } as never;
  return { projectId: entityId, goalId } as never;
}

/** The goals of one framework version, sub-goals after their parent, for coverage views. */
export async function goalsOfVersion(db: Db | Tx, versionId: string) {
  return db
    .select()
    .from(goals)
    .where(eq(goals.versionId, versionId))
    .orderBy(asc(goals.sortOrder), asc(goals.id));
}

/** The current version of a framework; null when the framework does not exist. */
export async function currentVersionOf(db: Db | Tx, frameworkId: string) {
  const [row] = await db
    .select({ id: goalFrameworkVersions.id, number: goalFrameworkVersions.number, name: goalFrameworks.name })
    .from(goalFrameworkVersions)
    .innerJoin(goalFrameworks, eq(goalFrameworks.id, goalFrameworkVersions.frameworkId))
    .where(eq(goalFrameworkVersions.frameworkId, frameworkId))
    .orderBy(desc(goalFrameworkVersions.number))
    .limit(1);
  return row ?? null;
}

/** Which framework and version a version id belongs to (for a plan's header). */
export async function describeVersion(db: Db | Tx, versionId: string) {
  const [row] = await db
    .select({
      versionId: goalFrameworkVersions.id,
      number: goalFrameworkVersions.number,
      frameworkId: goalFrameworks.id,
      frameworkName: goalFrameworks.name,
    })
    .from(goalFrameworkVersions)
    .innerJoin(goalFrameworks, eq(goalFrameworks.id, goalFrameworkVersions.frameworkId))
    .where(eq(goalFrameworkVersions.id, versionId));
  return row ?? null;
}

/** Goal ids of a framework's current version by code ("A", "B", …), for loaders and imports. */
export async function goalIdsByCode(db: Db | Tx, frameworkId: string, codes: string[]): Promise<string[]> {
  const version = await currentVersionOf(db, frameworkId);
  if (!version || !codes.length) return [];
  const rows = await db.select().from(goals).where(eq(goals.versionId, version.id));
  return codes.map((code) => {
    const goal = rows.find((g) => g.code.toLowerCase() === code.trim().toLowerCase());
    if (!goal) throw new Error(`goal ${code} not in framework ${frameworkId}`);
    return goal.id;
  });
}

/** An activity's goals: read by everyone logged in, set by staff. */
export async function activityGoalRefs(db: Db, actor: Actor | null, activityId: string) {
  authorize(actor, goalsPolicy, "read", null);
  if (!(await activityTitles(db, [activityId])).has(activityId)) throw notFound();
  return (await goalRefsFor(db, "activity", [activityId])).get(activityId) ?? [];
}

export async function setActivityGoals(db: Db, actor: Actor, activityId: string, goalIds: string[]) {
  authorize(actor, goalsPolicy, "linkActivityGoals", null);
  await writeWithAudit(db, actor, async (tx, audit) => {
    if (!(await activityTitles(tx, [activityId])).has(activityId)) throw notFound();
    const before = await tx
      .select({ goalId: activityGoals.goalId })
      .from(activityGoals)
      .where(and(eq(activityGoals.activityId, activityId)));
    await setGoalLinks(tx, "activity", activityId, goalIds);
    await audit({
      action: "goals.activity_links_set",
      entityType: "activity",
      entityId: activityId,
      before: before.map((b) => b.goalId),
      after: uniqueIds(goalIds),
    });
  });
  return activityGoalRefs(db, actor, activityId);
}
