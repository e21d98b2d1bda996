import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Select, TextField } from "../../components/index.ts";
import { fieldId } from "../../lib/forms.ts";
import { unitsQuery } from "./money-api.ts";

/** What the budget and spend forms share: the unit picker (or a new unit's name), amounts typed in kronor, the buttons. */

/** The picker's value for "a unit that does not exist yet": its name goes in the text field below. */
const NEW_UNIT = "new";

/** The unit part of a budget or spend input from the picker and the new-name field. */
export function unitInput(values: { unit: string; newUnit: string }) {
  if (values.unit === NEW_UNIT) return { unitId: null, unitName: values.newUnit.trim() || null };
  return { unitId: values.unit || null, unitName: null };
}

/** 45500 → "45 500": an amount as a person would type it (plain spaces, so it reads back the same). */
export const kronorText = (amount: number) => String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

export function UnitField({
  organisationId,
  prefix,
  value,
  onChange,
  newName,
  onNewNameChange,
  errors,
  isRequired,
}: {
  organisationId: string;
  /** The form's prefix, so the error summary's links reach the picker (unitId) and the name (unitName). */
  prefix: string;
  value: string;
  onChange: (value: string) => void;
  newName: string;
  onNewNameChange: (value: string) => void;
  errors: Record<string, string[]>;
  isRequired?: boolean;
}) {
  const { t } = useTranslation();
  const units = useQuery(unitsQuery(organisationId));
  const options = [
    { value: "", label: t("finance.chooseUnit") },
    ...(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
    { value: NEW_UNIT, label: t("finance.newUnit") },
  ];
  return (
    <>
      <Select
        id={fieldId(prefix, "unitId")}
        label={t("finance.unit")}
        aria-required={isRequired || undefined}
        value={value}
        onChange={onChange}
        options={options}
        error={errors.unitId}
      />
      {value === NEW_UNIT && (
        <TextField
          id={fieldId(prefix, "unitName")}
          label={t("finance.newUnitName")}
          isRequired
          value={newName}
          onChange={onNewNameChange}
          error={errors.unitName}
        />
      )}
    </>
  );
}

/** The end of both money forms: "Spara" when changing an entry, else the add label; "Avbryt" in a dialog. */
export function MoneyFormButtons({
  editing,
  addLabel,
  isPending,
  onCancel,
}: {
  editing: boolean;
  addLabel: string;
  isPending: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <Button type="submit" isPending={isPending}>
        {editing ? t("common.save") : addLabel}
      </Button>
      {onCancel && (
        <Button variant="secondary" onPress={onCancel}>
          {t("common.cancel")}
        </Button>
      )}
    </div>
  );
}

/**
 * Saving a money form: a change (then `onSaved` with its message, the dialog closes) or an addition
 * (then the form is emptied and `saved` says so, for the "added" message).
 */
export function useMoneySave<D>(
  form: {
    onSubmit: (submit: (data: D) => Promise<unknown>) => (event: FormEvent) => void;
    reset: () => void;
  },
  save: {
    id: string | undefined;
    add: (data: D) => Promise<unknown>;
    update: (change: { id: string; data: D }) => Promise<unknown>;
    savedMessage: string;
    onSaved?: (message: string) => void;
  },
) {
  const [saved, setSaved] = useState(false);
  const submit = form.onSubmit(async (data) => {
    setSaved(false);
    if (save.id) {
      await save.update({ id: save.id, data });
      save.onSaved?.(save.savedMessage);
    } else {
      await save.add(data);
      form.reset();
      setSaved(true);
    }
  });
  return { saved, submit };
}

/** The amount in whole kronor, as both money forms ask for it. */
export function AmountField({
  label,
  field,
}: {
  label: string;
  field: Omit<Parameters<typeof TextField>[0], "label">;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label}
      description={t("finance.amountHint")}
      inputMode="numeric"
      isRequired
      {...field}
    />
  );
}
