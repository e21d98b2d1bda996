import { z } from "zod";
import { abilitiesView } from "./organisations.ts";
import { isoDate, pageQuery, requiredText, uuid } from "./validation.ts";

/** Shared schemas of the people register (contacts with roles in organisations). */

/** GDPR art. 6 bases a person's data is kept on. */
export const lawfulBases = ["public_task", "consent", "contract", "legitimate_interest"] as const;
export type LawfulBasis = (typeof lawfulBases)[number];
export const lawfulBasis = z.enum(lawfulBases, { error: "validation.people.lawfulBasis" });

const optionalString = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .nullish()
    .transform((v) => (v === "" ? null : v));

/** Lower-cased, so it works as the key that matches a registration to a person. */
const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => v === "" || z.email().safeParse(v).success, { error: "validation.email" })
  .nullish()
  .transform((v) => (v === "" ? null : v));

/** Digits, spaces and + - ( ) only: "060-14 86 00", "+46 60 14 86 00". */
const phone = z
  .string()
  .trim()
  .max(40, { error: "validation.tooLong" })
  .refine((v) => v === "" || /^\+?[\d\s\-()]{5,}$/.test(v), { error: "validation.people.phone" })
  .nullish()
  .transform((v) => (v === "" ? null : v));

const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === "" || isoDate.safeParse(v).success, { error: "validation.date" })
  .nullish()
  .transform((v) => (v === "" ? null : v));

export const membershipInput = z
  .object({
    organisationId: uuid,
    role: optionalString(200),
    startDate: optionalDate,
    endDate: optionalDate,
  })
  .refine((m) => !m.startDate || !m.endDate || m.endDate >= m.startDate, {
    error: "validation.people.periodOrder",
    path: ["endDate"],
  });
export type MembershipInput = z.input<typeof membershipInput>;

const personFields = {
  name: requiredText(200),
  email: optionalEmail,
  phone,
  title: optionalString(200),
  lawfulBasis,
  notes: optionalString(5000),
  memberships: z.array(membershipInput).max(100, { error: "validation.people.tooMany" }),
  userId: uuid.nullish(),
};

export const createPersonInput = z.object({
  ...personFields,
  lawfulBasis: lawfulBasis.default("public_task"),
  memberships: personFields.memberships.default([]),
});
export type CreatePersonInput = z.input<typeof createPersonInput>;
export type CreatePersonData = z.output<typeof createPersonInput>;

/** PATCH: a missing field stays; `memberships`, when given, replaces the person's memberships. */
export const updatePersonInput = z.object(personFields).partial();
export type UpdatePersonInput = z.input<typeof updatePersonInput>;
export type UpdatePersonData = z.output<typeof updatePersonInput>;

export const personSorts = [
  "name",
  "-name",
  "-createdAt",
  "createdAt",
  "title",
  "-title",
  "email",
  "-email",
  "updatedAt",
  "-updatedAt",
] as const;

export const personListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  organisationId: uuid.optional(),
  sort: z.enum(personSorts).default("name"),
});
export type PersonListQuery = z.input<typeof personListQuery>;

export const membershipView = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  role: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type MembershipView = z.infer<typeof membershipView>;

export const personView = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    title: z.string().nullable(),
    lawfulBasis,
    consentAt: z.string().nullable(),
    notes: z.string().nullable(),
    userId: z.string().nullable(),
    memberships: z.array(membershipView),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: abilitiesView,
  })
  .meta({ id: "Person" });
export type PersonView = z.infer<typeof personView>;

const codeRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const personDetailView = personView
  .extend({
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
    responsibleForProgrammes: z.array(codeRef),
    responsibleForCourses: z.array(codeRef),
  })
  .meta({ id: "PersonDetail" });
export type PersonDetailView = z.infer<typeof personDetailView>;

export const personImpactView = z
  .object({ memberships: z.number().int(), programmes: z.number().int(), courses: z.number().int() })
  .meta({ id: "PersonImpact" });
export type PersonImpactView = z.infer<typeof personImpactView>;
