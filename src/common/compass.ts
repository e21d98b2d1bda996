import { z } from "zod";
import { isoDate, optionalText, requiredText, uuid } from "./validation.ts";

/**
 * ALA-kompassen (docs/domain.md process 1): shared schemas of the compass model, goals, assessments,
 * work process, support offers and the views the server returns. One source for routes and forms.
 */

export const LEVELS = [0, 1, 2, 3, 4] as const;
export const MAX_LEVEL = 4;
export const level = z
  .number({ error: "validation.invalidType" })
  .int({ error: "validation.compass.level" })
  .min(0, { error: "validation.compass.level" })
  .max(MAX_LEVEL, { error: "validation.compass.level" });

export const dimensionKey = z
  .string({ error: "validation.required" })
  .regex(/^[a-z][a-zA-Z0-9_]{1,39}$/, { error: "validation.compass.dimensionKey" });

/** A period is a calendar year (default) or an academic year starting 1 July. */
export const periodKinds = ["calendar", "academic"] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const yearValue = z.coerce
  .number({ error: "validation.compass.year" })
  .int({ error: "validation.compass.year" })
  .min(2000, { error: "validation.compass.year" })
  .max(2100, { error: "validation.compass.year" });
/** `?year=YYYY`; the current year when left out. */
export const yearQuery = z.object({ year: yearValue.optional() });

export const thresholds = z.object({
  /** Level 2 when the done activities span at least this many different courses of the programme … */
  minCourses: z.number().int().min(1).max(50).default(2),
  /** … or number at least this many. */
  minCount: z.number().int().min(1).max(500).default(3),
});
export type Thresholds = z.infer<typeof thresholds>;

const levelTexts = z.array(requiredText(500)).length(5, { error: "validation.compass.fiveLevels" });

/** One dimension as an administrator defines it in a model version. */
export const dimensionDefinition = z.object({
  key: dimensionKey,
  labelSv: requiredText(100),
  labelEn: requiredText(100),
  descriptionSv: requiredText(1000),
  descriptionEn: requiredText(1000),
  activityTypes: z
    .array(z.string().trim().min(1).max(60))
    .min(1, { error: "validation.compass.activityTypesRequired" })
    .max(30),
  levelsSv: levelTexts,
  levelsEn: levelTexts,
  thresholds: thresholds.default({ minCourses: 2, minCount: 3 }),
});
export type DimensionDefinition = z.infer<typeof dimensionDefinition>;

export const modelVersionInput = z
  .object({
    period: z.enum(periodKinds).default("calendar"),
    note: optionalText(1000),
    dimensions: z.array(dimensionDefinition).min(1, { error: "validation.required" }).max(16),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.dimensions.forEach((d, i) => {
      if (seen.has(d.key))
        ctx.addIssue({
          code: "custom",
          path: ["dimensions", i, "key"],
          message: "validation.compass.duplicateKey",
        });
      seen.add(d.key);
    });
  });
export type ModelVersionInput = z.input<typeof modelVersionInput>;

export const dimensionView = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  activityTypes: z.array(z.string()),
  /** Descriptions of levels 0–4 in the request's language. */
  levels: z.array(z.string()),
  thresholds,
  labelSv: z.string(),
  labelEn: z.string(),
  descriptionSv: z.string(),
  descriptionEn: z.string(),
  levelsSv: z.array(z.string()),
  levelsEn: z.array(z.string()),
});
export const modelView = z
  .object({
    version: z.number().int(),
    period: z.enum(periodKinds),
    note: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    dimensions: z.array(dimensionView),
  })
  .meta({ id: "CompassModel" });
export type ModelView = z.infer<typeof modelView>;
export type DimensionView = z.infer<typeof dimensionView>;

export const modelQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

// ---------- programme compass ----------

export const assessmentView = z.object({
  level,
  justification: z.string(),
  assessedBy: z.string().nullable(),
  assessedAt: z.string(),
});

export const compassDimension = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  /** Derived from the programme's done activities in the period. */
  current: z.number().int(),
  currentDescription: z.string(),
  /** Recorded by the programme director; shown beside, never instead of, `current`. */
  assessed: z.number().int().nullable(),
  assessment: assessmentView.nullable(),
  goal: z.number().int().nullable(),
  /** goal − current when the goal is higher, 0 when reached, null without a goal. */
  gap: z.number().int().nullable(),
  activityCount: z.number().int(),
  /** The derived level of the year before (the faint overlay of the radar). */
  lastYear: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type CompassDimension = z.infer<typeof compassDimension>;

