import { z } from "zod";
import { genders } from "./events.ts";
import { supportKinds } from "./localwork.ts";
import { isoDate, optionalText, pageQuery, requiredText, uuid } from "./validation.ts";

/**
 * Indicators: measurable goals with a target, whose actual value is either computed from the data
 * by a stored definition, or entered by hand with evidence. The definition's kinds and filters are
 * the public contract of the computation (compiled to SQL in one place on the server).
 */

export const indicatorKinds = [
  "count_activities",
  "count_distinct_people_attended",
  "count_distinct_organisations",
  "sum_participants",
  "sum_kronor",
  "count_project_outputs",
  "count_participants_by_gender",
  "sum_process_support_hours",
  "agreement_courses_delivered",
  "agreement_participants",
  "agreement_credits_taken",
  "agreement_needs_covered_pct",
  "agreement_budget_use_pct",
] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
/** The SKO agreements' follow-up figures (issue 13, item 8), computed by the agreements module. */
export const agreementIndicatorKinds = [
  "agreement_courses_delivered",
  "agreement_participants",
  "agreement_credits_taken",
  "agreement_needs_covered_pct",
  "agreement_budget_use_pct",
] as const satisfies readonly IndicatorKind[];
export type AgreementIndicatorKind = (typeof agreementIndicatorKinds)[number];
export const isAgreementKind = (kind: IndicatorKind): kind is AgreementIndicatorKind =>
  (agreementIndicatorKinds as readonly string[]).includes(kind);

export const directions = ["at_least", "at_most", "exactly"] as const;
export type Direction = (typeof directions)[number];

export const indicatorStatuses = ["on_track", "at_risk", "off_track", "no_data"] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];

const keyList = (max = 50) => z.array(z.string().trim().min(1).max(100)).max(max);

