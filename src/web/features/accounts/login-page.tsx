import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { loginInput } from "../../../common/accounts.ts";
import { api } from "../../api.ts";
import { useLogin, useMe } from "../../auth.ts";
import { Alert, Button, FormErrorSummary, PageHeader, TextField } from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { ProviderButtons } from "../identity/provider-buttons.tsx";

type DemoLogin = { email: string; password: string } | null;

export function LoginPage({
  redirect,
  loggedOut,
  unlockToken,
}: {
  redirect?: string;
  loggedOut: boolean;
  unlockToken?: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const demo = useQuery({
    queryKey: ["demo-login"],
    queryFn: () => api.get<DemoLogin>("/api/auth/demo-login"),
  });
  const form = useForm(loginInput, { email: "", password: "" });
  const labels = { email: t("auth.email"), password: t("auth.password") };

  const submit = form.onSubmit(async (data) => {
    await login.mutateAsync(unlockToken ? { ...data, unlockToken } : data);
    await navigate({ href: redirect ?? "/" });
  });

  return (
    <div className="narrow">
      <PageHeader title={t("auth.loginTitle")} />
      {loggedOut && !me && <Alert tone="success">{t("auth.loggedOut")}</Alert>}
      {me && (
        <Alert tone="info">
          {t("auth.loggedInAs", { name: me.name })}. <Link to="/">{t("nav.start")}</Link>
        </Alert>
      )}
      {demo.data && <Alert tone="info">{t("auth.demoHint", demo.data)}</Alert>}
      {unlockToken && <Alert tone="info">{t("auth.unlockHint")}</Alert>}
      <form onSubmit={submit} noValidate className="form">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        <TextField
          label={labels.email}
          type="email"
          autoComplete="username"
          isRequired
          {...form.field("email")}
        />
        <TextField
          label={labels.password}
          type="password"
          autoComplete="current-password"
          isRequired
          {...form.field("password")}
        />
        <Button type="submit" isPending={form.submitting}>
          {t("auth.submit")}
        </Button>
      </form>
      <ProviderButtons redirect={redirect} />
    </div>
  );
}
