import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { loginInput } from "../../../common/accounts.ts";
import { type ChallengeView, emailLinkInput } from "../../../common/sign-in.ts";
import { useMe, useSetMe } from "../../auth.ts";
// From their own files, not components/index.ts: the login page is a first page (see calendar-page.tsx).
import { Alert } from "../../components/alert.tsx";
import { Button } from "../../components/button.tsx";
import { FormErrorSummary } from "../../components/form-error-summary.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useForm } from "../../lib/forms.ts";
import { ProviderButtons } from "../identity/index.ts";
import { demoLoginQuery, sendEmailLink, signIn } from "./accounts-api.ts";
import { SecondStep } from "./second-step.tsx";

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
  const setMe = useSetMe();
  const navigate = useNavigate();
  // An administrator's password answers 202 and a challenge: the second step follows on this page.
  const [challenge, setChallenge] = useState<ChallengeView | null>(null);
  const demo = useQuery(demoLoginQuery);
  const form = useForm(loginInput, { email: "", password: "" });
  const labels = { email: t("auth.email"), password: t("auth.password") };
  const done = () => navigate({ href: redirect ?? "/" });

  const submit = form.onSubmit(async (data) => {
    const answer = await signIn(unlockToken ? { ...data, unlockToken } : data);
    if ("challenge" in answer) return setChallenge(answer);
    setMe(answer);
    await done();
  });

  if (challenge) {
    return (
      <div className="narrow">
        <PageHeader title={t("auth.loginTitle")} />
        <SecondStep answer={challenge} onSignedIn={done} onRestart={() => setChallenge(null)} />
      </div>
    );
  }

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
      <EmailLinkForm />
      <ProviderButtons redirect={redirect} />
    </div>
  );
}

/** Partners and guests without a password ask for a one-time link instead (issue 19). */
function EmailLinkForm() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm(emailLinkInput, { email: "" });
  // Not "E-postadress": the password form above has that field, and the label names this one apart.
  const labels = { email: t("auth.emailLink.email") };
  const submit = form.onSubmit(async (data) => {
    setSentTo(null);
    await sendEmailLink(data);
    setSentTo(data.email);
  });
  return (
    <section aria-labelledby="email-link" className="form-section">
      <h2 id="email-link">{t("auth.emailLink.title")}</h2>
      <p>{t("auth.emailLink.intro")}</p>
      <form onSubmit={submit} noValidate className="form">
        {sentTo && <Alert tone="success">{t("auth.emailLink.sent", { email: sentTo })}</Alert>}
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        <TextField
          label={labels.email}
          type="email"
          autoComplete="email"
          isRequired
          {...form.field("email")}
        />
        <Button type="submit" variant="secondary" isPending={form.submitting}>
          {t("auth.emailLink.submit")}
        </Button>
      </form>
    </section>
  );
}
