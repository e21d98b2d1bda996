import { z } from "zod";
import { activityStatus } from "./activities.ts";
import { goalRefView, refView } from "./goals.ts";
import { isoDate, optionalText, requiredText, uuid } from "./validation.ts";

/** Action plans (handlingsplaner): phases, sections and numbered plan items. */

export const planItemStatuses = ["planned", "ongoing", "done", "cancelled"] as const;
export const planItemStatus = z.enum(planItemStatuses, { error: "validation.invalidValue" });
export type PlanItemStatus = z.infer<typeof planItemStatus>;

/**
 * A start as plans write it: "Q4 2013" (quarter), "vt 2014" (spring term, 1 January), "ht 2014"
 * (autumn term, 1 August), "2014" (a year), "2014-03" or "2014-03-15", possibly inside a longer
 * text like "1 gång per termin/start vt 2014". Returns the ISO date, or null when none is found.
 */
export function parsePlanStart(text: string): string | null {
  const s = text.trim().toLowerCase();
  const iso = s.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
  if (iso) {
    const d = new Date(`${iso[0]}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso[0] ? null : iso[0];
  }
  const month = s.match(/\b(\d{4})-(0[1-9]|1[0-2])\b/);
  if (month) return `${month[1]}-${month[2]}-01`;
  const quarter = s.match(/\bq([1-4])\s*(\d{4})\b/);
  if (quarter) return `${quarter[2]}-${String((Number(quarter[1]) - 1) * 3 + 1).padStart(2, "0")}-01`;
  const term = s.match(/\b(vt|ht|våren|hösten|vår|höst)\s*(\d{4})\b/);
  if (term) return `${term[2]}-${term[1].startsWith("v") ? "01" : "08"}-01`;
  const year = s.match(/\b((?:19|20)\d{2})\b/);
  if (year) return `${year[1]}-01-01`;
  return null;
}

const planFields = {
  title: requiredText(300),
  subtitle: optionalText(300),
  ownerOrganisationId: uuid.nullish(),
  /** The framework whose current version the plan's goals come from. */
  frameworkId: uuid.nullish(),
  documentVersion: optionalText(50),
  preparedBy: optionalText(300),
  documentOwner: optionalText(200),
  documentDate: isoDate.nullish(),
  periodStart: isoDate.nullish(),
  periodEnd: isoDate.nullish(),
  description: optionalText(8000),
};

export const phaseInput = z.object({
  name: requiredText(200),
  description: optionalText(2000),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
});

export const sectionInput = z.object({
  name: requiredText(200),
  description: optionalText(2000),
});

export const createPlanInput = z.object({
  ...planFields,
  phases: z.array(phaseInput).max(20).default([]),
  sections: z.array(sectionInput).max(20).default([]),
});
export type CreatePlanInput = z.input<typeof createPlanInput>;

export const updatePlanInput = z.strictObject({
  title: planFields.title.optional(),
  subtitle: planFields.subtitle,
  ownerOrganisationId: planFields.ownerOrganisationId,
  documentVersion: planFields.documentVersion,
  preparedBy: planFields.preparedBy,
  documentOwner: planFields.documentOwner,
  documentDate: planFields.documentDate,
  periodStart: planFields.periodStart,
  periodEnd: planFields.periodEnd,
  description: planFields.description,
});
export type UpdatePlanInput = z.input<typeof updatePlanInput>;

/** How a recurring item's occurrences are scheduled: every 6, 1 or 12 months from its start. */
export const recurrenceFrequencies = ["semester", "monthly", "yearly"] as const;
export const recurrenceFrequency = z.enum(recurrenceFrequencies, { error: "validation.invalidValue" });
export type RecurrenceFrequency = z.infer<typeof recurrenceFrequency>;
/** Months between two occurrences. */
export const recurrenceStepMonths: Record<RecurrenceFrequency, number> = {
  semester: 6,
  monthly: 1,
  yearly: 12,
};
/** At most this many occurrences are scheduled for one item (ten years of months). */
export const maxOccurrences = 120;

/** The due dates from start to end (inclusive), the day clamped to the month's length. */
export function occurrenceDates(frequency: RecurrenceFrequency, start: string, end: string): string[] {
  const [y, m, d] = start.split("-").map(Number);
  const step = recurrenceStepMonths[frequency];
  const out: string[] = [];
  for (let i = 0; out.length <= maxOccurrences; i += step) {
    const monthIndex = m - 1 + i;
    const year = y + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const date = `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
    if (date > end) break;
    out.push(date);
  }
  return out;
}

export const occurrenceDoneInput = z.object({ note: optionalText(1000) });
export type OccurrenceDoneInput = z.input<typeof occurrenceDoneInput>;

export const occurrenceView = z
  .object({
    id: z.string(),
    dueDate: z.string(),
    doneAt: z.string().nullable(),
    doneByName: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: "PlanItemOccurrence" });
export type OccurrenceView = z.infer<typeof occurrenceView>;

const itemFields = {
  number: z.number({ error: "validation.required" }).int().min(1).max(9999),
  title: requiredText(300),
  description: optionalText(8000),
  sectionId: uuid.nullish(),
  phaseId: uuid.nullish(),
  goalIds: z.array(uuid).max(100),
  targetGroups: z.array(requiredText(300)).max(30),
  responsibleText: optionalText(500),
  responsibleOrganisationIds: z.array(uuid).max(30),
  startText: optionalText(200),
  endDate: isoDate.nullish(),
  recurrence: optionalText(300),
  recurrenceFrequency: recurrenceFrequency.nullish(),
  recurrenceStart: isoDate.nullish(),
  recurrenceEnd: isoDate.nullish(),
  /** Whole kronor. */
  resources: z.number().int().min(0).max(2_000_000_000).nullish(),
  status: planItemStatus,
};

export const createPlanItemInput = z.object({
  ...itemFields,
  goalIds: itemFields.goalIds.default([]),
  targetGroups: itemFields.targetGroups.default([]),
  responsibleOrganisationIds: itemFields.responsibleOrganisationIds.default([]),
  status: itemFields.status.default("planned"),
});
export type CreatePlanItemInput = z.input<typeof createPlanItemInput>;

export const updatePlanItemInput = z.strictObject({
  number: itemFields.number.optional(),
  title: itemFields.title.optional(),
  description: itemFields.description,
  sectionId: itemFields.sectionId,
  phaseId: itemFields.phaseId,
  goalIds: itemFields.goalIds.optional(),
  targetGroups: itemFields.targetGroups.optional(),
  responsibleText: itemFields.responsibleText,
  responsibleOrganisationIds: itemFields.responsibleOrganisationIds.optional(),
  startText: itemFields.startText,
  endDate: itemFields.endDate,
  recurrence: itemFields.recurrence,
  recurrenceFrequency: itemFields.recurrenceFrequency,
  recurrenceStart: itemFields.recurrenceStart,
  recurrenceEnd: itemFields.recurrenceEnd,
  resources: itemFields.resources,
  status: itemFields.status.optional(),
});
export type UpdatePlanItemInput = z.input<typeof updatePlanItemInput>;

export const progressInput = z.object({
  date: isoDate.optional(),
  note: requiredText(4000),
  /** Also sets the item's status. */
  status: planItemStatus.nullish(),
});
export type ProgressInput = z.input<typeof progressInput>;

/** Link an existing activity to an item as its delivery, or create one from the item. */
export const itemActivityInput = z.union([
  z.object({ activityId: uuid }),
  z.object({
    activity: z.object({
      title: requiredText(300).optional(),
      typeKey: requiredText(100),
      startDate: isoDate.nullish(),
      endDate: isoDate.nullish(),
      description: optionalText(8000),
      status: activityStatus.optional(),
    }),
  }),
]);
export type ItemActivityInput = z.input<typeof itemActivityInput>;

export const coverageQuery = z.object({ section: uuid.optional() });
export const planExportQuery = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });

