import { z } from "zod";
import { isoDate, optionalText, requiredText, uuid } from "./validation.ts";

/**
 * Local development work (seed 004, LC-KOMP): each organisation's local development plan, its activities,
 * and the process support given to it — handledning, mentorskap, experter, studiebesök, auskultation.
 */
export const supportKinds = ["handledning", "mentorskap", "experter", "studiebesok", "auskultation"] as const;
export type SupportKind = (typeof supportKinds)[number];

const activity = z.strictObject({
  title: requiredText(300),
  done: z.boolean({ error: "validation.localwork.done" }).default(false),
});

export const createLocalPlanInput = z.strictObject({
  organisationId: uuid,
  projectTag: optionalText(100),
  projectId: uuid.nullish(),
  title: requiredText(300),
  direction: optionalText(4000),
  activities: z.array(activity).max(100).default([]),
});

export const patchLocalPlanInput = z.strictObject({
  title: requiredText(300).optional(),
  direction: optionalText(4000),
  activities: z.array(activity).max(100).optional(),
});

export const supportInput = z.strictObject({
  kind: z.enum(supportKinds, { error: "validation.localwork.kind" }),
  date: isoDate,
  hours: z
    .number({ error: "validation.localwork.hours" })
    .positive({ error: "validation.localwork.hours" })
    .max(1000, { error: "validation.localwork.hours" })
    .refine((h) => Number.isInteger(h * 2), { error: "validation.localwork.hours" }),
  givenBy: requiredText(200),
  participants: z
    .number({ error: "validation.localwork.participants" })
    .int({ error: "validation.localwork.participants" })
    .min(0, { error: "validation.localwork.participants" })
    .max(1000, { error: "validation.localwork.participants" }),
  note: optionalText(2000),
});

export const localPlanListQuery = z.object({
  organisationId: uuid.optional(),
  projectTag: z.string().trim().max(100).optional(),
  projectId: uuid.optional(),
});

export const supportView = z.object({
  id: z.string(),
  kind: z.enum(supportKinds),
  date: z.string(),
  hours: z.number(),
  givenBy: z.string(),
  participants: z.number(),
  note: z.string().nullable(),
});

const totals = z.object({
  kind: z.enum(supportKinds),
  efforts: z.number(),
  hours: z.number(),
  participants: z.number(),
});

export const localPlanView = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  projectTag: z.string().nullable(),
  projectId: z.string().nullable(),
  title: z.string(),
  direction: z.string().nullable(),
  activities: z.array(z.object({ title: z.string(), done: z.boolean() })),
  supportHours: z.number(),
  updatedAt: z.string(),
});

export const localPlanDetailView = localPlanView.extend({
  support: z.array(supportView),
  totals: z.array(totals),
});

export const supportSummaryView = z.object({
  plans: z.number(),
  organisations: z.number(),
  totals: z.array(totals),
});

export type LocalPlanView = z.infer<typeof localPlanView>;
export type LocalPlanDetailView = z.infer<typeof localPlanDetailView>;
