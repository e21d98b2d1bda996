import { z } from "zod";
import { goalRefView, refView } from "./goals.ts";
import { formatPeriod as formatMonthPeriod, formatPeriodText } from "./period.ts";
import { isoDate, optionalText, pageQuery, requiredText, uuid } from "./validation.ts";

/** The project portfolio: projects with appendix 1's follow-up fields, colours, reports and outputs. */

export const projectColours = ["green", "yellow", "red"] as const;
export const projectColour = z.enum(projectColours, { error: "validation.invalidValue" });
export type ProjectColour = z.infer<typeof projectColour>;

export const reportTypes = ["delrapport", "slutrapport"] as const;
export const reportType = z.enum(reportTypes, { error: "validation.invalidValue" });
export type ReportType = z.infer<typeof reportType>;

export const outputTypes = [
  "publication",
  "scientific_article",
  "report",
  "conference_presentation",
  "dissemination_activity",
  "documented_model",
  "premises",
  "other",
] as const;
export const outputType = z.enum(outputTypes, { error: "validation.invalidValue" });
export type OutputType = z.infer<typeof outputType>;

/** The answers appendix 1 uses; any other text is allowed too. */
export const concreteResultsSuggestions = ["Ja", "Ej ännu", "Nja", "Otydligt"] as const;
export const canScaleUpSuggestions = ["Ja", "Kanske", "Troligen", "Oklart"] as const;

/** `YYYY-MM`: periods have month precision. */
export const yearMonth = z
  .string({ error: "validation.required" })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "validation.yearMonth" });

/**
 * A project's period as people read it: `2012-06`, `2014-06` → `jun 2012 – jun 2014`; an open end reads
 * `från jun 2012` / `till jun 2014`. A period written as text is kept as written (a raw `062012-062014` is read
 * as months). Nothing at all → "".
 */
export function formatPeriod(start: string | null, end: string | null, text?: string | null): string {
  if (text) return formatPeriodText(text);
  if (!start && !end) return "";
  return formatMonthPeriod(start, end);
}

export const fundingLineInput = z.object({
  kind: z.enum(["own", "cofinancing"], { error: "validation.invalidValue" }),
  funderOrganisationId: uuid.nullish(),
  funderName: optionalText(300),
  /** Whole kronor. */
  amount: z.number({ error: "validation.required" }).int().min(0).max(2_000_000_000),
  year: z.number().int().min(1900).max(2200).nullish(),
  note: optionalText(1000),
  /** The grant decision behind the line (set by governance); kept when the project is saved. */
  decisionId: uuid.nullish(),
});
export type FundingLineInput = z.input<typeof fundingLineInput>;

const projectFields = {
  name: requiredText(300),
  description: optionalText(8000),
  parentId: uuid.nullish(),
  leadPersonId: uuid.nullish(),
  leadName: optionalText(200),
  ownerOrganisationId: uuid.nullish(),
  ownerName: optionalText(300),
  sector: optionalText(200),
  periodStart: yearMonth.nullish(),
  periodEnd: yearMonth.nullish(),
  periodText: optionalText(100),
  latestReportType: reportType.nullish(),
  latestReportDate: isoDate.nullish(),
  latestReportUncertain: z.boolean(),
  concreteResults: optionalText(500),
  canScaleUp: optionalText(500),
  processLeaderComment: optionalText(4000),
  reportDueDate: isoDate.nullish(),
  reportIntervalMonths: z.number().int().min(1).max(36).nullish(),
  funding: z.array(fundingLineInput).max(100),
  goalIds: z.array(uuid).max(100),
};

export const createProjectInput = z.object({
  ...projectFields,
  latestReportUncertain: projectFields.latestReportUncertain.default(false),
  funding: projectFields.funding.default([]),
  goalIds: projectFields.goalIds.default([]),
  /** The first colour, recorded in the history like every later change. */
  colour: projectColour.nullish(),
  colourReason: optionalText(2000),
  colourDate: isoDate.nullish(),
});
export type CreateProjectInput = z.input<typeof createProjectInput>;

/** Any subset; the colour changes only through POST /status so that each change has a reason. */
export const updateProjectInput = z.strictObject(projectFields).partial();
export type UpdateProjectInput = z.input<typeof updateProjectInput>;

