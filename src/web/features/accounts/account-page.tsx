import { useState } from "react";
import { useTranslation } from "react-i18next";
import { changePasswordInput } from "../../../common/accounts.ts";
import { useMe } from "../../auth.ts";
import { Alert, Button, FormErrorSummary, PageHeader, RoleList, TextField } from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { changePassword } from "./accounts-api.ts";
import { ApiTokensSection } from "./api-tokens-section.tsx";
import { NewPasswordFields, repeatedPassword } from "./new-password-fields.tsx";

/** One's own name, e-mail and roles, and the change-password form. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me) return null; // the route's guard sends the public to the login page
  return (
    <>
      <PageHeader title={t("auth.accountTitle")} />
      <dl className="facts">
        <dt>{t("admin.name")}</dt>
        <dd>{me.name}</dd>
        <dt>{t("admin.email")}</dt>
        <dd>{me.email}</dd>
        <dt>{t("auth.yourRoles")}</dt>
        <dd>
          <RoleList roles={me.roles} />
        </dd>
      </dl>
      <ChangePasswordForm />
      <ApiTokensSection />
    </>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const form = useForm(changePasswordInput, { currentPassword: "", newPassword: "", repeatPassword: "" });
  const labels = {
    currentPassword: t("auth.currentPassword"),
    newPassword: t("auth.newPassword"),
    repeatPassword: t("auth.repeatPassword"),
  };
  const submit = form.onSubmit(
    async (data) => {
      setDone(false);
      await changePassword(data);
      form.reset();
      setDone(true);
    },
    (v) => repeatedPassword(v.newPassword, v.repeatPassword, t),
  );
  return (
    <section aria-labelledby="change-password" className="narrow">
      <h2 id="change-password">{t("auth.changePassword")}</h2>
      <form onSubmit={submit} noValidate className="form">
        {done && <Alert tone="success">{t("auth.passwordChanged")}</Alert>}
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        <TextField
          label={labels.currentPassword}
          type="password"
          autoComplete="current-password"
          isRequired
          {...form.field("currentPassword")}
        />
        <NewPasswordFields
          labels={{ password: labels.newPassword, repeat: labels.repeatPassword }}
          password={form.field("newPassword")}
          repeat={form.field("repeatPassword")}
        />
        <Button type="submit" isPending={form.submitting}>
          {t("auth.changePassword")}
        </Button>
      </form>
    </section>
  );
}