export const phaseView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export const sectionView = z.object({ id: z.string(), name: z.string(), description: z.string().nullable() });

export const progressView = z.object({
  id: z.string(),
  date: z.string(),
  status: planItemStatus.nullable(),
  note: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});

export const planItemView = z
  .object({
    id: z.string(),
    number: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    section: refView.nullable(),
    phase: refView.nullable(),
    goals: z.array(goalRefView),
    targetGroups: z.array(z.string()),
    responsibleText: z.string().nullable(),
    responsibleOrganisations: z.array(refView),
    startText: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    recurrence: z.string().nullable(),
    recurrenceFrequency: recurrenceFrequency.nullable(),
    recurrenceStart: z.string().nullable(),
    recurrenceEnd: z.string().nullable(),
    occurrences: z.array(occurrenceView),
    /** Whole kronor. */
    resources: z.number().int().nullable(),
    status: planItemStatus,
    progress: z.array(progressView),
    activities: z.array(
      z.object({ id: z.string(), title: z.string(), status: z.string(), startDate: z.string().nullable() }),
    ),
    /** Activities delivering the item that are done. */
    deliveredCount: z.number().int(),
  })
  .meta({ id: "PlanItem" });
export type PlanItemView = z.infer<typeof planItemView>;

export const planSummaryView = z
  .object({
    id: z.string(),
    title: z.string(),
    subtitle: z.string().nullable(),
    owner: refView.nullable(),
    framework: z.object({ id: z.string(), name: z.string(), versionNumber: z.number().int() }).nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    itemCount: z.number().int(),
    /** Sum of the items' resources, whole kronor. */
    resourcesTotal: z.number().int(),
  })
  .meta({ id: "PlanSummary" });
export type PlanSummaryView = z.infer<typeof planSummaryView>;

export const planView = planSummaryView
  .extend({
    documentVersion: z.string().nullable(),
    preparedBy: z.string().nullable(),
    documentOwner: z.string().nullable(),
    documentDate: z.string().nullable(),
    description: z.string().nullable(),
    phases: z.array(phaseView),
    sections: z.array(sectionView),
    items: z.array(planItemView),
    abilities: z.object({ manage: z.boolean() }),
  })
  .meta({ id: "Plan" });
export type PlanView = z.infer<typeof planView>;

export const timelineView = z.object({
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  phases: z.array(phaseView),
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      title: z.string(),
      section: z.string().nullable(),
      startText: z.string().nullable(),
      startDate: z.string().nullable(),
      /** The item's end, or the plan's when the item has none. */
      endDate: z.string().nullable(),
      status: planItemStatus,
    }),
  ),
});
export type TimelineView = z.infer<typeof timelineView>;

export const coverageView = z.object({
  section: refView.nullable(),
  goals: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      text: z.string(),
      /** Numbers of the items (in the chosen section) that serve the goal. */
      itemNumbers: z.array(z.number().int()),
      covered: z.boolean(),
    }),
  ),
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      title: z.string(),
      section: z.string().nullable(),
      goalIds: z.array(z.string()),
    }),
  ),
  uncoveredGoals: z.array(z.object({ id: z.string(), code: z.string(), text: z.string() })),
});
export type CoverageView = z.infer<typeof coverageView>;
