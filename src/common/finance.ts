import { z } from "zod";
import { isoDate, optionalText, pageQuery, requiredText, uuid } from "./validation.ts";

/**
 * Money (docs/design.md: integer kronor, never floats): an organisation's units (enheter, e.g. "Sektor
 * Utbildning"), budgets per unit/project and year, spend entries, and the per-unit summary.
 * Co-financing comes from the projects module's funding lines.
 */

/** Whole kronor; anything typed that is not a number ("tolv", "12 kr 50") reads as "whole kronor" too. */
const kronor = z
  .number({
    error: (issue) => (issue.input === undefined ? "validation.required" : "validation.finance.wholeKronor"),
  })
  .int({ error: "validation.finance.wholeKronor" })
  .min(-2_000_000_000)
  .max(2_000_000_000);
export const year = z.coerce
  .number({ error: "validation.finance.year" })
  .int({ error: "validation.finance.year" })
  .min(1900, { error: "validation.finance.year" })
  .max(2200, { error: "validation.finance.year" });

export const createUnitInput = z.object({
  /** Whose accounts: e.g. Samhällskontraktet. */
  organisationId: uuid,
  name: requiredText(200),
  /** The sector group the unit belongs to, e.g. "Utbildning"; matches projects' `sector`. */
  sector: optionalText(200),
  /** The unit as an organisation of the register, when it is one. */
  unitOrganisationId: uuid.nullish(),
  /** Position in the money table; new units go last by default. */
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type CreateUnitInput = z.input<typeof createUnitInput>;

export const unitView = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    sector: z.string().nullable(),
    unitOrganisationId: z.string().nullable(),
    sortOrder: z.number().int(),
  })
  .meta({ id: "FinanceUnit" });
export type UnitView = z.infer<typeof unitView>;

export const unitQuery = z.object({ organisationId: uuid });

/** A unit is given by id, or by name within the organisation (created when new). */
const unitRef = {
  unitId: uuid.nullish(),
  unitName: optionalText(200),
};

/** Named in update inputs so that sending it is refused on its own field, not as an unknown key. */
const fixedOrganisation = z.never({ error: "validation.finance.organisationFixed" }).optional();

const budgetFields = {
  year,
  ...unitRef,
  projectId: uuid.nullish(),
  amount: kronor.min(0, { error: "validation.finance.notNegative" }),
  note: optionalText(2000),
};
export const createBudgetInput = z.object({ organisationId: uuid, ...budgetFields });
export type CreateBudgetInput = z.input<typeof createBudgetInput>;

/**
 * A change to a budget: only the fields sent change. `unitId: null` or `projectId: null` clears
 * that target (a budget must keep one); the organisation cannot change, so sending it is an error.
 */
export const updateBudgetInput = z
  .strictObject({ ...budgetFields, organisationId: fixedOrganisation })
  .partial();
export type UpdateBudgetInput = z.input<typeof updateBudgetInput>;

export const budgetView = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    year: z.number().int(),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    project: z.object({ id: z.string(), name: z.string() }).nullable(),
    amount: z.number().int(),
    note: z.string().nullable(),
  })
  .meta({ id: "Budget" });
export type BudgetView = z.infer<typeof budgetView>;

export const budgetQuery = pageQuery.extend({
  organisationId: uuid.optional(),
  year: year.optional(),
  unitId: uuid.optional(),
  projectId: uuid.optional(),
});
export type BudgetQuery = z.infer<typeof budgetQuery>;

const spendFields = {
  date: isoDate,
  amount: kronor.refine((n) => n !== 0, { error: "validation.finance.notZero" }),
  ...unitRef,
  category: optionalText(200),
  note: optionalText(2000),
  projectId: uuid.nullish(),
  /** The SKO agreement the money was spent on. */
  agreementId: uuid.nullish(),
};
export const createSpendInput = z.object({ organisationId: uuid, ...spendFields });
export type CreateSpendInput = z.input<typeof createSpendInput>;

/** A change to a spend entry: only the fields sent change; the entry always keeps a unit. */
export const updateSpendInput = z
  .strictObject({ ...spendFields, organisationId: fixedOrganisation })
  .partial();
export type UpdateSpendInput = z.input<typeof updateSpendInput>;

export const spendView = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    date: z.string(),
    amount: z.number().int(),
    unit: z.object({ id: z.string(), name: z.string() }),
    category: z.string().nullable(),
    note: z.string().nullable(),
    project: z.object({ id: z.string(), name: z.string() }).nullable(),
    agreementId: z.string().nullable(),
    enteredBy: z.string().nullable(),
  })
  .meta({ id: "SpendEntry" });
export type SpendView = z.infer<typeof spendView>;

export const spendQuery = pageQuery.extend({
  organisationId: uuid.optional(),
  year: year.optional(),
  unitId: uuid.optional(),
  projectId: uuid.optional(),
  agreementId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type SpendQuery = z.infer<typeof spendQuery>;

/**
 * What a person typed as an amount, as a number for the schema: "5 892 500", "5 892 500 kr",
 * "-1 200" (also with the no-break spaces and the minus sign that copied sv-SE numbers carry).
 * Empty is undefined (the schema says "required"); a decimal comma stays a fraction, so the
 * schema answers "whole kronor"; anything else is NaN, which the schema also refuses.
 */
export function kronorFromText(text: string): number | undefined {
  const plain = text
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/(kr|sek|:-)$/i, "")
    .replace("\u2212", "-")
    .replace(",", ".");
  if (plain === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

export const summaryQuery = z.object({ organisationId: uuid, year });

export const summaryView = z
  .object({
    organisation: z.object({ id: z.string(), name: z.string() }),
    year: z.number().int(),
    units: z.array(
      z.object({
        unitId: z.string(),
        name: z.string(),
        sector: z.string().nullable(),
        budget: z.number().int().nullable(),
        spent: z.number().int(),
        /** budget − spent; null when the unit has no budget. */
        remaining: z.number().int().nullable(),
      }),
    ),
    totals: z.object({ budget: z.number().int(), spent: z.number().int() }),
    projectBudgets: z.array(
      z.object({
        projectId: z.string(),
        name: z.string(),
        budget: z.number().int(),
        spent: z.number().int(),
      }),
    ),
    cofinancing: z.object({
      byFunder: z.array(
        z.object({
          funder: z.string(),
          funderOrganisationId: z.string().nullable(),
          amount: z.number().int(),
          projects: z.array(z.object({ id: z.string(), name: z.string() })),
        }),
      ),
      total: z.number().int(),
      /** The organisation's own spent funds that year: what the co-financing is set against. */
      own: z.number().int(),
      /** Co-financing kronor per own krona; null without own money. */
      leverage: z.number().nullable(),
    }),
  })
  .meta({ id: "FinanceSummary" });
export type SummaryView = z.infer<typeof summaryView>;
