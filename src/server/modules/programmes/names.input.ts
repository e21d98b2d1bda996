import { z } from "zod";
import {
  checkContractClient,
  createCourseInput,
  createProgrammeInput,
  updateCourseInput,
  updateProgrammeInput,
} from "../../../common/programmes.ts";
import { requiredText } from "../../../common/validation.ts";
import { fieldErrors } from "../../platform/errors.ts";

/**
 * The bodies of POST/PATCH /api/programmes and /api/courses (issue 15, item 6): the Swedish name is
 * `name`, as elsewhere in the API, with `nameEn` beside it; `nameSv`, the services' own name for it,
 * stays as an alias. Both given with different values is a 422 naming `nameSv`.
 */

const nameFields = {
  name: requiredText(200).optional().meta({ description: "Namnet på svenska." }),
  nameSv: requiredText(200).optional().meta({ description: "Samma som name (äldre namn på fältet)." }),
};

function checkNames(required: boolean) {
  return (value: { name?: string; nameSv?: string }, ctx: z.RefinementCtx) => {
    if (value.name !== undefined && value.nameSv !== undefined && value.name !== value.nameSv)
      ctx.addIssue({ code: "custom", path: ["nameSv"], message: "validation.programmes.nameConflict" });
    if (required && value.name === undefined && value.nameSv === undefined)
      ctx.addIssue({ code: "custom", path: ["name"], message: "validation.required" });
  };
}

export const createProgrammeBody = z
  .strictObject({ ...createProgrammeInput.shape, ...nameFields })
  .superRefine(checkNames(true));

export const updateProgrammeBody = z
  .strictObject({ ...updateProgrammeInput.shape, ...nameFields })
  .superRefine(checkNames(false));

export const createCourseBody = z
  .strictObject({ ...createCourseInput.shape, ...nameFields })
  .superRefine(checkContractClient)
  .superRefine(checkNames(true));

export const updateCourseBody = z
  .strictObject({ ...updateCourseInput.shape, ...nameFields })
  .superRefine(checkNames(false));

/** The body as the services take it: `name` (or its alias) as `nameSv`. */
export function withNameSv<T extends { name?: string; nameSv?: string }>(
  body: T,
): Omit<T, "name" | "nameSv"> & { nameSv?: string } {
  const { name, nameSv, ...rest } = body;
  const swedish = name ?? nameSv;
  return swedish === undefined ? rest : { ...rest, nameSv: swedish };
}

/** For a create: the Swedish name is required (the body's schema already said so when it was parsed). */
export function withRequiredNameSv<T extends { name?: string; nameSv?: string }>(
  body: T,
): Omit<T, "name" | "nameSv"> & { nameSv: string } {
  const input = withNameSv(body);
  if (input.nameSv === undefined) throw fieldErrors({ name: "validation.required" });
  return { ...input, nameSv: input.nameSv };
}
