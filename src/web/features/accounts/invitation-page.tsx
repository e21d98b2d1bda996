import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { acceptInvitationInput } from "../../../common/accounts.ts";
import { useSetMe } from "../../auth.ts";
import { Alert, Button, FormErrorSummary, PageHeader, QueryState } from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { acceptInvitation, type Invitation, invitationQuery } from "./accounts-api.ts";
import { NewPasswordFields, repeatedPassword } from "./new-password-fields.tsx";

/** The page an invitation link opens: choose a password, and the account is active and logged in. */
export function InvitationPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const invitation = useQuery(invitationQuery(token));
  return (
    <div className="narrow">
      <PageHeader title={t("auth.acceptTitle")} />
      <QueryState query={invitation}>{(data) => <AcceptForm token={token} invitation={data} />}</QueryState>
    </div>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const form = useForm(acceptInvitationInput, { password: "", repeatPassword: "" });
  const labels = { password: t("auth.newPassword"), repeatPassword: t("auth.repeatPassword") };
  const submit = form.onSubmit(
    async (data) => {
      const me = await acceptInvitation(token, data);
      setMe(me);
      await navigate({ to: "/konto" });
    },
    (v) => repeatedPassword(v.password, v.repeatPassword, t),
  );
  return (
    <form onSubmit={submit} noValidate className="form">
      <p>{t("auth.acceptIntro", { email: invitation.email })}</p>
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <NewPasswordFields
        labels={{ password: labels.password, repeat: labels.repeatPassword }}
        password={form.field("password")}
        repeat={form.field("repeatPassword")}
      />
      <Button type="submit" isPending={form.submitting}>
        {t("auth.acceptSubmit")}
      </Button>
    </form>
  );
}
