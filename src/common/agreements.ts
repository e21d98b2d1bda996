import { z } from "zod";
import { isoDate, optionalText, pageQuery, requiredText, uuid } from "./validation.ts";

/**
 * SKO framework agreements (seed 001): an agreement of 2–4 years between the university and one or
 * more partner organisations, with its needs inventory, course appendix (kursbilaga), dialogues and
 * budget. Shared by the server's routes and the web forms; messages are i18n keys.
 */
export const agreementPhases = ["planning", "execution", "evaluation"] as const;
export type AgreementPhase = (typeof agreementPhases)[number];
export const agreementStatuses = ["draft", "active", "ended"] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];
export const needSources = ["plan", "dialogue", "other"] as const;
export const needStatuses = ["open", "covered", "deferred"] as const;
export type NeedStatus = (typeof needStatuses)[number];
export const deliveryModes = ["distance", "flexible", "campus_days"] as const;

const kronor = z
  .number({ error: "validation.agreements.wholeKronor" })
  .int({ error: "validation.agreements.wholeKronor" })
  .min(0, { error: "validation.agreements.notNegative" })
  .max(2_000_000_000, { error: "validation.agreements.wholeKronor" });
const count = z
  .number({ error: "validation.agreements.wholeNumber" })
  .int({ error: "validation.agreements.wholeNumber" })
  .min(0, { error: "validation.agreements.notNegative" })
  .max(100_000, { error: "validation.agreements.wholeNumber" });

/** A term as the appendix writes it: `vt 2027` or `ht 2026`. */
export const term = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .regex(/^(vt|ht) ?\d{4}$/, { error: "validation.agreements.term" })
  .transform((t) => `${t.slice(0, 2)} ${t.slice(-4)}`);

/** The calendar year a term belongs to. */
export const termYear = (t: string) => Number(t.slice(-4));

const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
const dayAfter = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** 2–4 years from start to end (the end day included), as the seed's framework agreements run. */
export const isAgreementLength = (startDate: string, endDate: string) => {
  const after = dayAfter(endDate);
  return after >= addYears(startDate, 2) && after <= addYears(startDate, 4);
};

export const partyInput = z.object({
  organisationId: uuid,
  contactName: optionalText(200),
  /** Co-financing this party brings, whole kronor. */
  cofinancing: kronor.nullish(),
});

const agreementFields = {
  title: requiredText(300),
  /** The partner organisations (not the university). */
  partyIds: z.array(uuid).min(1, { error: "validation.agreements.partyRequired" }).max(50),
  /** Contact person and co-financing per party; parties not in `partyIds` are added. */
  parties: z.array(partyInput).max(50).optional(),
  universityId: uuid.nullish(),
  universityContact: optionalText(200),
  universityCofinancing: kronor.nullish(),
  startDate: isoDate,
  endDate: isoDate,
  budget: kronor,
  registryNumber: optionalText(100),
  phase: z.enum(agreementPhases, { error: "validation.invalidValue" }).optional(),
  status: z.enum(agreementStatuses, { error: "validation.invalidValue" }).optional(),
  notes: optionalText(10_000),
};

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

const lengthCheck = (v: { startDate?: string; endDate?: string }, ctx: z.RefinementCtx) => {
  // The refinement runs even when a date already failed its own check: compare only real dates.
  const isDay = (d: string | undefined): d is string => !!d && isoDay.test(d) && !Number.isNaN(Date.parse(d));
  if (!isDay(v.startDate) || !isDay(v.endDate)) return;
  if (v.endDate <= v.startDate)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.agreements.endBeforeStart" });
  else if (!isAgreementLength(v.startDate, v.endDate))
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.agreements.length" });
};

export const createAgreementInput = z.strictObject(agreementFields).superRefine(lengthCheck);
export type CreateAgreementInput = z.input<typeof createAgreementInput>;

/** Any subset; the period is checked again against the stored other end. */
export const updateAgreementInput = z.strictObject(agreementFields).partial();
export type UpdateAgreementInput = z.input<typeof updateAgreementInput>;

