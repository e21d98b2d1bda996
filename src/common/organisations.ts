import { z } from "zod";
import { pageQuery, requiredText, uuid } from "./validation.ts";

/**
 * Shared schemas of the organisation register: server routes and web forms validate with these.
 * Messages are i18n keys under `validation.*` so translateIssue can turn them into Swedish.
 */

/** Stored ASCII keys; the Swedish words (with or without å ä ö) are accepted as input. */
export const organisationTypes = [
  "larosate",
  "fakultet",
  "avdelning",
  "kommun",
  "region",
  "lansstyrelse",
  "foretag",
  "myndighet",
  "larcentrum",
  "kommunalforbund",
  "forening",
  "stiftelse",
  "annan",
] as const;
export type OrganisationType = (typeof organisationTypes)[number];
export const organisationTypeKey = z.enum(organisationTypes);

const typeAliases: Record<string, OrganisationType> = {
  institution: "avdelning",
  "avdelning/institution": "avdelning",
  universitet: "larosate",
  hogskola: "larosate",
  foretaget: "foretag",
  annat: "annan",
};

/** "Lärosäte", "larosate", " KOMMUNALFÖRBUND " → the stored key, or the folded text when unknown. */
export function normaliseOrganisationType(value: string): string {
  const folded = value
    .trim()
    .toLocaleLowerCase("sv")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  return typeAliases[folded] ?? folded;
}

export const organisationType = z
  .string({ error: "validation.required" })
  .transform(normaliseOrganisationType)
  .pipe(z.enum(organisationTypes, { error: "validation.organisations.type" }));

export type OrgNumberCheck =
  | { ok: true; value: string }
  | { ok: false; reason: "format" | "checkDigit" | "thirdDigits" };

/** The Luhn (mod 10) rule over a string of digits: the check digit is the last one. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Every second digit counted from the right, starting with the one before the check digit, is doubled.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Checks a Swedish organisation number: "NNNNNN-NNNN" or ten digits, a Luhn check digit, and digits
 * 3–4 at least 20 (what tells it from a personal identity number). Returns it with the dash.
 */
export function checkOrgNumber(input: string): OrgNumberCheck {
  const trimmed = input.trim();
  if (!/^\d{6}-?\d{4}$/.test(trimmed)) return { ok: false, reason: "format" };
  const digits = trimmed.replace("-", "");
  if (Number(digits.slice(2, 4)) < 20) return { ok: false, reason: "thirdDigits" };
  if (!luhnValid(digits)) return { ok: false, reason: "checkDigit" };
  return { ok: true, value: `${digits.slice(0, 6)}-${digits.slice(6)}` };
}

/** Empty strings from forms mean "no value". */
const blankToNull = <T extends string | null | undefined>(v: T) => (v === "" ? null : v);

const orgNumberMessages = {
  format: "validation.organisations.orgNumberFormat",
  checkDigit: "validation.organisations.orgNumberCheckDigit",
  thirdDigits: "validation.organisations.orgNumberThirdDigits",
} as const;

export const orgNumber = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const check = checkOrgNumber(value);
    if (check.ok) return check.value;
    ctx.addIssue({ code: "custom", message: orgNumberMessages[check.reason], input: value });
    return z.NEVER;
  })
  .nullish();

const optionalString = (max: number) =>
  z.string().trim().max(max, { error: "validation.tooLong" }).nullish().transform(blankToNull);

export const municipalityCode = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\d{4}$/.test(v), { error: "validation.organisations.municipalityCode" })
  .nullish()
  .transform(blankToNull);

