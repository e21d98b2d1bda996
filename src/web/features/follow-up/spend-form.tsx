import { useTranslation } from "react-i18next";
import { createSpendInput, kronorFromText, type SpendView } from "../../../common/finance.ts";
import { Alert, FormErrorSummary, FormProblem, TextField } from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { useAddSpend, useUpdateSpend } from "./money-api.ts";
import {
  AmountField,
  kronorText,
  MoneyFormButtons,
  UnitField,
  unitInput,
  useMoneySave,
} from "./money-fields.tsx";

const spendFields = createSpendInput.omit({ organisationId: true });

/**
 * "Bokför förbrukade medel", and the same form to correct an entry (in a dialog): unit, date,
 * amount in whole kronor ("45 500" is fine), category and note. The server's Swedish field errors
 * land next to the fields.
 */
export function SpendForm({
  organisationId,
  year,
  entry,
  onSaved,
  onCancel,
}: {
  organisationId: string;
  year: number;
  /** The entry to correct; without it the form books a new one. */
  entry?: SpendView;
  onSaved?: (message: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddSpend();
  const update = useUpdateSpend();
  const initial = {
    unit: entry?.unit.id ?? "",
    newUnit: "",
    date: entry?.date ?? `${year}-12-31`,
    amount: entry ? kronorText(entry.amount) : "",
    category: entry?.category ?? "",
    note: entry?.note ?? "",
  };
  // Every field is sent in both modes, so the create rules (less the organisation) check both.
  const form = useForm(spendFields, initial, (v) => ({
    date: v.date.trim(),
    amount: kronorFromText(v.amount),
    ...unitInput(v),
    category: v.category.trim() || null,
    note: v.note.trim() || null,
  }));
  const labels = {
    unitId: t("finance.unit"),
    unitName: t("finance.newUnitName"),
    date: t("finance.date"),
    amount: t("finance.amount"),
    category: t("finance.category"),
    note: t("finance.note"),
  };
  const { saved, submit } = useMoneySave(form, {
    id: entry?.id,
    add: (data) => add.mutateAsync({ ...data, organisationId }),
    update: update.mutateAsync,
    savedMessage: t("finance.spendSaved"),
    onSaved,
  });
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <FormProblem form={form} />
      {saved && <Alert tone="success">{t("finance.spendAdded")}</Alert>}
      <UnitField
        organisationId={organisationId}
        prefix={form.prefix}
        value={form.values.unit}
        onChange={(unit) => form.setValue("unit", unit)}
        newName={form.values.newUnit}
        onNewNameChange={(name) => form.setValue("newUnit", name)}
        errors={form.errors}
        isRequired
      />
      <TextField label={labels.date} description={t("finance.dateHint")} isRequired {...form.field("date")} />
      <AmountField label={labels.amount} field={form.field("amount")} />
      <TextField label={labels.category} {...form.field("category")} />
      <TextField label={labels.note} {...form.field("note")} />
      <MoneyFormButtons
        editing={!!entry}
        addLabel={t("finance.addSpend")}
        isPending={form.submitting}
        onCancel={onCancel}
      />
    </form>
  );
}