export const needInput = z.strictObject({
  title: requiredText(300),
  targetGroup: optionalText(300),
  staffCount: count.nullish(),
  description: optionalText(5000),
  priority: z.number().int().min(1, { error: "validation.agreements.priority" }).max(3).nullish(),
  source: z.enum(needSources, { error: "validation.invalidValue" }).optional(),
  /** `covered` follows from the appendix; only `deferred` is set by hand. */
  status: z.enum(["open", "deferred"], { error: "validation.agreements.needStatus" }).optional(),
});
export type NeedInput = z.input<typeof needInput>;

export const appendixInput = z.strictObject({
  courseId: uuid,
  needIds: z.array(uuid).max(100).default([]),
  term,
  places: count,
  /** Price of the row, whole kronor. */
  price: kronor.nullish(),
  delivery: z
    .array(z.enum(deliveryModes, { error: "validation.invalidValue" }))
    .max(3)
    .optional(),
  /** The package the row belongs to, e.g. "Psykologi för arbetslivskonsulenter". */
  package: optionalText(200),
  /** The work-integrated case ("bring your own data"). */
  workCase: optionalText(2000),
  /** Follow-up once given: participants who started and who completed. */
  participants: count.nullish(),
  completed: count.nullish(),
});
export type AppendixInput = z.input<typeof appendixInput>;

export const dialogueInput = z.strictObject({
  date: isoDate,
  participants: optionalText(2000),
  notes: optionalText(10_000),
  decisions: optionalText(10_000),
  nextDate: isoDate.nullish(),
  /** Needs the dialogue found; they join the inventory with source `dialogue`. */
  needs: z
    .array(needInput.omit({ source: true }))
    .max(50)
    .optional(),
});
export type DialogueInput = z.input<typeof dialogueInput>;

/** PATCH of one need: any subset of its fields (`covered` still follows from the appendix). */
export const updateNeedInput = needInput.partial();
export type UpdateNeedInput = z.input<typeof updateNeedInput>;

/** PATCH of one appendix row: any subset; `needIds` replaces the row's needs. */
export const updateAppendixInput = appendixInput
  .omit({ needIds: true })
  .partial()
  .extend({
    needIds: z.array(uuid).max(100).optional(),
  });
export type UpdateAppendixInput = z.input<typeof updateAppendixInput>;

/** PATCH of one dialogue: its own fields (the needs it added are changed as needs). */
export const updateDialogueInput = dialogueInput.omit({ needs: true }).partial();
export type UpdateDialogueInput = z.input<typeof updateDialogueInput>;

/** A party's comment on a dialogue (a partner user may comment on their own agreement's dialogues). */
export const dialogueCommentInput = z.strictObject({ body: requiredText(5000) });
export type DialogueCommentInput = z.input<typeof dialogueCommentInput>;

/** The competence-supply plan as an uploaded file: these types, checked by extension and content. */
export const maxPlanBytes = 10 * 1024 * 1024;
export const planTypes: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
};

export const agreementListQuery = pageQuery.extend({
  organisationId: uuid.optional(),
  status: z.enum(agreementStatuses).optional(),
});
export type AgreementListQuery = z.infer<typeof agreementListQuery>;

const party = z.object({
  organisationId: z.string(),
  name: z.string(),
  role: z.enum(["university", "partner"]),
  contactName: z.string().nullable(),
  cofinancing: z.number().int().nullable(),
});

export const needView = z
  .object({
    id: z.string(),
    title: z.string(),
    targetGroup: z.string().nullable(),
    staffCount: z.number().int().nullable(),
    description: z.string().nullable(),
    priority: z.number().int().nullable(),
    source: z.enum(needSources),
    status: z.enum(needStatuses),
    dialogueId: z.string().nullable(),
    /** The appendix rows that serve the need. */
    appendixIds: z.array(z.string()),
  })
  .meta({ id: "AgreementNeed" });
export type NeedView = z.infer<typeof needView>;

export const appendixRowView = z
  .object({
    id: z.string(),
    courseId: z.string(),
    code: z.string(),
    name: z.string(),
    credits: z.number().nullable(),
    term: z.string(),
    places: z.number().int(),
    price: z.number().int().nullable(),
    delivery: z.array(z.string()),
    package: z.string().nullable(),
    workCase: z.string().nullable(),
    needIds: z.array(z.string()),
    participants: z.number().int().nullable(),
    completed: z.number().int().nullable(),
  })
  .meta({ id: "AgreementAppendixRow" });
