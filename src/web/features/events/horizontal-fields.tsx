import { useTranslation } from "react-i18next";
import { genders } from "../../../common/events.ts";
import { Checkbox, Select, TextField } from "../../components/index.ts";
import { fieldId } from "../../lib/forms.ts";

/** The form values these fields edit; both registration forms carry them. */
export interface HorizontalValues {
  accessibility: string;
  gender: string;
  consentGender: boolean;
}

/** What the fields need of the registration form's useForm(). */
interface Props {
  form: {
    values: HorizontalValues;
    setValue: ((name: "accessibility" | "gender", value: string) => void) &
      ((name: "consentGender", value: boolean) => void);
    errors: Partial<Record<string, string[]>>;
    prefix: string;
  };
}

/**
 * The horizontal criteria's optional questions (issue 16): accessibility needs, purged after the event
 * like dietary needs, and gender with its purpose and a separate consent, never ticked in advance.
 */
export function HorizontalFields({ form }: Props) {
  const { t } = useTranslation();
  const { values, errors, prefix } = form;
  const setText = (name: "accessibility" | "gender", value: string) => form.setValue(name, value);
  const setConsent = (checked: boolean) => form.setValue("consentGender", checked);
  return (
    <>
      <TextField
        id={fieldId(prefix, "accessibility")}
        label={t("events.register.accessibility")}
        description={t("events.register.accessibilityNote")}
        value={values.accessibility}
        onChange={(v) => setText("accessibility", v)}
        error={errors.accessibility}
      />
      <Select
        id={fieldId(prefix, "gender")}
        label={t("events.register.gender")}
        description={t("events.register.genderPurpose")}
        value={values.gender}
        onChange={(v) => setText("gender", v)}
        error={errors.gender}
        options={[
          { value: "", label: t("events.register.genderNone") },
          ...genders.map((g) => ({ value: g, label: t(`events.register.genderOptions.${g}`) })),
        ]}
      />
      <Checkbox
        id={fieldId(prefix, "consentGender")}
        label={t("events.register.consentGender")}
        checked={values.consentGender}
        onChange={(checked) => setConsent(checked)}
      />
      {errors.consentGender && (
        <p className="field-error" role="alert">
          {errors.consentGender.join(" ")}
        </p>
      )}
    </>
  );
}

/** What the fields send: the gender only with consent chosen, so nothing is kept by accident. */
export const horizontalInput = (v: HorizontalValues) => ({
  accessibility: v.accessibility || null,
  gender: v.gender ? (v.gender as (typeof genders)[number]) : null,
  consentGender: v.consentGender,
});
