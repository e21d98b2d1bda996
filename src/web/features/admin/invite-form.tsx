import { useState } from "react";
import { useTranslation } from "react-i18next";
import { inviteInput } from "../../../common/accounts.ts";
import { Alert, Button, FormErrorSummary, TextField } from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { type Invitation, useInvite } from "./admin-api.ts";
import { emptyRoleRow, type RoleRow, RoleRows, roleErrorLabels, toAssignments } from "./role-rows.tsx";

/** Invite by e-mail with roles; the server answers with a one-time link the admin passes on. */
export function InviteForm() {
  const { t } = useTranslation();
  const invite = useInvite();
  const [sent, setSent] = useState<Invitation | null>(null);
  const form = useForm(inviteInput, { email: "", name: "", roles: [emptyRoleRow] as RoleRow[] }, (v) => ({
    ...v,
    roles: toAssignments(v.roles),
  }));
  const labels = { email: t("admin.email"), name: t("admin.name"), ...roleErrorLabels(form.errors, t) };
  const submit = form.onSubmit(async (data) => {
    setSent(null);
    setSent(await invite.mutateAsync(data));
    form.reset();
  });
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t("admin.invite")}</h2>
      {sent && (
        <Alert tone="success" title={t("admin.inviteSent")}>
          <p>
            {t("admin.inviteLink")}: <a href={sent.url}>{sent.url}</a>
          </p>
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="form">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        <TextField label={labels.email} type="email" autoComplete="off" isRequired {...form.field("email")} />
        <TextField label={labels.name} autoComplete="off" isRequired {...form.field("name")} />
        <RoleRows
          rows={form.values.roles}
          onChange={(rows) => form.setValue("roles", rows)}
          errors={form.errors}
          prefix={form.prefix}
        />
        <Button type="submit" isPending={form.submitting}>
          {t("admin.invite")}
        </Button>
      </form>
    </section>
  );
}
