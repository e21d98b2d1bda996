import { z } from "zod";

/**
 * Retention that runs (issue 20, item 3): one rule per category of personal data, configurable by an
 * administrator; a dry run shows what the next run would remove; each run is reported.
 */
// In the order a run works them: dietary needs before the registrations they belong to, so that each
// category's count in a run is what the dry run showed for it.
export const retentionCategories = [
  "event_dietary_needs",
  "event_registrations",
  "newsletter_subscribers",
  "idea_submitters",
  "outbox_failed",
] as const;
export type RetentionCategory = (typeof retentionCategories)[number];

/** Defaults (a category without a stored rule) and the shortest period an administrator may set, in days. */
export const retentionDefaults: Record<RetentionCategory, { months: number; days: number; minDays: number }> =
  {
    event_registrations: { months: 24, days: 0, minDays: 30 },
    newsletter_subscribers: { months: 24, days: 0, minDays: 30 },
    idea_submitters: { months: 12, days: 0, minDays: 30 },
    outbox_failed: { months: 0, days: 30, minDays: 1 },
    event_dietary_needs: { months: 0, days: 0, minDays: 0 },
  };

/** The longest period a rule may hold: ten years. */
export const retentionMaxMonths = 120;

const wholeNumber = (max: number) =>
  z
    .number({ error: "validation.retention.wholeNumber" })
    .int({ error: "validation.retention.wholeNumber" })
    .min(0, { error: "validation.retention.notNegative" })
    .max(max, { error: "validation.retention.tooLong" });

export const retentionRuleInput = z.strictObject({
  key: z.enum(retentionCategories, { error: "validation.retention.category" }),
  months: wholeNumber(retentionMaxMonths),
  days: wholeNumber(3650),
  enabled: z.boolean({ error: "validation.retention.enabled" }),
});
export type RetentionRuleInput = z.infer<typeof retentionRuleInput>;

/** PUT /api/admin/retention/rules: the rules to change (others stay as they are). */
export const retentionRulesInput = z.strictObject({
  rules: z.array(retentionRuleInput).min(1, { error: "validation.required" }).max(retentionCategories.length),
});
export type RetentionRulesInput = z.infer<typeof retentionRulesInput>;

export const retentionRuleView = z.object({
  key: z.enum(retentionCategories),
  months: z.number(),
  days: z.number(),
  enabled: z.boolean(),
  /** True while no administrator has changed the default. */
  isDefault: z.boolean(),
  minDays: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type RetentionRuleView = z.infer<typeof retentionRuleView>;

export const retentionExampleView = z.object({
  label: z.string(),
  date: z.string().nullable(),
  count: z.number(),
});

export const retentionDryRunView = z.object({
  generatedAt: z.string(),
  categories: z.array(
    z.object({
      key: z.enum(retentionCategories),
      enabled: z.boolean(),
      /** The cut-off: records whose starting point lies before it are due. */
      before: z.string(),
      count: z.number(),
      examples: z.array(retentionExampleView),
    }),
  ),
});
export type RetentionDryRunView = z.infer<typeof retentionDryRunView>;

export const retentionRunStatuses = ["running", "completed", "failed", "interrupted"] as const;

export const retentionRunView = z.object({
  id: z.string(),
  trigger: z.enum(["manual", "scheduled"]),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(retentionRunStatuses),
  counts: z.record(z.string(), z.number()),
  total: z.number(),
  error: z.string().nullable(),
});
export type RetentionRunView = z.infer<typeof retentionRunView>;
