import { z } from "zod";
import { projectColour, reportType } from "./projects.ts";
import { isoDate, optionalText, requiredText, uuid } from "./validation.ts";

/** A review round of the portfolio: date, the projects' assessments and the general conclusions. */

export const reviewRoundProjectInput = z.object({
  projectId: uuid,
  reportType: reportType.nullish(),
  reportUncertain: z.boolean().default(false),
  concreteResults: optionalText(500),
  canScaleUp: optionalText(500),
  comment: optionalText(4000),
  colour: projectColour.nullish(),
});

export const createReviewRoundInput = z.object({
  name: requiredText(300),
  date: isoDate,
  conclusions: z.array(requiredText(4000)).max(100).default([]),
  projects: z.array(reviewRoundProjectInput).max(500).default([]),
});
export type CreateReviewRoundInput = z.input<typeof createReviewRoundInput>;

export const updateReviewRoundInput = createReviewRoundInput.partial();
export type UpdateReviewRoundInput = z.input<typeof updateReviewRoundInput>;

export const reviewRoundSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  date: z.string(),
  projectCount: z.number(),
  conclusionCount: z.number(),
});
export type ReviewRoundSummary = z.infer<typeof reviewRoundSummaryView>;

export const reviewRoundRowView = z.object({
  projectId: z.string(),
  projectName: z.string(),
  leadName: z.string().nullable(),
  periodLabel: z.string().nullable(),
  reportType: z.string().nullable(),
  reportUncertain: z.boolean(),
  concreteResults: z.string().nullable(),
  canScaleUp: z.string().nullable(),
  comment: z.string().nullable(),
  colour: z.string().nullable(),
});
export type ReviewRoundRow = z.infer<typeof reviewRoundRowView>;

export const reviewRoundView = z.object({
  id: z.string(),
  name: z.string(),
  date: z.string(),
  conclusions: z.array(z.string()),
  projects: z.array(reviewRoundRowView),
  abilities: z.object({ manage: z.boolean() }),
});
export type ReviewRound = z.infer<typeof reviewRoundView>;
