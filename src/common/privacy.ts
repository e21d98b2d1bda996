import { z } from "zod";
import { email, uuid } from "./validation.ts";

/**
 * Personal data under GDPR (issue 20): a person's register extract (art. 15), erasure that respects
 * the archive rules (art. 17), and the record of processing (art. 30). Shared by server and web.
 */

/** Who the request is about: a person in the register, or an e-mail address (either, not both needed). */
export const personalDataSubject = z
  .object({ email: email.optional(), personId: uuid.optional() })
  .refine((s) => !!s.email || !!s.personId, { path: ["email"], error: "validation.privacy.subject" });
export type PersonalDataSubjectInput = z.infer<typeof personalDataSubject>;

export const extractFormats = ["json", "pdf", "html"] as const;
export const extractQuery = z
  .object({
    email: email.optional(),
    personId: uuid.optional(),
    format: z.enum(extractFormats, { error: "validation.invalidValue" }).default("json"),
  })
  .refine((s) => !!s.email || !!s.personId, { path: ["email"], error: "validation.privacy.subject" });

export const processingRecordFormats = ["json", "html", "pdf", "docx", "xlsx"] as const;
export const processingRecordQuery = z.object({
  format: z.enum(processingRecordFormats, { error: "validation.invalidValue" }).default("json"),
});

export const extractRequestInput = z.object({ email });
export const selfExtractQuery = z.object({
  format: z.enum(["json", "html"], { error: "validation.invalidValue" }).default("html"),
});

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** One record of a category, as plain label → value pairs (dates ISO). */
export const personalDataRecord = z.record(z.string(), value);
export type PersonalDataRecord = z.infer<typeof personalDataRecord>;

export const extractSection = z.object({
  category: z.string(),
  name: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  retention: z.string(),
  records: z.array(personalDataRecord),
});
export type ExtractSection = z.infer<typeof extractSection>;

export const personalDataExtract = z
  .object({
    subject: z.object({ personId: uuid.nullable(), emails: z.array(z.string()) }),
    generatedAt: z.string(),
    controller: z.string(),
    sections: z.array(extractSection),
  })
  .meta({ id: "PersonalDataExtract" });
export type PersonalDataExtract = z.infer<typeof personalDataExtract>;

export const impactActions = ["remove", "anonymise", "keep"] as const;
export const erasureImpactItem = z.object({
  category: z.string(),
  action: z.enum(impactActions),
  count: z.number().int(),
  description: z.string(),
  /** For kept records: the rule that keeps them (arkivlagen, offentlighets- och sekretesslagen …). */
  rule: z.string().nullable(),
});
export type ErasureImpactItem = z.infer<typeof erasureImpactItem>;

export const erasureImpact = z
  .object({
    subject: z.object({ personId: uuid.nullable(), emails: z.array(z.string()) }),
    items: z.array(erasureImpactItem),
  })
  .meta({ id: "ErasureImpact" });
export type ErasureImpact = z.infer<typeof erasureImpact>;

export const erasureResult = z
  .object({ erased: z.literal(true), items: z.array(erasureImpactItem) })
  .meta({ id: "ErasureResult" });

export const processingCategory = z.object({
  key: z.string(),
  name: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  dataItems: z.array(z.string()),
  dataSubjects: z.array(z.string()),
  recipients: z.array(z.string()),
  retention: z.string(),
  security: z.array(z.string()),
  archiveRule: z.string().nullable(),
});
export type ProcessingCategory = z.infer<typeof processingCategory>;

export const processingRecord = z
  .object({ controller: z.string(), generatedAt: z.string(), categories: z.array(processingCategory) })
  .meta({ id: "ProcessingRecord" });
export type ProcessingRecord = z.infer<typeof processingRecord>;
