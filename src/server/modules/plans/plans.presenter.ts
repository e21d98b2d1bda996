import type { OccurrenceView, PlanItemView, PlanSummaryView, PlanView } from "../../../common/plans.ts";
import type { Actor } from "../../platform/actor.ts";
import { abilities } from "../../platform/authorize.ts";
import type { PlanItemRecord } from "./plan-items.records.ts";
import { plansPolicy } from "./plans.policy.ts";
import type { PlanRecord, PlanSummaryRecord } from "./plans.service.ts";

export function presentPlanSummary(r: PlanSummaryRecord): PlanSummaryView {
  return {
    id: r.plan.id,
    title: r.plan.title,
    subtitle: r.plan.subtitle,
    owner: r.owner,
    framework: r.framework,
    periodStart: r.plan.periodStart,
    periodEnd: r.plan.periodEnd,
    itemCount: r.itemCount,
    resourcesTotal: r.resourcesTotal,
  };
}

export function presentOccurrence(o: PlanItemRecord["occurrences"][number]): OccurrenceView {
  return {
    id: o.id,
    dueDate: o.dueDate,
    doneAt: o.doneAt?.toISOString() ?? null,
    doneByName: o.doneByName,
    note: o.note,
  };
}

export function presentPlanItem(r: PlanItemRecord): PlanItemView {
  const i = r.item;
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    description: i.description,
    section: r.section,
    phase: r.phase,
    goals: r.goals,
    targetGroups: i.targetGroups,
    responsibleText: i.responsibleText,
    responsibleOrganisations: r.responsibleOrganisations,
    startText: i.startText,
    startDate: i.startDate,
    endDate: i.endDate,
    recurrence: i.recurrence,
    recurrenceFrequency: i.recurrenceFrequency as PlanItemView["recurrenceFrequency"],
    recurrenceStart: i.recurrenceStart,
    recurrenceEnd: i.recurrenceEnd,
    occurrences: r.occurrences.map(presentOccurrence),
    resources: i.resources,
    status: i.status as PlanItemView["status"],
    progress: r.progress.map((p) => ({
      id: p.id,
      date: p.date,
      status: p.status as PlanItemView["status"] | null,
      note: p.note,
      authorName: p.authorName,
      createdAt: p.createdAt.toISOString(),
    })),
    activities: r.activities,
    deliveredCount: r.activities.filter((a) => a.status === "done").length,
  };
}

export function presentPlan(r: PlanRecord, actor: Actor | null): PlanView {
  const p = r.plan;
  return {
    ...presentPlanSummary(r),
    documentVersion: p.documentVersion,
    preparedBy: p.preparedBy,
    documentOwner: p.documentOwner,
    documentDate: p.documentDate,
    description: p.description,
    phases: r.phases.map((x) => ({
      id: x.id,
      name: x.name,
      description: x.description,
      startDate: x.startDate,
      endDate: x.endDate,
    })),
    sections: r.sections.map((x) => ({ id: x.id, name: x.name, description: x.description })),
    items: r.items.map(presentPlanItem),
    abilities: abilities(actor, plansPolicy, null, ["manage"]),
  };
}
