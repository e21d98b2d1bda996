import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { feedbackInput, type OwnRegistrationView, updateRegistrationInput } from "../../../common/events.ts";
import {
  Alert,
  Button,
  Checkbox,
  ConfirmDialog,
  FormErrorSummary,
  PageHeader,
  QueryState,
  TextField,
} from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { useForm } from "../../lib/forms.ts";
import { formatSession } from "./event-format.ts";
import { ownRegistrationQuery, useOwnRegistration } from "./events-api.ts";
import { HorizontalFields, horizontalInput } from "./horizontal-fields.tsx";

/**
 * The personal link's page: the confirmation right after registering, the registration to change or
 * cancel, the check-in code (QR), and after the event the feedback form. Reachable only with the token.
 */
export function RegistrationPage({ token, fresh }: { token: string; fresh: boolean }) {
  const query = useQuery(ownRegistrationQuery(token));
  return (
    <QueryState query={query}>{(own) => <Registration token={token} own={own} fresh={fresh} />}</QueryState>
  );
}

function Registration({ token, own, fresh }: { token: string; own: OwnRegistrationView; fresh: boolean }) {
  const { t, i18n } = useTranslation();
  const { cancel } = useOwnRegistration(token);
  const [message, setMessage] = useState<string | null>(null);
  const title = fresh ? t("events.own.thanksTitle") : t("events.own.title");
  const cancelled = own.status === "cancelled";
  return (
    <>
      <PageHeader title={title} intro={own.event.title} />
      {fresh && !cancelled && (
        <Alert
          tone="success"
          title={
            own.status === "waitlisted"
              ? t("events.own.waitlisted", { position: own.waitlistPosition })
              : t("events.own.confirmed")
          }
        >
          {t("events.own.mailSent", { email: own.email })}
        </Alert>
      )}
      {message && <Alert tone="success">{message}</Alert>}
      <dl className="facts">
        <dt>{t("events.participant.status")}</dt>
        <dd>
          {t(`events.statuses.${own.status}`)}
          {own.waitlistPosition ? ` (${t("events.own.position", { position: own.waitlistPosition })})` : ""}
        </dd>
        <dt>{t("events.when")}</dt>
        <dd>
          <ul className="plain-list">
            {own.event.sessions.map((s) => (
              <li key={s.id}>
                {formatSession(s, i18n.language)}
                {s.place ? `, ${s.place}` : ""}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <p>
        <Link to="/evenemang/$id" params={{ id: own.event.id }}>
          {t("events.own.eventPage")}
        </Link>
        {" · "}
        <a href={`/api/public/events/${own.event.id}/calendar.ics`}>{t("events.addToCalendar")}</a>
      </p>
      {!cancelled && (
        <section aria-labelledby="code-heading">
          <h2 id="code-heading">{t("events.own.codeTitle")}</h2>
          <p>{t("events.own.codeHelp")}</p>
          <p className="checkin-code">{own.checkinCode}</p>
          <img
            className="qr-code"
            src={`/api/public/registrations/${token}/checkin-code.svg`}
            alt={t("events.own.qrAlt", { code: own.checkinCode })}
          />
        </section>
      )}
      {own.feedback.open && <FeedbackForm token={token} own={own} />}
      {own.feedback.given && <Alert tone="info">{t("events.own.feedbackThanks")}</Alert>}
      {!cancelled && !own.feedback.open && !own.feedback.given && (
        <>
          <ChangeForm token={token} own={own} onSaved={() => setMessage(t("common.saved"))} />
          <section aria-labelledby="cancel-heading">
            <h2 id="cancel-heading">{t("events.own.cancelTitle")}</h2>
            <ConfirmDialog
              triggerLabel={t("events.own.cancel")}
              title={t("events.own.cancelTitle")}
              message={t("events.own.cancelMessage")}
              variant="danger"
              onConfirm={async () => {
                await cancel.mutateAsync();
                setMessage(t("events.own.cancelled"));
              }}
            />
          </section>
        </>
      )}
      {cancelled && <Alert tone="info">{t("events.own.cancelledInfo")}</Alert>}
    </>
  );
}

function ChangeForm({
  token,
  own,
  onSaved,
}: {
  token: string;
  own: OwnRegistrationView;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { update } = useOwnRegistration(token);
  const q = own.event.questions;
  const form = useForm(
    updateRegistrationInput,
    {
      name: own.name,
      organisation: own.organisation ?? "",
      role: own.role ?? "",
      municipality: own.municipality ?? "",
      dietary: own.dietary ?? "",
      consentInvitations: own.consentInvitations,
      accessibility: own.accessibility ?? "",
      gender: own.gender ?? "",
      consentGender: own.gender !== null,
    },
    (v) => ({
      name: v.name,
      organisation: q.organisation === "off" ? undefined : v.organisation || null,
      role: q.role === "off" || q.roleFrom === "catalogue" ? undefined : v.role || null,
      municipality: q.municipality === "off" ? undefined : v.municipality || null,
      dietary: q.dietary ? v.dietary || null : undefined,
      consentInvitations: v.consentInvitations,
      ...horizontalInput(v),
    }),
  );
  const labels = {
    name: t("events.participant.name"),
    organisation: t("events.participant.organisation"),
    role: t("events.participant.role"),
    municipality: t("events.participant.municipality"),
    dietary: t("events.participant.dietary"),
    accessibility: t("events.register.accessibility"),
    gender: t("events.register.gender"),
    consentGender: t("events.register.consentGender"),
  };
  return (
    <section aria-labelledby="change-heading">
      <h2 id="change-heading">{t("events.own.changeTitle")}</h2>
      <form
        noValidate
        className="form"
        onSubmit={form.onSubmit(async (data) => {
          await update.mutateAsync(data);
          onSaved();
        })}
      >
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        <TextField label={labels.name} isRequired {...form.field("name")} />
        {q.organisation !== "off" && (
          <TextField label={labels.organisation} {...form.field("organisation")} />
        )}
        {q.role !== "off" && q.roleFrom === "free" && (
          <TextField label={labels.role} {...form.field("role")} />
        )}
        {q.municipality !== "off" && (
          <TextField label={labels.municipality} {...form.field("municipality")} />
        )}
        {q.dietary && (
          <TextField
            label={labels.dietary}
            description={t("events.register.dietaryNote")}
            {...form.field("dietary")}
          />
        )}
        <HorizontalFields form={form} />
        <Checkbox
          label={t("events.register.consent")}
          checked={form.values.consentInvitations}
          onChange={(checked) => form.setValue("consentInvitations", checked)}
        />
        <Button type="submit" variant="secondary" isPending={form.submitting}>
          {t("events.own.save")}
        </Button>
      </form>
    </section>
  );
}

function FeedbackForm({ token, own }: { token: string; own: OwnRegistrationView }) {
  const { t, i18n } = useTranslation();
  const { feedback } = useOwnRegistration(token);
  const [answers, setAnswers] = useState<Record<string, string | number>>({});
  const form = useForm(feedbackInput, { rating: "", comment: "" }, (v) => ({
    rating: v.rating ? Number(v.rating) : undefined,
    comment: v.comment || null,
    answers,
  }));
  return (
    <section aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t("events.feedback.title")}</h2>
      <form noValidate className="form" onSubmit={form.onSubmit((data) => feedback.mutateAsync(data))}>
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <FormErrorSummary
          errors={form.errors}
          labels={{ rating: t("events.feedback.rating") }}
          prefix={form.prefix}
        />
        <RatingChoice
          id={form.field("rating").id}
          legend={t("events.feedback.rating")}
          value={String(form.values.rating)}
          onChange={(v) => form.setValue("rating", v)}
          error={form.errors.rating}
        />
        <TextAreaField
          id={form.field("comment").id}
          label={t("events.feedback.comment")}
          value={form.values.comment}
          onChange={(v) => form.setValue("comment", v)}
          error={form.errors.comment}
        />
        {own.feedback.questions.map((q) => {
          const label = i18n.language === "en" ? q.labelEn : q.labelSv;
          if (q.kind === "rating")
            return (
              <RatingChoice
                key={q.key}
                id={`q-${q.key}`}
                legend={label}
                value={String(answers[q.key] ?? "")}
                onChange={(v) => setAnswers((a) => ({ ...a, [q.key]: Number(v) }))}
                error={form.errors[`answers.${q.key}`]}
              />
            );
          if (q.kind === "yesno")
            return (
              <fieldset key={q.key} className="rating-choices">
                <legend>{label}</legend>
                {["ja", "nej"].map((v) => (
                  <label key={v}>
                    <input
                      type="radio"
                      name={q.key}
                      checked={answers[q.key] === v}
                      onChange={() => setAnswers((a) => ({ ...a, [q.key]: v }))}
                    />
                    {t(`common.${v === "ja" ? "yes" : "no"}`)}
                  </label>
                ))}
              </fieldset>
            );
          return (
            <TextAreaField
              key={q.key}
              id={`q-${q.key}`}
              label={label}
              value={String(answers[q.key] ?? "")}
              onChange={(v) => setAnswers((a) => ({ ...a, [q.key]: v }))}
            />
          );
        })}
        <Button type="submit" isPending={form.submitting}>
          {t("events.feedback.submit")}
        </Button>
      </form>
    </section>
  );
}

/** 1–5 as radio buttons: big targets, one choice, the group named by its label. */
function RatingChoice({
  id,
  legend,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  value: string;
  onChange: (value: string) => void;
  error?: string[];
}) {
  const { t } = useTranslation();
  return (
    <div
      className="rating-choices"
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <p id={`${id}-label`} className="rating-legend">
        {legend}
      </p>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n}>
          <input
            id={n === 1 ? id : undefined}
            type="radio"
            name={id}
            value={n}
            checked={value === String(n)}
            onChange={() => onChange(String(n))}
          />
          <span>
            {n}
            <span className="visually-hidden"> {t("events.feedback.of5")}</span>
          </span>
        </label>
      ))}
      {error && (
        <div id={`${id}-error`} className="field-error" style={{ width: "100%" }}>
          {error.join(" ")}
        </div>
      )}
    </div>
  );
}
