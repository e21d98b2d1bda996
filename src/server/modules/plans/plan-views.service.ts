import type { CoverageView, TimelineView } from "../../../common/plans.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors } from "../../platform/errors.ts";
import { isoToDate, type Sheet } from "../../platform/spreadsheet-export.ts";
import { goalsOfVersion } from "../goals/index.ts";
import type { PlanItemRecord } from "./plan-items.records.ts";
import { plansPolicy } from "./plans.policy.ts";
import type { PlanRecord } from "./plans.service.ts";

/** The tidplan: phases and items as bars; an item without an end runs to the plan's end. */
export function timelineOf(plan: PlanRecord): TimelineView {
  return {
    periodStart: plan.plan.periodStart,
    periodEnd: plan.plan.periodEnd,
    phases: plan.phases.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      startDate: p.startDate,
      endDate: p.endDate,
    })),
    items: plan.items.map(({ item, section }) => ({
      id: item.id,
      number: item.number,
      title: item.title,
      section: section?.name ?? null,
      startText: item.startText,
      startDate: item.startDate,
      endDate: item.endDate ?? plan.plan.periodEnd,
      status: item.status as TimelineView["items"][number]["status"],
    })),
  };
}

/**
 * The goal × item matrix. The goals are those of the framework version the plan was written
 * against (plus any other goal an item links to); a goal no item of the chosen section serves is
 * flagged, which answers "which goals does no communication item serve?".
 */
export async function coverageOf(
  db: Db,
  actor: Actor | null,
  plan: PlanRecord,
  sectionId?: string,
): Promise<CoverageView> {
  authorize(actor, plansPolicy, "read", null);
  const section = sectionId ? plan.sections.find((s) => s.id === sectionId) : null;
  if (sectionId && !section) throw fieldErrors({ section: "plans.errors.unknownSection" });
  const items = section ? plan.items.filter((i) => i.item.sectionId === section.id) : plan.items;
  const frameworkGoals = plan.plan.frameworkVersionId
    ? await goalsOfVersion(db, plan.plan.frameworkVersionId)
    : [];
  const goals = frameworkGoals.map((g) => ({ id: g.id, code: g.code, text: g.text }));
  for (const { goals: linked } of plan.items)
    for (const g of linked)
      if (!goals.some((x) => x.id === g.id)) goals.push({ id: g.id, code: g.code, text: g.text });
  const rows = goals.map((g) => {
    const itemNumbers = items.filter((i) => i.goals.some((x) => x.id === g.id)).map((i) => i.item.number);
    return { ...g, itemNumbers, covered: itemNumbers.length > 0 };
  });
  return {
    section: section ? { id: section.id, name: section.name } : null,
    goals: rows,
    items: items.map(({ item, section: s, goals: linked }) => ({
      id: item.id,
      number: item.number,
      title: item.title,
      section: s?.name ?? null,
      goalIds: linked.map((g) => g.id),
    })),
    uncoveredGoals: rows.filter((r) => !r.covered).map(({ id, code, text }) => ({ id, code, text })),
  };
}

type T = (key: string, params?: Record<string, unknown>) => string;

/** The plan as the seed's table: one row per item, section by section. */
export function planSheet(plan: PlanRecord, t: T): Sheet<PlanItemRecord> {
  return {
    name: t("plans.title"),
    rows: plan.items,
    columns: [
      { header: t("plans.section"), value: (r) => r.section?.name ?? "", width: 22 },
      { header: t("plans.number"), value: (r) => r.item.number, width: 6 },
      { header: t("plans.activity"), value: (r) => r.item.title, width: 40 },
      { header: t("plans.description"), value: (r) => r.item.description, width: 60 },
      { header: t("plans.goals"), value: (r) => r.goals.map((g) => g.code).join(", "), width: 14 },
      { header: t("plans.targetGroups"), value: (r) => r.item.targetGroups.join(", "), width: 30 },
      { header: t("plans.responsible"), value: (r) => r.item.responsibleText, width: 30 },
      { header: t("plans.start"), value: (r) => startLabel(r), width: 22 },
      { header: t("plans.startDate"), value: (r) => isoToDate(r.item.startDate), width: 12 },
      { header: t("plans.resources"), value: (r) => r.item.resources, numFmt: '#,##0 "kr"', width: 14 },
      { header: t("plans.status"), value: (r) => t(`plans.statuses.${r.item.status}`), width: 12 },
      {
        header: t("plans.delivered"),
        value: (r) => r.activities.filter((a) => a.status === "done").length,
        width: 10,
      },
    ],
  };
}

/** START as the seed writes it: the start, and the recurrence when the start text does not already say it. */
export function startLabel({ item }: PlanItemRecord): string {
  const start = item.startText ?? "";
  if (!item.recurrence || start.toLowerCase().includes(item.recurrence.toLowerCase())) return start;
  return start ? `${start}, ${item.recurrence}` : item.recurrence;
}
