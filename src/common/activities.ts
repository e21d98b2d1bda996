import { z } from "zod";
import { activityStatuses } from "./activity-types.ts";
import { courseRef, namedRef, programmeRef } from "./programmes.ts";
import { isoDate, optionalText, pageQuery, requiredText, uuid } from "./validation.ts";

/**
 * Activities — the common unit that compass, events, plans and indicators build on — and the
 * configurable catalogue of their types. Messages are i18n keys (`validation.activities.*`).
 */
export { activityStatuses };
export const activityStatus = z.enum(activityStatuses, { error: "validation.activities.statusInvalid" });
export const activityCategories = ["education", "meeting", "other"] as const;

const ids = z.array(uuid).max(200);
const tag = z
  .string()
  .trim()
  .min(1, { error: "validation.required" })
  .max(60, { error: "validation.tooLong" });
export const evidenceLink = z.strictObject({
  label: requiredText(200),
  url: z
    .string({ error: "validation.required" })
    .trim()
    .max(2000, { error: "validation.tooLong" })
    .pipe(z.url({ protocol: /^https?$/, error: "validation.activities.urlInvalid" })),
});
export type EvidenceLink = z.infer<typeof evidenceLink>;

const activityFields = {
  title: requiredText(300),
  typeKey: z.string({ error: "validation.required" }).trim().min(1, { error: "validation.required" }).max(60),
  description: optionalText(10_000),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  place: optionalText(300),
  status: activityStatus,
  /** Partner organisations. */
  organisationIds: ids,
  /** Organising organisations (e.g. the faculty, Miun Karriär). */
  organiserIds: ids,
  programmeIds: ids,
  courseIds: ids,
  /** Mandatory for all of the linked programmes' students. */
  mandatory: z.boolean({ error: "validation.invalidType" }),
  evaluated: z.boolean({ error: "validation.invalidType" }),
  evaluationText: optionalText(10_000),
  /** Participants, or students reached. */
  participants: z
    .number({ error: "validation.invalidType" })
    .int({ error: "validation.activities.wholeNumber" })
    .min(0, { error: "validation.tooSmall" })
    .max(1_000_000, { error: "validation.tooBig" })
    .nullish(),
  tags: z.array(tag).max(30),
  evidenceLinks: z.array(evidenceLink).max(30),
};

/** End before start, and one organisation as both organiser and partner, are input errors. */
export function checkActivityConsistency(
  value: {
    startDate?: string | null;
    endDate?: string | null;
    organisationIds?: string[];
    organiserIds?: string[];
  },
  ctx: z.RefinementCtx,
) {
  if (value.startDate && value.endDate && value.endDate < value.startDate)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.activities.endBeforeStart" });
  const organisers = new Set(value.organiserIds ?? []);
  if ((value.organisationIds ?? []).some((id) => organisers.has(id)))
    ctx.addIssue({
      code: "custom",
      path: ["organisationIds"],
      message: "validation.activities.organiserAndPartner",
    });
}

export const createActivityInput = z
  .strictObject({
    ...activityFields,
    status: activityStatus.default("planned"),
    organisationIds: ids.default([]),
    organiserIds: ids.default([]),
    programmeIds: ids.default([]),
    courseIds: ids.default([]),
    mandatory: activityFields.mandatory.default(false),
    evaluated: activityFields.evaluated.default(false),
    tags: activityFields.tags.default([]),
    evidenceLinks: activityFields.evidenceLinks.default([]),
  })
  .superRefine(checkActivityConsistency);
export type CreateActivityInput = z.input<typeof createActivityInput>;
/** PATCH: any subset; arrays replace the stored ones. The service checks consistency on the merged result. */
export const updateActivityInput = z.strictObject(activityFields).partial();
export type UpdateActivityInput = z.infer<typeof updateActivityInput>;

export const activitySorts = ["startDate", "-startDate", "title"] as const;
export type ActivitySort = (typeof activitySorts)[number];

export const activityListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  typeKey: z.string().trim().max(60).optional(),
  status: activityStatus.optional(),
  programmeId: uuid.optional(),
  courseId: uuid.optional(),
  organisationId: uuid.optional(),
  /** Activities that end on or after this date. */
  from: isoDate.optional(),
  /** Activities that start on or before this date. */
  to: isoDate.optional(),
  tag: z.string().trim().max(60).optional(),
  sort: z.enum(activitySorts, { error: "validation.invalidValue" }).default("-startDate"),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

// ---- The activity type catalogue ---------------------------------------------------------------

export const activityTypeKey = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: "validation.activities.typeKeyFormat" });

export const createActivityTypeInput = z.strictObject({
  key: activityTypeKey,
  labelSv: requiredText(120),
  labelEn: requiredText(120),
  category: z.enum(activityCategories, { error: "validation.invalidValue" }).default("other"),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type CreateActivityTypeInput = z.input<typeof createActivityTypeInput>;

export const updateActivityTypeInput = z
  .strictObject({
    labelSv: requiredText(120),
    labelEn: requiredText(120),
    category: z.enum(activityCategories, { error: "validation.invalidValue" }),
    sortOrder: z.number().int().min(0).max(100_000),
    /** false takes the type out of the choices for new activities; existing ones keep it. */
    active: z.boolean({ error: "validation.invalidType" }),
  })
  .partial();
export type UpdateActivityTypeInput = z.infer<typeof updateActivityTypeInput>;

export const activityTypeView = z
  .object({
    key: z.string(),
    labelSv: z.string(),
    labelEn: z.string(),
    category: z.string(),
    sortOrder: z.number(),
    active: z.boolean(),
  })
  .meta({ id: "ActivityType" });
export type ActivityTypeView = z.infer<typeof activityTypeView>;

export const activityView = z
  .object({
    id: z.string(),
    title: z.string(),
    typeKey: z.string(),
    type: z.object({ labelSv: z.string(), labelEn: z.string(), category: z.string() }),
    description: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    place: z.string().nullable(),
    status: z.enum(activityStatuses),
    organisers: z.array(namedRef),
    partners: z.array(namedRef),
    programmes: z.array(programmeRef),
    courses: z.array(courseRef),
    mandatory: z.boolean(),
    evaluated: z.boolean(),
    evaluationText: z.string().nullable(),
    participants: z.number().nullable(),
    tags: z.array(z.string()),
    evidenceLinks: z.array(z.object({ label: z.string(), url: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: "Activity" });
export type ActivityView = z.infer<typeof activityView>;
