import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type BudgetView, createBudgetInput, kronorFromText } from "../../../common/finance.ts";
import { Alert, FormErrorSummary, FormProblem, Select, TextField } from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { choicesQuery } from "./follow-up-api.ts";
import { useAddBudget, useUpdateBudget, yearChoices } from "./money-api.ts";
import {
  AmountField,
  kronorText,
  MoneyFormButtons,
  UnitField,
  unitInput,
  useMoneySave,
} from "./money-fields.tsx";

const budgetFields = createBudgetInput.omit({ organisationId: true });

/** Budgets are often set for next year; a budget being changed keeps its own year on offer. */
function budgetYears(current: string) {
  const years = [String(new Date().getFullYear() + 1), ...yearChoices()];
  return years.includes(current) ? years : [current, ...years];
}

/**
 * "Lägg in budget" for a unit (or a project) and a year, and the same form to change one in a
 * dialog. Amounts in whole kronor; the server's Swedish field errors land next to the fields.
 */
export function BudgetForm({
  organisationId,
  year,
  budget,
  onSaved,
  onCancel,
}: {
  organisationId: string;
  year: number;
  /** The budget to change; without it the form adds one. */
  budget?: BudgetView;
  onSaved?: (message: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddBudget();
  const update = useUpdateBudget();
  const projects = useQuery(choicesQuery("projects"));
  const initial = {
    unit: budget?.unit?.id ?? "",
    newUnit: "",
    year: String(budget?.year ?? year),
    amount: budget ? kronorText(budget.amount) : "",
    projectId: budget?.project?.id ?? "",
    note: budget?.note ?? "",
  };
  // Every field is sent in both modes, so the create rules (less the organisation) check both.
  const form = useForm(budgetFields, initial, (v) => ({
    year: v.year,
    amount: kronorFromText(v.amount),
    ...unitInput(v),
    projectId: v.projectId || null,
    note: v.note.trim() || null,
  }));
  const labels = {
    unitId: t("finance.unit"),
    unitName: t("finance.newUnitName"),
    // Not "År": the page's own year picker has that name.
    year: t("finance.budgetYear"),
    amount: t("finance.amount"),
    projectId: t("finance.projectOptional"),
    note: t("finance.note"),
  };
  const { saved, submit } = useMoneySave(form, {
    id: budget?.id,
    add: (data) => add.mutateAsync({ ...data, organisationId }),
    update: update.mutateAsync,
    savedMessage: t("finance.budgetSaved"),
    onSaved,
  });
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <FormProblem form={form} />
      {saved && <Alert tone="success">{t("finance.budgetAdded")}</Alert>}
      <p className="muted">{t("finance.budgetHint")}</p>
      <UnitField
        organisationId={organisationId}
        prefix={form.prefix}
        value={form.values.unit}
        onChange={(unit) => form.setValue("unit", unit)}
        newName={form.values.newUnit}
        onNewNameChange={(name) => form.setValue("newUnit", name)}
        errors={form.errors}
      />
      <Select
        {...form.field("year")}
        label={labels.year}
        aria-required
        options={budgetYears(initial.year).map((y) => ({ value: y, label: y }))}
      />
      <AmountField label={labels.amount} field={form.field("amount")} />
      <Select
        {...form.field("projectId")}
        label={labels.projectId}
        options={[{ value: "", label: t("finance.noProject") }, ...(projects.data ?? [])]}
      />
      <TextField label={labels.note} {...form.field("note")} />
      <MoneyFormButtons
        editing={!!budget}
        addLabel={t("finance.addBudget")}
        isPending={form.submitting}
        onCancel={onCancel}
      />
    </form>
  );
}
