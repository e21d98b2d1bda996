import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  type createLocalPlanInput,
  type patchLocalPlanInput,
  type SupportKind,
  type supportInput,
  supportKinds,
} from "../../../common/localwork.ts";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { conflict, fieldErrors, notFound } from "../../platform/errors.ts";
import { localPlanRows } from "../../read/local-plans.ts";
import { existingOrganisationIds } from "../organisations/index.ts";
import { projectTreeIds } from "../projects/index.ts";
import { localPlanPolicy, planListScope } from "./localwork.policy.ts";
import { localPlanSupport, localPlans } from "./localwork.schema.ts";

export type PlanRow = typeof localPlans.$inferSelect & { organisationName: string; supportHours: number };
export type SupportRow = typeof localPlanSupport.$inferSelect;

async function loadPlan(db: Db | Tx, id: string) {
  const [row] = await localPlanRows(db, eq(localPlans.id, id));
  if (!row) throw notFound();
  return row;
}

/** The local plans the actor may read, by organisation name; optionally one organisation's or one project's. */
export async function listPlans(
  db: Db,
  actor: Actor | null,
  filter: { organisationId?: string; projectTag?: string; projectId?: string },
): Promise<PlanRow[]> {
  authorize(actor, localPlanPolicy, "list", null);
  const scope = planListScope(actor);
  if (scope && scope.length === 0) return [];
  return localPlanRows(
    db,
    and(
      scope ? inArray(localPlans.organisationId, scope) : undefined,
      filter.organisationId ? eq(localPlans.organisationId, filter.organisationId) : undefined,
      filter.projectTag ? eq(localPlans.projectTag, filter.projectTag) : undefined,
      filter.projectId ? eq(localPlans.projectId, filter.projectId) : undefined,
    ),
  );
}

/** One plan with its process support (the latest first) and the totals per kind. */
export async function getPlan(db: Db, actor: Actor | null, id: string) {
  const plan = await loadPlan(db, id);
  authorize(actor, localPlanPolicy, "read", plan);
  const support = await db
    .select()
    .from(localPlanSupport)
    .where(eq(localPlanSupport.planId, id))
    .orderBy(sql`${localPlanSupport.date} desc`, asc(localPlanSupport.createdAt));
  return { plan, support, totals: totalsOf(support) };
}

/** Efforts, hours and participants per kind of support, every kind listed (zeros included). */
export function totalsOf(support: readonly Pick<SupportRow, "kind" | "hours" | "participants">[]) {
  return supportKinds.map((kind) => {
    const ofKind = support.filter((s) => s.kind === kind);
    return {
      kind,
      efforts: ofKind.length,
      hours: ofKind.reduce((sum, s) => sum + s.hours, 0),
      participants: ofKind.reduce((sum, s) => sum + s.participants, 0),
    };
  });
}

export async function createPlan(db: Db, actor: Actor, input: z.output<typeof createLocalPlanInput>) {
  authorize(actor, localPlanPolicy, "create", { organisationId: input.organisationId });
  return writeWithAudit(db, actor, async (tx, audit) => {
    const known = await existingOrganisationIds(tx, [input.organisationId]);
    if (!known.has(input.organisationId))
      throw fieldErrors({ organisationId: "localwork.errors.noOrganisation" });
    const [existing] = await tx
      .select({ id: localPlans.id })
      .from(localPlans)
      .where(eq(localPlans.organisationId, input.organisationId));
    if (existing) throw conflict("localwork.errors.planExists");
    const [row] = await tx
      .insert(localPlans)
      .values({
        organisationId: input.organisationId,
        projectTag: input.projectTag ?? null,
        projectId: input.projectId ?? null,
        title: input.title,
        direction: input.direction ?? null,
        activities: input.activities,
      })
      .returning();
    await audit({
      action: "localwork.plan_created",
      entityType: "local_plan",
      entityId: row.id,
      after: { organisationId: row.organisationId, title: row.title, activities: row.activities.length },
    });
    return row.id;
  });
}