export const statusInput = z.object({
  colour: projectColour,
  reason: requiredText(2000),
  /** When the decision took effect; today by default. */
  date: isoDate.optional(),
});
export type StatusInput = z.input<typeof statusInput>;

export const reportInput = z.object({
  kind: reportType.default("delrapport"),
  periodFrom: isoDate.nullish(),
  periodTo: isoDate.nullish(),
  doneSinceLast: requiredText(8000),
  deviations: optionalText(8000),
  results: optionalText(8000),
  nextSteps: optionalText(8000),
  /** Whole kronor used so far. */
  budgetUsed: z.number().int().min(0).max(2_000_000_000).nullish(),
});
export type ReportInput = z.input<typeof reportInput>;
export const updateReportInput = z.strictObject({
  kind: reportType.optional(),
  periodFrom: isoDate.nullish(),
  periodTo: isoDate.nullish(),
  doneSinceLast: requiredText(8000).optional(),
  deviations: optionalText(8000),
  results: optionalText(8000),
  nextSteps: optionalText(8000),
  budgetUsed: z.number().int().min(0).max(2_000_000_000).nullish(),
});
export type UpdateReportInput = z.input<typeof updateReportInput>;

/** The coordinator's review: the colour it leads to and why. */
export const reviewInput = z.object({ colour: projectColour, comment: requiredText(2000) });
export type ReviewInput = z.input<typeof reviewInput>;

/** A link a browser may follow: http(s) only (never `javascript:`, `data:` …); blank means none. */
const outputUrl = z
  .string()
  .trim()
  .max(1000, { error: "validation.tooLong" })
  .refine(
    (v) => {
      if (v === "") return true;
      try {
        const url = new URL(v);
        return (url.protocol === "https:" || url.protocol === "http:") && !!url.hostname;
      } catch {
        return false;
      }
    },
    { error: "validation.projects.url" },
  )
  .nullish()
  .transform((v) => (v === "" ? null : v));

/** A DOI as `10.<registrant>/<suffix>` (no `https://doi.org/` prefix); blank means none. */
const doi = z
  .string()
  .trim()
  .max(300, { error: "validation.tooLong" })
  .refine((v) => v === "" || /^10\.\d{4,9}\/\S+$/.test(v), { error: "validation.projects.doi" })
  .nullish()
  .transform((v) => (v === "" ? null : v));

/** One output is one record: `count` is kept for the API's sake and must be 1. */
export const outputInput = z.object({
  type: outputType,
  title: requiredText(500),
  count: z.literal(1, { error: "validation.projects.oneOutput" }).default(1),
  authors: optionalText(1000),
  venue: optionalText(500),
  year: z.number().int().min(1900).max(2200).nullish(),
  doi,
  date: isoDate.nullish(),
  url: outputUrl,
  note: optionalText(2000),
});
export type OutputInput = z.input<typeof outputInput>;

