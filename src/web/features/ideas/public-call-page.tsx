import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CallView, publicIdeaInput } from "../../../common/ideas.ts";
import {
  Alert,
  Button,
  Checkbox,
  EmptyState,
  FormErrorSummary,
  PageHeader,
  PrivacyNotice,
  QueryState,
  TextAreaField,
  TextField,
} from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { publicCallQuery, publicCallsQuery, useSubmitIdea } from "./ideas-api.ts";
import { formatCallPeriod } from "./ideas-format.ts";

/** The public list of open calls for ideas: anyone may submit, without an account. */
export function PublicCallsPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery(publicCallsQuery());
  return (
    <>
      <PageHeader title={t("ideas.public.title")} intro={t("ideas.public.intro")} />
      <QueryState query={query}>
        {(calls) =>
          calls.length === 0 ? (
            <EmptyState message={t("ideas.public.none")} />
          ) : (
            <ul className="card-list">
              {calls.map((call) => (
                <li key={call.id} className="card">
                  <h2>
                    <Link to="/ideer/utlysning/$id" params={{ id: call.id }}>
                      {call.title}
                    </Link>
                  </h2>
                  <p>{formatCallPeriod(call, i18n.language)}</p>
                  {call.area && <p>{call.area}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

/** One public call: what it asks, and the form to submit an idea while it is open. */
export function PublicCallPage({ id }: { id: string }) {
  const query = useQuery(publicCallQuery(id));
  return <QueryState query={query}>{(call) => <PublicCall call={call} />}</QueryState>;
}

function PublicCall({ call }: { call: CallView }) {
  const { t, i18n } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={call.title} intro={formatCallPeriod(call, i18n.language)} />
      {call.area && <p>{call.area}</p>}
      {call.questions && <p>{call.questions}</p>}
      {call.state === "closed" && <Alert tone="info">{t("ideas.public.closed")}</Alert>}
      {call.state === "upcoming" && <Alert tone="info">{t("ideas.public.upcoming")}</Alert>}
      {sentTo ? (
        <Alert tone="success" title={t("ideas.public.thanks")}>
          {t("ideas.public.receiptSent", { email: sentTo })}
        </Alert>
      ) : (
        call.state === "open" && <SubmitForm call={call} onSent={setSentTo} />
      )}
    </>
  );
}

function SubmitForm({ call, onSent }: { call: CallView; onSent: (email: string) => void }) {
  const { t } = useTranslation();
  const submit = useSubmitIdea(call.id);
  const form = useForm(
    publicIdeaInput,
    { title: "", summary: "", name: "", email: "", organisation: "", consent: false },
    (v) => ({ ...v, organisation: v.organisation || null, consent: v.consent || undefined }),
  );
  const labels = {
    title: t("ideas.fields.title"),
    summary: t("ideas.fields.summary"),
    name: t("ideas.fields.name"),
    email: t("ideas.fields.email"),
    organisation: t("ideas.fields.organisation"),
    consent: t("ideas.fields.consent"),
  };
  return (
    <section aria-labelledby="submit-heading">
      <h2 id="submit-heading">{t("ideas.public.submitTitle")}</h2>
      <p>{t("ideas.public.privacy")}</p>
      <form
        noValidate
        onSubmit={form.onSubmit(async (data) => {
          await submit.mutateAsync(data);
          onSent(data.email);
        })}
      >
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <TextField label={labels.title} isRequired {...form.field("title")} />
        <TextAreaField label={labels.summary} {...form.field("summary")} />
        <TextField label={labels.name} isRequired autoComplete="name" {...form.field("name")} />
        <TextField
          label={labels.email}
          isRequired
          type="email"
          autoComplete="email"
          {...form.field("email")}
        />
        <TextField label={labels.organisation} autoComplete="organization" {...form.field("organisation")} />
        <PrivacyNotice kind="idea" />
        <Checkbox
          id={`${form.prefix}-consent`}
          label={labels.consent}
          checked={form.values.consent}
          onChange={(checked) => form.setValue("consent", checked)}
        />
        {form.errors.consent && <p className="field-error">{form.errors.consent.join(" ")}</p>}
        <Button type="submit" isDisabled={form.submitting}>
          {t("ideas.public.submit")}
        </Button>
      </form>
    </section>
  );
}