export async function updatePlan(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof patchLocalPlanInput>,
) {
  return writeWithAudit(db, actor, async (tx, audit) => {
    const plan = await loadPlan(tx, id);
    authorize(actor, localPlanPolicy, "read", plan);
    authorize(actor, localPlanPolicy, "manage", plan);
    const values = {
      title: input.title ?? plan.title,
      direction: input.direction === undefined ? plan.direction : input.direction,
      activities: input.activities ?? plan.activities,
      updatedAt: new Date(),
    };
    await tx.update(localPlans).set(values).where(eq(localPlans.id, id));
    await audit({
      action: "localwork.plan_updated",
      entityType: "local_plan",
      entityId: id,
      before: { title: plan.title, direction: plan.direction, activities: plan.activities },
      after: { title: values.title, direction: values.direction, activities: values.activities },
    });
  });
}

/** Records one process-support effort on the plan; the plan's version moves (its totals changed). */
export async function addSupport(db: Db, actor: Actor, id: string, input: z.output<typeof supportInput>) {
  return writeWithAudit(db, actor, async (tx, audit) => {
    const plan = await loadPlan(tx, id);
    authorize(actor, localPlanPolicy, "read", plan);
    authorize(actor, localPlanPolicy, "manage", plan);
    const [row] = await tx
      .insert(localPlanSupport)
      .values({ planId: id, ...input, note: input.note ?? null })
      .returning();
    await tx.update(localPlans).set({ updatedAt: new Date() }).where(eq(localPlans.id, id));
    await audit({
      action: "localwork.support_added",
      entityType: "local_plan",
      entityId: id,
      after: {
        supportId: row.id,
        kind: row.kind,
        date: row.date,
        hours: row.hours,
        participants: row.participants,
      },
    });
    return row;
  });
}

/**
 * The process support of every plan the actor may read (optionally one project's), per kind: the figures
 * the indicators and the progress report count. Aggregates only.
 */
export async function supportSummary(db: Db, actor: Actor | null, projectTag?: string) {
  const plans = await listPlans(db, actor, { projectTag });
  const ids = plans.map((p) => p.id);
  const rows = ids.length
    ? await db
        .select({
          kind: localPlanSupport.kind,
          efforts: sql<number>`count(*)::int`,
          hours: sql<number>`sum(${localPlanSupport.hours})::float8`,
          participants: sql<number>`sum(${localPlanSupport.participants})::int`,
        })
        .from(localPlanSupport)
        .where(inArray(localPlanSupport.planId, ids))
        .groupBy(localPlanSupport.kind)
    : [];
  const byKind = new Map(rows.map((r) => [r.kind as SupportKind, r]));
  return {
    plans: plans.length,
    organisations: new Set(plans.map((p) => p.organisationId)).size,
    totals: supportKinds.map((kind) => ({
      kind,
      efforts: Number(byKind.get(kind)?.efforts ?? 0),
      hours: Number(byKind.get(kind)?.hours ?? 0),
      participants: Number(byKind.get(kind)?.participants ?? 0),
    })),
  };
}

/**
 * The process support given in a period to the local plans of a project and its sub-projects, per kind
 * (for the project's progress report; the report's own permission check applies). Kinds without support
 * are left out; an empty list when the project has no local plans.
 */
export async function supportOfProjectInPeriod(db: Db, projectId: string, from: string, to: string) {
  // The project tree comes from the projects module's door (issue 12: no raw SQL on its table).
  const tree = await projectTreeIds(db, projectId);
  const rows = await queryRows<{ kind: SupportKind; efforts: number; hours: number; participants: number }>(
    db,
    sql`select s.kind, count(*)::int as efforts, sum(s.hours)::float8 as hours, sum(s.participants)::int as participants
        from ${localPlanSupport} s join ${localPlans} p on p.id = s.plan_id
       where p.project_id in (${sql.join(
         tree.map((id) => sql`${id}::uuid`),
         sql`, `,
       )}) and s.date between ${from}::date and ${to}::date
       group by s.kind`,
  );
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return supportKinds
    .filter((kind) => byKind.has(kind))
    .map((kind) => {
      const r = byKind.get(kind)!;
      return {
        kind,
        efforts: Number(r.efforts),
        hours: Number(r.hours),
        participants: Number(r.participants),
      };
    });
}
