import { z } from "zod";
import { optionalText, pageQuery, requiredText, uuid } from "./validation.ts";

/**
 * Programmes and courses (Ladok style): shared by the server's routes and the web forms.
 * Messages are i18n keys (`programmes.*`, `validation.*`).
 */
export const programmeLevels = ["grundniva", "avancerad", "forskarniva"] as const;
export type ProgrammeLevel = (typeof programmeLevels)[number];

/** Ladok codes are ASCII letters and digits: `DD1321`, `HSJUG`. Stored upper-cased. */
export const ladokCode = z
  .string({ error: "validation.required" })
  .trim()
  .toUpperCase()
  .min(1, { error: "validation.required" })
  .regex(/^[A-Z0-9]{2,12}$/, { error: "validation.programmes.codeFormat" });

/** Whether a number has at most one decimal (7.5 yes, 7.25 no), tolerant of binary floating point. */
export const hasAtMostOneDecimal = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

/** Credits in hp: the API takes numbers like 7.5; the UI shows "7,5 hp". */
export const credits = z
  .number({ error: "validation.programmes.creditsRequired" })
  .gt(0, { error: "validation.programmes.creditsPositive" })
  .max(9999.9, { error: "validation.programmes.creditsTooBig" })
  .refine(hasAtMostOneDecimal, { error: "validation.programmes.creditsOneDecimal" });

/** Parses what a person types in a credits field ("7,5", "7.5", " 15 ") to a number, NaN when it is none. */
export function parseCredits(text: string): number {
  const cleaned = text.replace(/\s|hp/gi, "").replace(",", ".");
  return cleaned && /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

const level = z.enum(programmeLevels, { error: "validation.programmes.levelInvalid" });
const ids = z.array(uuid).max(500);

const programmeFields = {
  code: ladokCode,
  nameSv: requiredText(200),
  nameEn: optionalText(200),
  credits: credits.nullish(),
  level: level.nullish(),
  organisationId: uuid.nullish(),
  responsiblePersonId: uuid.nullish(),
  courseIds: ids,
};

export const createProgrammeInput = z.strictObject({
  ...programmeFields,
  courseIds: ids.default([]),
});
export type CreateProgrammeInput = z.input<typeof createProgrammeInput>;
/** PATCH: any subset; `courseIds` replaces the programme's course list when given. */
export const updateProgrammeInput = z.strictObject(programmeFields).partial();
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeInput>;

const courseFields = {
  code: ladokCode,
  nameSv: requiredText(200),
  nameEn: optionalText(200),
  credits,
  level: level.nullish(),
  organisationId: uuid.nullish(),
  responsiblePersonId: uuid.nullish(),
  programmeIds: ids,
  /** Uppdragsutbildning: a course made for an external client organisation. */
  contract: z.boolean({ error: "validation.invalidType" }),
  clientOrganisationId: uuid.nullish(),
};

/** A contract course names its client; an ordinary course has none. */
function checkContractClient(
  value: { contract?: boolean; clientOrganisationId?: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.contract && !value.clientOrganisationId)
    ctx.addIssue({
      code: "custom",
      path: ["clientOrganisationId"],
      message: "validation.programmes.clientRequired",
    });
  if (value.contract === false && value.clientOrganisationId)
    ctx.addIssue({
      code: "custom",
      path: ["clientOrganisationId"],
      message: "validation.programmes.clientOnlyForContract",
    });
}

export const createCourseInput = z
  .strictObject({
    ...courseFields,
    programmeIds: ids.default([]),
    contract: courseFields.contract.default(false),
  })
  .superRefine(checkContractClient);
export type CreateCourseInput = z.input<typeof createCourseInput>;
/** PATCH: any subset; the service checks the contract/client rule on the merged result. */
export const updateCourseInput = z.strictObject(courseFields).partial();
export type UpdateCourseInput = z.infer<typeof updateCourseInput>;
export { checkContractClient };

/** `?contract=true|false` in a URL; a boolean when a service is called directly (parsing twice is safe). */
const booleanQuery = z.preprocess(
  (v) => (v === "true" ? true : v === "false" ? false : v),
  z.boolean({ error: "validation.invalidValue" }),
);

export const programmeListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  organisationId: uuid.optional(),
  level: level.optional(),
});
export type ProgrammeListQuery = z.infer<typeof programmeListQuery>;

export const courseListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  programmeId: uuid.optional(),
  contract: booleanQuery.optional(),
  clientOrganisationId: uuid.optional(),
});
export type CourseListQuery = z.infer<typeof courseListQuery>;

// ---- Views -------------------------------------------------------------------------------------

export const namedRef = z.object({ id: z.string(), name: z.string() });
export const programmeRef = z.object({ id: z.string(), code: z.string(), nameSv: z.string() });
export const courseRef = z.object({
  id: z.string(),
  code: z.string(),
  nameSv: z.string(),
  credits: z.number().nullable(),
});
export const abilities = z.object({ update: z.boolean(), delete: z.boolean() });

export const programmeView = z
  .object({
    id: z.string(),
    code: z.string(),
    nameSv: z.string(),
    nameEn: z.string().nullable(),
    credits: z.number().nullable(),
    level: z.string().nullable(),
    organisation: namedRef.nullable(),
    responsiblePerson: namedRef.nullable(),
    courses: z.array(courseRef),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities,
    /** The Swedish name (the same as nameSv), as the API names it elsewhere. */
    name: z.string(),
  })
  .meta({ id: "Programme" });
export type ProgrammeView = z.infer<typeof programmeView>;

export const courseView = z
  .object({
    id: z.string(),
    code: z.string(),
    nameSv: z.string(),
    nameEn: z.string().nullable(),
    credits: z.number().nullable(),
    level: z.string().nullable(),
    organisation: namedRef.nullable(),
    responsiblePerson: namedRef.nullable(),
    contract: z.boolean(),
    clientOrganisation: namedRef.nullable(),
    programmes: z.array(programmeRef),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities,
    /** The Swedish name (the same as nameSv), as the API names it elsewhere. */
    name: z.string(),
  })
  .meta({ id: "Course" });
export type CourseView = z.infer<typeof courseView>;

/**
 * What deleting a record would affect: each effect a kind, a count and a translated sentence.
 * Shared by programmes, courses and activities (GET /api/{…}/{id}/impact).
 */
export const impactView = z
  .object({
    effects: z.array(z.object({ kind: z.string(), count: z.number().int(), text: z.string() })),
  })
  .meta({ id: "DeleteImpact" });
export type ImpactView = z.infer<typeof impactView>;
