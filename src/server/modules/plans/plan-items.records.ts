import { asc, desc, eq, inArray } from "drizzle-orm";
import type { GoalRefView } from "../../../common/goals.ts";
import type { Db, Tx } from "../../db/client.ts";
import { planItemActivityRows, planItemOrganisationRows } from "../../read/plan-item-links.ts";
import { goalRefsFor } from "../goals/index.ts";
import {
  planItemOccurrences,
  planItemProgress,
  planItems,
  planPhases,
  planSections,
} from "./plans.schema.ts";

type ItemRow = typeof planItems.$inferSelect;

export interface PlanItemRecord {
  item: ItemRow;
  section: { id: string; name: string } | null;
  phase: { id: string; name: string } | null;
  goals: GoalRefView[];
  responsibleOrganisations: { id: string; name: string }[];
  progress: (typeof planItemProgress.$inferSelect)[];
  activities: { id: string; title: string; status: string; startDate: string | null }[];
  occurrences: (typeof planItemOccurrences.$inferSelect)[];
}

/** The items of a plan (or the given items), numbered order, with everything the plan's table shows. */
export async function loadItems(db: Db | Tx, planId: string, onlyIds?: string[]): Promise<PlanItemRecord[]> {
  const rows = await db
    .select({ item: planItems, sectionName: planSections.name, phaseName: planPhases.name })
    .from(planItems)
    .leftJoin(planSections, eq(planSections.id, planItems.sectionId))
    .leftJoin(planPhases, eq(planPhases.id, planItems.phaseId))
    .where(onlyIds ? inArray(planItems.id, onlyIds) : eq(planItems.planId, planId))
    .orderBy(asc(planSections.sortOrder), asc(planItems.number));
  const ids = rows.map((r) => r.item.id);
  if (!ids.length) return [];
  const [goals, orgs, progress, acts, occurrences] = await Promise.all([
    goalRefsFor(db, "planItem", ids),
    planItemOrganisationRows(db, ids),
    db
      .select()
      .from(planItemProgress)
      .where(inArray(planItemProgress.itemId, ids))
      .orderBy(desc(planItemProgress.date), desc(planItemProgress.createdAt)),
    planItemActivityRows(db, ids),
    db
      .select()
      .from(planItemOccurrences)
      .where(inArray(planItemOccurrences.itemId, ids))
      .orderBy(asc(planItemOccurrences.dueDate)),
  ]);
  return rows.map(({ item, sectionName, phaseName }) => ({
    item,
    section: item.sectionId && sectionName ? { id: item.sectionId, name: sectionName } : null,
    phase: item.phaseId && phaseName ? { id: item.phaseId, name: phaseName } : null,
    goals: goals.get(item.id) ?? [],
    responsibleOrganisations: orgs.filter((o) => o.itemId === item.id).map(({ id, name }) => ({ id, name })),
    progress: progress.filter((p) => p.itemId === item.id),
    activities: acts.filter((a) => a.itemId === item.id).map(({ itemId: _, ...a }) => a),
    occurrences: occurrences.filter((o) => o.itemId === item.id),
  }));
}
