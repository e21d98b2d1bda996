import { z } from "zod";
import { indicatorStatuses } from "./indicators.ts";

/** A project's goals on two levels (seed 004): its organisations × its goals, GET /api/projects/{id}/organisation-matrix. */
const cellView = z.object({
  indicatorId: z.string(),
  actual: z.number().nullable(),
  target: z.number(),
  direction: z.string(),
  status: z.enum(indicatorStatuses),
  reached: z.boolean(),
  /** The cell in words (never colour alone): "Uppnått (1 av 1)", "Ej uppnått (0 av 1)", "Ej mätt". */
  text: z.string(),
  asOf: z.string().nullable(),
});

export const organisationMatrixView = z.object({
  project: z.object({ id: z.string(), name: z.string() }),
  goals: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      goalText: z.string().nullable(),
      /** The project-level indicator with the same name, when there is one. */
      projectIndicator: z
        .object({ id: z.string(), target: z.number(), actual: z.number().nullable(), unit: z.string() })
        .nullable(),
      organisations: z.number().int(),
      reached: z.number().int(),
    }),
  ),
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      cells: z.array(cellView.nullable()),
      reached: z.number().int(),
    }),
  ),
});
export type OrganisationMatrixView = z.infer<typeof organisationMatrixView>;