export const compassView = z
  .object({
    programmeId: z.string(),
    programmeCode: z.string(),
    programmeName: z.string(),
    organisationId: z.string().nullable(),
    year: z.number().int(),
    period: z.object({ kind: z.enum(periodKinds), from: z.string(), to: z.string() }),
    modelVersion: z.number().int(),
    /** The current model version; differs from `modelVersion` when the year keeps an older one. */
    latestModelVersion: z.number().int(),
    /** When the year's model version was fixed (first computed or recomputed). */
    computedAt: z.string().nullable(),
    dimensions: z.array(compassDimension),
    abilities: z.object({ manage: z.boolean(), recompute: z.boolean(), workProcess: z.boolean() }),
  })
  .meta({ id: "ProgrammeCompass" });
export type CompassView = z.infer<typeof compassView>;

export const programmeParams = z.object({ programmeId: uuid });
export const programmeDimensionParams = z.object({ programmeId: uuid, key: dimensionKey });

export const goalsInput = z.object({
  goals: z.record(z.string(), level),
  /** Optional notes per dimension (analysis, what the goal means for the programme). */
  notes: z
    .record(z.string(), z.string().trim().max(2000, { error: "validation.tooLong" }).nullable())
    .optional(),
});
export type GoalsInput = z.infer<typeof goalsInput>;

export const assessmentInput = z.object({
  level,
  justification: requiredText(2000),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const compassActivity = z.object({
  id: z.string(),
  title: z.string(),
  typeKey: z.string(),
  status: z.string(),
  startDate: z.string().nullable(),
  mandatory: z.boolean(),
  evaluated: z.boolean(),
  /** The dimensions this activity feeds under the year's model version. */
  dimensions: z.array(z.string()),
});
export type CompassActivity = z.infer<typeof compassActivity>;

export const learningOutcomeInput = z.object({
  text: requiredText(1000),
  dimensions: z.array(dimensionKey).min(1, { error: "validation.compass.dimensionsRequired" }).max(16),
});
export const learningOutcomeView = z.object({
  id: z.string(),
  text: z.string(),
  dimensions: z.array(z.string()),
  createdAt: z.string(),
});
export type LearningOutcomeView = z.infer<typeof learningOutcomeView>;
export const outcomeParams = z.object({ programmeId: uuid, outcomeId: uuid });

// ---------- work process (seed 000, activity 4) ----------

export const workStepKeys = ["goals", "inventory", "analysis", "recommendations", "workPlan"] as const;
export type WorkStepKey = (typeof workStepKeys)[number];
export const workStepStatuses = ["not_started", "in_progress", "done"] as const;

export const workStepInput = z
  .object({
    status: z.enum(workStepStatuses, { error: "validation.invalidValue" }),
    startDate: isoDate.nullish(),
    doneDate: isoDate.nullish(),
    responsible: optionalText(200),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.doneDate && v.doneDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["doneDate"], message: "validation.compass.doneBeforeStart" });
  });
export type WorkStepInput = z.infer<typeof workStepInput>;
export const workStepParams = z.object({ programmeId: uuid, step: z.enum(workStepKeys) });

export const workStepView = z.object({
  key: z.enum(workStepKeys),
  status: z.enum(workStepStatuses),
  startDate: z.string().nullable(),
  doneDate: z.string().nullable(),
  responsible: z.string().nullable(),
  note: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type WorkStepView = z.infer<typeof workStepView>;

export const workPlanItem = z.object({
  activityId: z.string(),
  title: z.string(),
  typeKey: z.string(),
  status: z.string(),
  startDate: z.string().nullable(),
  dimensions: z.array(z.string()),
  offerId: z.string().nullable(),
  offerTitle: z.string().nullable(),
  takenBy: z.string().nullable(),
});
export type WorkPlanItem = z.infer<typeof workPlanItem>;

// ---------- support offers ----------

export const offerInput = z.object({
  title: requiredText(200),
  description: requiredText(4000),
  dimensions: z.array(dimensionKey).min(1, { error: "validation.compass.dimensionsRequired" }).max(16),
  /** The level the offer helps a programme reach in those dimensions. */
  targetLevel: level.refine((n) => n >= 1, { error: "validation.compass.targetLevel" }),
  /** The kind of activity a programme adds to its work plan when it takes the offer. */
  activityTypeKey: z.string().trim().min(1, { error: "validation.required" }).max(60),
  contactName: optionalText(200),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "validation.email" }))
    .nullish()
    .or(z.literal("").transform(() => null)),
  organisationId: uuid.nullish(),
  active: z.boolean().default(true),
});
export type OfferInput = z.input<typeof offerInput>;
export const offerPatch = offerInput.partial();
export const offerParams = z.object({ offerId: uuid });