export type AppendixRowView = z.infer<typeof appendixRowView>;

export const dialogueView = z
  .object({
    id: z.string(),
    date: z.string(),
    participants: z.string().nullable(),
    notes: z.string().nullable(),
    decisions: z.string().nullable(),
    nextDate: z.string().nullable(),
    needIds: z.array(z.string()),
    /** The parties' comments, oldest first. */
    comments: z.array(
      z.object({ id: z.string(), authorName: z.string(), body: z.string(), createdAt: z.string() }),
    ),
  })
  .meta({ id: "AgreementDialogue" });
export type DialogueView = z.infer<typeof dialogueView>;

export const followUpView = z
  .object({
    courses: z.number().int(),
    coursesDelivered: z.number().int(),
    participants: z.number().int(),
    completed: z.number().int(),
    /** hp taken: completed participants × the course's credits. */
    creditsTaken: z.number(),
    needs: z.number().int(),
    needsCovered: z.number().int(),
    /** Share of needs covered, 0–1; null without needs. */
    needsCoveredShare: z.number().nullable(),
    budget: z.number().int(),
    spent: z.number().int(),
    /** spent / budget, 0–1 (may pass 1); null without budget. */
    budgetUse: z.number().nullable(),
  })
  .meta({ id: "AgreementFollowUp" });
export type FollowUpView = z.infer<typeof followUpView>;

export const planView = z
  .object({
    id: z.string(),
    filename: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    uploadedAt: z.string(),
    uploadedBy: z.string().nullable(),
  })
  .meta({ id: "AgreementPlan" });
export type PlanView = z.infer<typeof planView>;

export const agreementSummaryView = z
  .object({
    id: z.string(),
    title: z.string(),
    registryNumber: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string(),
    phase: z.enum(agreementPhases),
    status: z.enum(agreementStatuses),
    budget: z.number().int(),
    partyIds: z.array(z.string()),
    parties: z.array(party),
  })
  .meta({ id: "AgreementSummary" });
export type AgreementSummaryView = z.infer<typeof agreementSummaryView>;

export const agreementView = agreementSummaryView
  .extend({
    notes: z.string().nullable(),
    history: z.array(
      z.object({
        phase: z.enum(agreementPhases),
        status: z.enum(agreementStatuses),
        at: z.string(),
        by: z.string().nullable(),
      }),
    ),
    /** The newest competence-supply plan; `plans` holds them all, oldest first. */
    plan: planView.nullable(),
    plans: z.array(planView),
    needs: z.array(needView),
    appendix: z.array(appendixRowView),
    packages: z.array(
      z.object({
        name: z.string(),
        appendixIds: z.array(z.string()),
        totalCredits: z.number(),
        cost: z.number().int(),
      }),
    ),
    totalCredits: z.number(),
    planned: z.number().int(),
    spent: z.number().int(),
    remaining: z.number().int(),
    years: z.array(
      z.object({
        year: z.number().int(),
        budget: z.number().int(),
        planned: z.number().int(),
        spent: z.number().int(),
        remaining: z.number().int(),
      }),
    ),
    dialogues: z.array(dialogueView),
    nextDialogueDate: z.string().nullable(),
    followUp: followUpView,
    abilities: z.object({
      update: z.boolean(),
      delete: z.boolean(),
      addNeed: z.boolean(),
      addAppendix: z.boolean(),
      addDialogue: z.boolean(),
      uploadPlan: z.boolean(),
      comment: z.boolean(),
    }),
  })
  .meta({ id: "Agreement" });
export type AgreementView = z.infer<typeof agreementView>;

export const sharedCourseView = z
  .object({
    courseId: z.string(),
    code: z.string(),
    name: z.string(),
    credits: z.number().nullable(),
    agreementIds: z.array(z.string()),
    organisationIds: z.array(z.string()),
    places: z.number().int(),
  })
  .meta({ id: "SharedCourse" });
export type SharedCourseView = z.infer<typeof sharedCourseView>;