/** Accepts "www.miun.se" and stores "https://www.miun.se". */
export const website = z
  .string()
  .trim()
  .max(500, { error: "validation.tooLong" })
  .transform((value, ctx) => {
    if (value === "") return null;
    const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`;
    try {
      const url = new URL(withScheme);
      if (!url.hostname.includes(".")) throw new Error("no domain");
      return withScheme;
    } catch {
      ctx.addIssue({ code: "custom", message: "validation.organisations.website", input: value });
      return z.NEVER;
    }
  })
  .nullish();

export const tagList = z
  .array(requiredText(60))
  .max(30, { error: "validation.organisations.tooManyTags" })
  .transform((tags) => [...new Set(tags)]);

const organisationFields = {
  name: requiredText(200),
  type: organisationType,
  orgNumber,
  parentId: uuid.nullish(),
  municipalityCode,
  county: optionalString(100),
  website,
  tags: tagList,
  description: optionalString(5000),
};

export const createOrganisationInput = z.object({ ...organisationFields, tags: tagList.default([]) });
export type CreateOrganisationInput = z.input<typeof createOrganisationInput>;
export type CreateOrganisationData = z.output<typeof createOrganisationInput>;

/** PATCH: a missing field stays as it is, null clears it. */
export const updateOrganisationInput = z.object(organisationFields).partial();
export type UpdateOrganisationInput = z.input<typeof updateOrganisationInput>;
export type UpdateOrganisationData = z.output<typeof updateOrganisationInput>;

export const organisationSorts = [
  "name",
  "-name",
  "-createdAt",
  "createdAt",
  "type",
  "-type",
  "parent",
  "-parent",
  "county",
  "-county",
  "updatedAt",
  "-updatedAt",
] as const;

export const organisationListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  type: organisationType.optional(),
  parentId: uuid.optional(),
  municipalityCode: z.string().trim().max(10).optional(),
  county: z.string().trim().max(100).optional(),
  tag: z.string().trim().max(60).optional(),
  sort: z.enum(organisationSorts).default("name"),
});
export type OrganisationListQuery = z.input<typeof organisationListQuery>;

export const mergeInput = z.object({ intoId: uuid });
export type MergeInput = z.infer<typeof mergeInput>;

export const abilitiesView = z.object({ update: z.boolean(), delete: z.boolean() });

const orgRef = z.object({ id: z.string(), name: z.string(), type: organisationTypeKey });

export const organisationView = z
  .object({
    id: z.string(),
    name: z.string(),
    type: organisationTypeKey,
    orgNumber: z.string().nullable(),
    parentId: z.string().nullable(),
    parent: orgRef.nullable(),
    municipalityCode: z.string().nullable(),
    county: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    tags: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: abilitiesView,
  })
  .meta({ id: "Organisation" });
export type OrganisationView = z.infer<typeof organisationView>;

/** An organisation with what links to it: the detail page's data. */
export const organisationDetailView = organisationView
  .extend({
    ancestors: z.array(orgRef),
    children: z.array(orgRef),
    people: z.array(
      z.object({
        membershipId: z.string(),
        personId: z.string(),
        name: z.string(),
        title: z.string().nullable(),
        role: z.string().nullable(),
        startDate: z.string().nullable(),
        endDate: z.string().nullable(),
      }),
    ),
    programmes: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    courses: z.array(
      z.object({ id: z.string(), code: z.string(), name: z.string(), credits: z.number().nullable() }),
    ),
    contractCourses: z.array(
      z.object({ id: z.string(), code: z.string(), name: z.string(), credits: z.number().nullable() }),
    ),
    activities: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        typeKey: z.string(),
        startDate: z.string().nullable(),
        status: z.string(),
        role: z.string(),
      }),
    ),
  })
  .meta({ id: "OrganisationDetail" });
export type OrganisationDetailView = z.infer<typeof organisationDetailView>;

/** What deleting an organisation would affect. */
export const organisationImpactView = z
  .object({
    children: z.number().int(),
    memberships: z.number().int(),
    people: z.number().int(),
    programmes: z.number().int(),
    courses: z.number().int(),
    activities: z.number().int(),
  })
  .meta({ id: "OrganisationImpact" });
export type OrganisationImpactView = z.infer<typeof organisationImpactView>;
