import type { BudgetView, SpendView, UnitView } from "../../../common/finance.ts";
import type { BudgetRecord, SpendRecord, UnitRow } from "./finance.service.ts";

export function presentUnit(u: UnitRow): UnitView {
  return {
    id: u.id,
    organisationId: u.organisationId,
    name: u.name,
    sector: u.sector,
    unitOrganisationId: u.unitOrganisationId,
    sortOrder: u.sortOrder,
  };
}

export function presentBudget({ budget, unit, project }: BudgetRecord): BudgetView {
  return {
    id: budget.id,
    organisationId: budget.organisationId,
    year: budget.year,
    unit,
    project,
    amount: budget.amount,
    note: budget.note,
  };
}

export function presentSpend({ entry, unit, project }: SpendRecord): SpendView {
  return {
    id: entry.id,
    organisationId: entry.organisationId,
    date: entry.date,
    amount: entry.amount,
    unit,
    category: entry.category,
    note: entry.note,
    project,
    agreementId: entry.agreementId,
    enteredBy: entry.createdByName,
  };
}
