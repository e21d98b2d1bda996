import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ChallengeView } from "../../../common/sign-in.ts";
import { totpCodeInput } from "../../../common/sign-in.ts";
import { useSetMe } from "../../auth.ts";
// From their own files, not components/index.ts: part of the login page, a first page (see login-page.tsx).
import { Alert } from "../../components/alert.tsx";
import { Button } from "../../components/button.tsx";
import { FormErrorSummary } from "../../components/form-error-summary.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useForm } from "../../lib/forms.ts";
import { sendSecondStepCode, totpEnrolmentQuery } from "./accounts-api.ts";

const codeInput = totpCodeInput.pick({ code: true });

/**
 * The second step of an administrator's sign-in (issue 19): a code from the authenticator app, or, until
 * the administrator has one, enrolment (QR code and key, then a code that confirms it). Ends with the Me.
 */
export function SecondStep({
  answer,
  onSignedIn,
  onRestart,
}: {
  answer: ChallengeView;
  onSignedIn: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const enrolling = answer.secondFactor === "totpEnrolment";
  const enrolment = useQuery({ ...totpEnrolmentQuery(answer.challenge), enabled: enrolling });
  const form = useForm(codeInput, { code: "" });
  const labels = { code: t("auth.totp.code") };
  const submit = form.onSubmit(async (data) => {
    const me = await sendSecondStepCode(enrolling, answer.challenge, data.code);
    setMe(me);
    onSignedIn();
  });

  const codeForm = (
    <form onSubmit={submit} noValidate className="form">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <TextField
        label={labels.code}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        isRequired
        {...form.field("code")}
      />
      <div className="actions">
        <Button type="submit" isPending={form.submitting}>
          {enrolling ? t("auth.totp.confirm") : t("auth.totp.submit")}
        </Button>
        <Button variant="secondary" onPress={onRestart}>
          {t("auth.totp.restart")}
        </Button>
      </div>
    </form>
  );

  if (!enrolling) {
    return (
      <section aria-labelledby="second-step">
        <h2 id="second-step">{t("auth.totp.title")}</h2>
        <p>{t("auth.totp.intro")}</p>
        {codeForm}
      </section>
    );
  }
  return (
    <section aria-labelledby="second-step">
      <h2 id="second-step">{t("auth.totp.enrolTitle")}</h2>
      <p>{t("auth.totp.enrolIntro")}</p>
      <QueryState query={enrolment}>
        {(data) => (
          <>
            <img src={data.qrCode} alt={t("auth.totp.qrAlt")} width={240} height={240} />
            <p>
              {t("auth.totp.secretLabel")} <code id="totp-secret">{data.secret}</code>
            </p>
            {codeForm}
          </>
        )}
      </QueryState>
      {enrolment.isError && (
        <Button variant="secondary" onPress={onRestart}>
          {t("auth.totp.restart")}
        </Button>
      )}
    </section>
  );
}