export const offerView = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    dimensions: z.array(z.string()),
    targetLevel: z.number().int(),
    activityTypeKey: z.string(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: "SupportOffer" });
export type OfferView = z.infer<typeof offerView>;
export const offersQuery = z.object({
  dimension: dimensionKey.optional(),
  includeInactive: z.enum(["true", "false"]).optional(),
});

export const recommendationView = z.object({
  dimensionKey: z.string(),
  dimensionLabel: z.string(),
  current: z.number().int(),
  goal: z.number().int(),
  gap: z.number().int(),
  offers: z.array(offerView.extend({ taken: z.boolean() })),
});
export type RecommendationView = z.infer<typeof recommendationView>;

export const takeOfferInput = z.object({
  /** Which gap the offer is taken for; the offer's first dimension when left out. */
  dimensionKey: dimensionKey.optional(),
  startDate: isoDate.optional(),
});
export const takeOfferParams = z.object({ programmeId: uuid, offerId: uuid });

// ---------- units (department, faculty, university) ----------

export const unitParams = z.object({ organisationId: uuid });
export const unitDimension = z.object({
  key: z.string(),
  label: z.string(),
  /** Mean current level over the unit's programmes, one decimal; null when it has none. */
  mean: z.number().nullable(),
  /** How many programmes are at level 0, 1, 2, 3, 4. */
  distribution: z.array(z.number().int()).length(5),
  meanGoal: z.number().nullable(),
});
export const unitView = z
  .object({
    organisationId: z.string(),
    name: z.string(),
    year: z.number().int(),
    modelVersion: z.number().int(),
    programmes: z.number().int(),
    dimensions: z.array(unitDimension),
  })
  .meta({ id: "UnitCompass" });
export type UnitView = z.infer<typeof unitView>;

export const heatmapRow = z.object({
  programmeId: z.string(),
  code: z.string(),
  name: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  level: z.string().nullable(),
  modelVersion: z.number().int(),
  levels: z.record(z.string(), z.number().int().nullable()),
  goals: z.record(z.string(), z.number().int().nullable()),
});
export type HeatmapRow = z.infer<typeof heatmapRow>;
export const heatmapView = z.object({
  organisationId: z.string(),
  name: z.string(),
  year: z.number().int(),
  dimensions: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(heatmapRow),
});
export type HeatmapView = z.infer<typeof heatmapView>;

export const trendQuery = z.object({ from: yearValue.optional(), to: yearValue.optional() });
export const trendView = z.object({
  organisationId: z.string(),
  dimensions: z.array(z.object({ key: z.string(), label: z.string() })),
  years: z.array(
    z.object({
      year: z.number().int(),
      programmes: z.number().int(),
      means: z.record(z.string(), z.number().nullable()),
    }),
  ),
});
export type TrendView = z.infer<typeof trendView>;

export const unitListItem = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  parentId: z.string().nullable(),
  programmes: z.number().int(),
});
export type UnitListItem = z.infer<typeof unitListItem>;

export const compareQuery = z.object({
  year: yearValue.optional(),
  programmeIds: z
    .string({ error: "validation.required" })
    .transform((s) => [
      ...new Set(
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(uuid)
        .min(2, { error: "validation.compass.compareCount" })
        .max(8, { error: "validation.compass.compareCount" }),
    ),
});

/** Programmes the actor manages, for the landing page. */
export const myProgrammeView = z.object({ id: z.string(), code: z.string(), name: z.string() });

/** Level of a dimension as a colour band for the heat-map and radar (shared by web and PDF). */
export const levelColours = ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#6a51a3", "#3f007d"] as const;
/** Text colour readable on each band (WCAG AA contrast). */
export const levelTextColours = ["#1a1a1a", "#1a1a1a", "#1a1a1a", "#ffffff", "#ffffff"] as const;

/** The gap between a goal and the current level: null without a goal, 0 when reached. */
export function gapOf(goal: number | null | undefined, current: number): number | null {
  if (goal === null || goal === undefined) return null;
  return Math.max(0, goal - current);
}

/** Series colours of the radar, shared by the web (ECharts) and the PDF (server SVG); ≥ 3:1 on white. */
export const compassPalette = { current: "#5b2a86", goal: "#b34700", lastYear: "#767676" } as const;