export const projectSorts = ["name", "periodStart", "periodEnd"] as const;
const filters = {
  q: z.string().trim().max(200).optional(),
  colour: z.enum([...projectColours, "none"], { error: "validation.invalidValue" }).optional(),
  sector: z.string().trim().max(200).optional(),
  owner: uuid.optional(),
};
export const projectListQuery = pageQuery.extend({
  ...filters,
  sort: z.enum(projectSorts, { error: "validation.invalidValue" }).default("name"),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const projectExportQuery = z.object({
  ...filters,
  format: z.enum(["xlsx", "csv"], { error: "validation.invalidValue" }).default("xlsx"),
});
export const dashboardQuery = z.object({
  owner: uuid.optional(),
  /** The day the dashboard is seen from; today by default. */
  asOf: isoDate.optional(),
  /** "Ending soon" = ending within this many months. */
  months: z.coerce.number().int().min(1).max(24).default(3),
});
export const timelineQuery = z.object({
  owner: uuid.optional(),
  sector: z.string().trim().max(200).optional(),
});
export const overdueQuery = z.object({ owner: uuid.optional(), asOf: isoDate.optional() });

export const colourChangeView = z.object({
  id: z.string(),
  colour: projectColour,
  previousColour: projectColour.nullable(),
  reason: z.string(),
  date: z.string(),
  recordedAt: z.string(),
  authorName: z.string(),
  reportId: z.string().nullable(),
});

export const projectSummaryView = z
  .object({
    id: z.string(),
    name: z.string(),
    parentId: z.string().nullable(),
    leadPersonId: z.string().nullable(),
    /** The lead's name from the people register, or as written. */
    leadName: z.string().nullable(),
    owner: refView.nullable(),
    ownerName: z.string().nullable(),
    sector: z.string().nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    periodText: z.string().nullable(),
    /** `062012-062014`, or the period as written. */
    periodLabel: z.string(),
    latestReportType: reportType.nullable(),
    latestReportDate: z.string().nullable(),
    latestReportUncertain: z.boolean(),
    concreteResults: z.string().nullable(),
    canScaleUp: z.string().nullable(),
    processLeaderComment: z.string().nullable(),
    colour: projectColour.nullable(),
    reportDueDate: z.string().nullable(),
  })
  .meta({ id: "ProjectSummary" });
export type ProjectSummaryView = z.infer<typeof projectSummaryView>;

export const fundingLineView = z.object({
  id: z.string(),
  kind: z.enum(["own", "cofinancing"]),
  funder: refView.nullable(),
  funderName: z.string().nullable(),
  amount: z.number().int(),
  year: z.number().int().nullable(),
  note: z.string().nullable(),
  decisionId: z.string().nullable(),
});

export const outputView = z.object({
  id: z.string(),
  type: outputType,
  title: z.string(),
  count: z.number().int(),
  authors: z.string().nullable(),
  venue: z.string().nullable(),
  year: z.number().int().nullable(),
  doi: z.string().nullable(),
  date: z.string().nullable(),
  url: z.string().nullable(),
  note: z.string().nullable(),
});

export const reportView = z
  .object({
    id: z.string(),
    projectId: z.string(),
    kind: reportType,
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    doneSinceLast: z.string(),
    deviations: z.string().nullable(),
    results: z.string().nullable(),
    nextSteps: z.string().nullable(),
    budgetUsed: z.number().int().nullable(),
    submittedAt: z.string(),
    submittedByName: z.string(),
    reviewedAt: z.string().nullable(),
    reviewedByName: z.string().nullable(),
    reviewComment: z.string().nullable(),
  })
  .meta({ id: "ProjectReport" });
export type ReportView = z.infer<typeof reportView>;

export const projectView = projectSummaryView
  .extend({
    description: z.string().nullable(),
    reportIntervalMonths: z.number().int().nullable(),
    funding: z.array(fundingLineView),
    fundingTotals: z.object({
      own: z.number().int(),
      cofinancing: z.number().int(),
      total: z.number().int(),
    }),
    goals: z.array(goalRefView),
    outputs: z.array(outputView),
    colourHistory: z.array(colourChangeView),
    reports: z.array(reportView),
    children: z.array(z.object({ id: z.string(), name: z.string(), colour: projectColour.nullable() })),
    abilities: z.object({ manage: z.boolean(), report: z.boolean() }),
  })
  .meta({ id: "Project" });
export type ProjectView = z.infer<typeof projectView>;

const colourCounts = z.object({
  green: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
  none: z.number().int(),
  total: z.number().int(),
});
export const overdueItemView = z.object({
  id: z.string(),
  name: z.string(),
  leadName: z.string().nullable(),
  sector: z.string().nullable(),
  colour: projectColour.nullable(),
  reportDueDate: z.string(),
  daysOverdue: z.number().int(),
  latestReportDate: z.string().nullable(),
});
export const dashboardView = z
  .object({
    asOf: z.string(),
    byColour: colourCounts,
    bySector: z.array(colourCounts.extend({ sector: z.string() })),
    /** Owning organisations with their number of projects (for filters). */
    byOwner: z.array(z.object({ id: z.string(), name: z.string(), total: z.number().int() })),
    endingSoon: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        periodEnd: z.string(),
        colour: projectColour.nullable(),
        sector: z.string().nullable(),
      }),
    ),
    overdueReports: z.array(overdueItemView),
  })
  .meta({ id: "PortfolioDashboard" });
export type DashboardView = z.infer<typeof dashboardView>;

export const projectTimelineView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sector: z.string().nullable(),
      colour: projectColour.nullable(),
      periodStart: z.string().nullable(),
      periodEnd: z.string().nullable(),
      periodLabel: z.string(),
    }),
  ),
});
export type ProjectTimelineView = z.infer<typeof projectTimelineView>;