export const definitionFilters = z.strictObject({
  /** Activity type keys (seminarium, workshop, …); any of them. */
  activityTypes: keyList().optional(),
  /** Tags or themes (an activity's tags, an event's theme); any of them. */
  tags: keyList().optional(),
  /** Activities (or, for outputs, projects) linked to this goal. */
  goalId: uuid.optional(),
  /** Activities linked to an organisation of one of these types; for organisation counts, the organisations' types. */
  organisationTypes: keyList().optional(),
  /** Activities linked to this organisation; spend of its accounts; outputs of its projects. */
  organisationId: uuid.optional(),
  /** This project and its sub-projects: their events (directly or through a series or network), spend and outputs. */
  projectId: uuid.optional(),
  /** Events of this series. */
  seriesId: uuid.optional(),
  /** Participants' roles from the catalogue (people counts). */
  roleKeys: keyList().optional(),
  /** Gender groups (count_participants_by_gender); none = every group. */
  genders: z
    .array(z.enum(genders, { error: "validation.invalidValue" }))
    .max(4)
    .optional(),
  /** Kinds of process support (sum_process_support_hours); none = all five. */
  supportKinds: z
    .array(z.enum(supportKinds, { error: "validation.localwork.kind" }))
    .max(5)
    .optional(),
  /** Output types (count_project_outputs). */
  outputTypes: keyList().optional(),
  /** An SKO agreement (the agreement_* kinds); without it they count every agreement in scope. */
  agreementId: uuid.optional(),
  /** Spend categories (sum_kronor). */
  categories: keyList().optional(),
  /** Inclusive ISO dates; an activity counts when it overlaps the period. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type DefinitionFilters = z.infer<typeof definitionFilters>;

export const indicatorDefinition = z
  .strictObject({
    kind: z.enum(indicatorKinds, { error: "validation.indicators.kind" }),
    filters: definitionFilters.default({}),
  })
  .superRefine((d, ctx) => {
    if (d.filters.from && d.filters.to && d.filters.to < d.filters.from)
      ctx.addIssue({ code: "custom", path: ["filters", "to"], message: "validation.indicators.periodOrder" });
  });
export type IndicatorDefinition = z.output<typeof indicatorDefinition>;

/** Nothing typed is "required"; text the form could not read as a number ("tolv", NaN) is "a whole number". */
const wholeNumberOrRequired = (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null
    ? "validation.required"
    : "validation.indicators.wholeNumber";

const indicatorFields = {
  name: requiredText(300),
  description: optionalText(4000),
  /** What is counted: "personer", "organisationer", "kr". */
  unit: requiredText(50),
  /** The goal as the plan states it, when it is not a goal of a framework. */
  goalText: optionalText(2000),
  frameworkId: uuid.nullish(),
  goalId: uuid.nullish(),
  projectId: uuid.nullish(),
  /** The organisation whose goal this is (also who of the partners may see it). */
  organisationId: uuid.nullish(),
  /** An agreement (avtal) the goal belongs to; kept as an id until agreements are a module. */
  agreementId: uuid.nullish(),
  direction: z.enum(directions, { error: "validation.indicators.direction" }).default("at_least"),
  target: z
    .number({ error: wholeNumberOrRequired })
    .int({ error: "validation.indicators.wholeNumber" })
    .min(0)
    .max(1e12),
  baseline: z
    .number({ error: wholeNumberOrRequired })
    .int({ error: "validation.indicators.wholeNumber" })
    .min(0)
    .max(1e12)
    .nullish(),
  startDate: isoDate.nullish(),
  deadline: isoDate.nullish(),
  definition: indicatorDefinition.nullish(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
};

export const createIndicatorInput = z.object(indicatorFields).superRefine((v, ctx) => {
  if (!v.frameworkId && !v.goalId && !v.projectId && !v.organisationId && !v.agreementId)
    ctx.addIssue({ code: "custom", path: ["goalId"], message: "validation.indicators.attachTo" });
  if (v.startDate && v.deadline && v.deadline < v.startDate)
    ctx.addIssue({ code: "custom", path: ["deadline"], message: "validation.indicators.deadlineOrder" });
});
export type CreateIndicatorInput = z.input<typeof createIndicatorInput>;

/**
 * PATCH: only the fields sent change, `null` clears an optional one. The kind stays: a computed
 * indicator takes a new definition, a manual one keeps none. Rules between fields (attached to
 * something, deadline after start) are checked by the service on the indicator as it would become.
 */
export const updateIndicatorInput = z
  .object({
    ...indicatorFields,
    // No default here: leaving the direction out of a PATCH must not reset it to "at_least".
    direction: z.enum(directions, { error: "validation.indicators.direction" }),
  })
  .partial();
export type UpdateIndicatorInput = z.input<typeof updateIndicatorInput>;

/** `POST /api/indicators/preview`: a definition being written, counted and put in words before it is saved. */
export const previewIndicatorInput = z.object({ definition: indicatorDefinition });
export type PreviewIndicatorInput = z.input<typeof previewIndicatorInput>;
export const indicatorPreview = z
  .object({ actual: z.number(), records: z.number().int(), definitionText: z.string() })
  .meta({ id: "IndicatorPreview" });
export type IndicatorPreview = z.infer<typeof indicatorPreview>;

export const indicatorListQuery = pageQuery.extend({
  frameworkId: uuid.optional(),
  goalId: uuid.optional(),
  projectId: uuid.optional(),
  organisationId: uuid.optional(),
});
export type IndicatorListQuery = z.infer<typeof indicatorListQuery>;

/** A manual value; the evidence is a link, a small uploaded file (base64), or both. */
export const evidenceFileInput = z.object({
  name: requiredText(200),
  contentType: requiredText(100),
  /** Base64 of the file; at most ~1 MB decoded. */
  data: z.string().min(1).max(1_400_000, { error: "validation.indicators.fileTooLarge" }),
});
export const manualValueInput = z.object({
  date: isoDate,
  value: z
    .number({ error: "validation.required" })
    .int({ error: "validation.indicators.wholeNumber" })
    .min(0)
    .max(1e12),
  note: optionalText(2000),
  evidenceUrl: z
    .url({ protocol: /^https?$/, error: "validation.indicators.url" })
    .max(2000)
    .nullish(),
  evidenceFile: evidenceFileInput.nullish(),
});
export type ManualValueInput = z.input<typeof manualValueInput>;

export const ref = z.object({ id: z.string(), name: z.string() });

export const historyPoint = z.object({ date: z.string(), value: z.number() });

/** `GET /api/indicators/{id}`: the contract's fields first (id, name, target, direction, actual, unit, definition, asOf). */
export const indicatorView = z
  .object({
    id: z.string(),
    name: z.string(),
    target: z.number(),
    direction: z.enum(directions),
    actual: z.number().nullable(),
    unit: z.string(),
    /** The stored definition of a computed indicator; null for a manual one. */
    definition: z
      .object({ kind: z.enum(indicatorKinds), filters: z.record(z.string(), z.unknown()) })
      .nullable(),
    /** Data as of (ISO timestamp): the latest recorded change for computed values, the value's date for manual ones. */
    asOf: z.string().nullable(),
    kind: z.enum(["computed", "manual"]),
    definitionText: z.string(),
    description: z.string().nullable(),
    goalText: z.string().nullable(),
    goal: z.object({ id: z.string(), code: z.string(), text: z.string() }).nullable(),
    framework: ref.nullable(),
    project: ref.nullable(),
    organisation: ref.nullable(),
    agreementId: z.string().nullable(),
    baseline: z.number().nullable(),
    startDate: z.string().nullable(),
    deadline: z.string().nullable(),
    status: z.enum(indicatorStatuses),
    /** 0–1 of the way from baseline to target; null without data. */
    progress: z.number().nullable(),
    /** 0–1 of the time from start to deadline; null without dates. */
    elapsed: z.number().nullable(),
    history: z.array(historyPoint),
    abilities: z.object({ addValue: z.boolean(), update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: "Indicator" });
export type IndicatorView = z.infer<typeof indicatorView>;

/** `group`: an aggregate (participants of one gender), never a person; groups under 5 are not listed. */
export const recordKinds = [
  "activity",
  "person",
  "organisation",
  "output",
  "spend",
  "agreement",
  "group",
  "support",
] as const;
export const indicatorRecord = z.object({
  kind: z.enum(recordKinds),
  /** The register id to link to (person, activity, organisation, project, spend entry); null when not in a register. */
  id: z.string().nullable(),
  label: z.string(),
  date: z.string().nullable(),
  /** What the record adds to the value: 1 for counts, the participants, kronor or output count for sums. */
  amount: z.number(),
  detail: z.string().nullable(),
  /** For outputs and spend: the project it belongs to. */
  projectId: z.string().nullable(),
});
export type IndicatorRecord = z.infer<typeof indicatorRecord>;

export const recordsView = z
  .object({
    items: z.array(indicatorRecord),
    nextCursor: z.string().nullable(),
    /** The number of records in all and the value they add up to (= the indicator's actual). */
    total: z.number().int(),
    value: z.number(),
    definitionText: z.string(),
  })
  .meta({ id: "IndicatorRecords" });

export const valueView = z
  .object({
    id: z.string(),
    date: z.string(),
    value: z.number(),
    note: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
    evidenceFile: z
      .object({ name: z.string(), contentType: z.string(), size: z.number().int(), url: z.string() })
      .nullable(),
    enteredBy: z.string(),
    enteredAt: z.string(),
  })
  .meta({ id: "IndicatorValue" });
export type ValueView = z.infer<typeof valueView>;

export const indicatorSummaryView = indicatorView
  .omit({ history: true })
  .extend({ sparkline: z.array(z.number()) });
export type IndicatorSummaryView = z.infer<typeof indicatorSummaryView>;

export const dashboardQuery = z.object({
  frameworkId: uuid.optional(),
  projectId: uuid.optional(),
  organisationId: uuid.optional(),
});

const dashboardGoal = z.object({
  goal: z.object({ id: z.string(), code: z.string(), text: z.string() }).nullable(),
  /** The goal in words when it is not a framework goal (e.g. a project's measurable goal). */
  text: z.string(),
  indicators: z.array(indicatorSummaryView),
  links: z.object({
    activities: z.number().int(),
    planItems: z.number().int(),
    projects: z.array(z.object({ id: z.string(), name: z.string(), colour: z.string().nullable() })),
  }),
});

export const dashboardView = z
  .object({
    subject: z.object({
      type: z.enum(["framework", "project", "organisation"]),
      id: z.string(),
      name: z.string(),
      vision: z.string().nullable(),
      periodStart: z.string().nullable(),
      periodEnd: z.string().nullable(),
    }),
    goals: z.array(dashboardGoal),
    /** The second level: each participating organisation's own goals (a project), or none. */
    organisations: z.array(z.object({ organisation: ref, goals: z.array(dashboardGoal) })),
    asOf: z.string().nullable(),
  })
  .meta({ id: "GoalDashboard" });
export type DashboardView = z.infer<typeof dashboardView>;
