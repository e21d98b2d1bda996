import { z } from "zod";
import { isoDate, optionalText, requiredText, uuid } from "./validation.ts";

/**
 * Goal frameworks: a strategy's goals (Mittuniversitetet's A–F) or a platform's vision and overall
 * goals (Samhällskontraktet's eight). Goals live in versions; revising adds a version.
 */

export const subGoalInput = z.object({
  code: requiredText(20),
  text: requiredText(1000),
});

export const goalInput = z.object({
  code: requiredText(20),
  text: requiredText(1000),
  subGoals: z.array(subGoalInput).max(50).default([]),
});
export type GoalInput = z.input<typeof goalInput>;

const frameworkFields = {
  name: requiredText(300),
  ownerOrganisationId: uuid.nullish(),
  registryNumber: optionalText(100),
  periodStart: isoDate.nullish(),
  periodEnd: isoDate.nullish(),
  vision: optionalText(4000),
  description: optionalText(4000),
};

export const createFrameworkInput = z.object({
  ...frameworkFields,
  goals: z.array(goalInput).max(100).default([]),
});
export type CreateFrameworkInput = z.input<typeof createFrameworkInput>;

/** Metadata only: the goals change through a revision, which keeps the earlier version. */
export const updateFrameworkInput = z.strictObject({
  name: frameworkFields.name.optional(),
  ownerOrganisationId: frameworkFields.ownerOrganisationId,
  registryNumber: frameworkFields.registryNumber,
  periodStart: frameworkFields.periodStart,
  periodEnd: frameworkFields.periodEnd,
  vision: frameworkFields.vision,
  description: frameworkFields.description,
});
export type UpdateFrameworkInput = z.input<typeof updateFrameworkInput>;

export const reviseFrameworkInput = z.object({
  note: optionalText(1000),
  goals: z.array(goalInput).min(1, { error: "validation.required" }).max(100),
});
export type ReviseFrameworkInput = z.input<typeof reviseFrameworkInput>;

export const frameworkQuery = z.object({
  /** Show an earlier version's goals; the current one by default. */
  version: z.coerce.number().int().min(1).optional(),
});

export const goalLinksInput = z.object({ goalIds: z.array(uuid).max(100) });

export const refView = z.object({ id: z.string(), name: z.string() });

export const goalView = z.object({
  id: z.string(),
  code: z.string(),
  text: z.string(),
  previousGoalId: z.string().nullable(),
  subGoals: z.array(
    z.object({ id: z.string(), code: z.string(), text: z.string(), previousGoalId: z.string().nullable() }),
  ),
});
export type GoalView = z.infer<typeof goalView>;

export const versionView = z.object({
  id: z.string(),
  number: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  current: z.boolean(),
});

export const frameworkSummaryView = z
  .object({
    id: z.string(),
    name: z.string(),
    owner: refView.nullable(),
    registryNumber: z.string().nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    currentVersion: z.number().int(),
    goalCount: z.number().int(),
  })
  .meta({ id: "GoalFrameworkSummary" });
export type FrameworkSummaryView = z.infer<typeof frameworkSummaryView>;

export const frameworkView = frameworkSummaryView
  .extend({
    vision: z.string().nullable(),
    description: z.string().nullable(),
    /** The version whose goals are shown. */
    version: versionView,
    versions: z.array(versionView),
    goals: z.array(goalView),
  })
  .meta({ id: "GoalFramework" });
export type FrameworkView = z.infer<typeof frameworkView>;

/** A linked goal as other modules show it: code, text, and which framework version it belongs to. */
export const goalRefView = z
  .object({
    id: z.string(),
    code: z.string(),
    text: z.string(),
    frameworkId: z.string(),
    frameworkName: z.string(),
    versionNumber: z.number().int(),
    /** False when the framework has been revised since the link was made. */
    current: z.boolean(),
  })
  .meta({ id: "GoalRef" });
export type GoalRefView = z.infer<typeof goalRefView>;

/** `GET /api/frameworks/{id}/served?year=`: what serves each goal of the current version. */
export const goalUseQuery = z.object({
  /** The calendar year whose activities are listed; this year by default. */
  year: z.coerce
    .number({ error: "validation.goals.year" })
    .int({ error: "validation.goals.year" })
    .min(1990, { error: "validation.goals.year" })
    .max(2100, { error: "validation.goals.year" })
    .optional(),
});

export const goalUseView = z.object({
  frameworkId: z.string(),
  frameworkName: z.string(),
  versionNumber: z.number().int(),
  year: z.number().int(),
  goals: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      text: z.string(),
      /** True when at least one linked activity takes place in the year. */
      hasActivitiesThisYear: z.boolean(),
      activities: z.array(
        z.object({ id: z.string(), title: z.string(), startDate: z.string().nullable(), status: z.string() }),
      ),
      projects: z.array(z.object({ id: z.string(), name: z.string() })),
      planItems: z.array(
        z.object({ id: z.string(), planId: z.string(), number: z.number().int(), title: z.string() }),
      ),
    }),
  ),
});
export type GoalUseView = z.infer<typeof goalUseView>;
