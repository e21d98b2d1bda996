import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { subscribeInput } from "../../../common/communication.ts";
import {
  Alert,
  Button,
  FormErrorSummary,
  PageHeader,
  PrivacyNotice,
  TextField,
} from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { problemMessage } from "../../lib/problem.ts";
import { followNewsletterLink, subscribe } from "./communication-api.ts";

/** Public newsletter pages: subscribe (double opt-in), confirm, and one-click unsubscribe. */
export function SubscribePage() {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const form = useForm(subscribeInput, { email: "", name: "", municipality: "" }, (v) => ({
    email: v.email,
    name: v.name || null,
    municipality: v.municipality || null,
  }));
  const labels = {
    email: t("communication.web.email"),
    name: `${t("communication.web.name")} ${t("events.register.optional")}`,
    municipality: `${t("events.participant.municipality")} ${t("events.register.optional")}`,
  };
  return (
    <div className="narrow">
      <PageHeader
        title={t("communication.web.subscribeTitle")}
        intro={t("communication.web.subscribeIntro")}
      />
      {done ? (
        <Alert tone="success">{t("communication.web.checkEmail")}</Alert>
      ) : (
        <form
          noValidate
          className="form"
          onSubmit={form.onSubmit(async (data) => {
            await subscribe(data);
            setDone(true);
          })}
        >
          {form.formError && <Alert tone="error">{form.formError}</Alert>}
          <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
          <TextField
            label={labels.email}
            type="email"
            autoComplete="email"
            isRequired
            {...form.field("email")}
          />
          <TextField label={labels.name} autoComplete="name" {...form.field("name")} />
          <TextField label={labels.municipality} {...form.field("municipality")} />
          <PrivacyNotice kind="newsletter" />
          <Button type="submit" isPending={form.submitting}>
            {t("communication.web.subscribe")}
          </Button>
        </form>
      )}
    </div>
  );
}

/** A page with one button that POSTs: links in e-mail are opened by scanners too, so GET changes nothing. */
function TokenAction({
  title,
  intro,
  action,
  done,
  path,
}: {
  title: string;
  intro: string;
  action: string;
  done: string;
  path: string;
}) {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: () => followNewsletterLink(path) });
  return (
    <div className="narrow">
      <PageHeader title={title} intro={intro} />
      {mutation.isSuccess ? (
        <Alert tone="success">{done}</Alert>
      ) : (
        <>
          {mutation.error && <Alert tone="error">{problemMessage(mutation.error, t)}</Alert>}
          <Button onPress={() => mutation.mutate()} isPending={mutation.isPending}>
            {action}
          </Button>
        </>
      )}
    </div>
  );
}

export function ConfirmSubscriptionPage({ token }: { token: string }) {
  const { t } = useTranslation();
  return (
    <TokenAction
      title={t("communication.web.confirmTitle")}
      intro={t("communication.web.confirmIntro")}
      action={t("communication.web.confirm")}
      done={t("communication.web.confirmed")}
      path={`/api/public/newsletter/confirm/${token}`}
    />
  );
}

export function UnsubscribePage({ token }: { token: string }) {
  const { t } = useTranslation();
  return (
    <TokenAction
      title={t("communication.web.unsubscribeTitle")}
      intro={t("communication.web.unsubscribeIntro")}
      action={t("communication.web.unsubscribe")}
      done={t("communication.web.unsubscribed")}
      path={`/api/public/unsubscribe/${token}`}
    />
  );
}
