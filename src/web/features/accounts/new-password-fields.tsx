import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { TextField } from "../../components/index.ts";
import type { FieldProps } from "../../lib/forms.ts";

/** A new password and the same again (account page, invitation): the length rule under the first. */
export function NewPasswordFields({
  labels,
  password,
  repeat,
}: {
  labels: { password: string; repeat: string };
  password: FieldProps;
  repeat: FieldProps;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={labels.password}
        description={t("validation.passwordTooShort")}
        type="password"
        autoComplete="new-password"
        isRequired
        {...password}
      />
      <TextField label={labels.repeat} type="password" autoComplete="new-password" isRequired {...repeat} />
    </>
  );
}

/** The check the schema cannot make: the repeated password is the same. */
export const repeatedPassword = (password: string, repeat: string, t: TFunction) =>
  repeat !== password ? { repeatPassword: [t("validation.passwordsDiffer")] } : undefined;
