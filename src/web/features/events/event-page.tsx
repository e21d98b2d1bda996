import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { type PublicEventView, participantRoles, registrationInput } from "../../../common/events.ts";
import {
  Alert,
  Button,
  Checkbox,
  FormErrorSummary,
  PageHeader,
  PrivacyNotice,
  QueryState,
  Select,
  TextField,
} from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { RegistrationBadge } from "./calendar-page.tsx";
import { formatSession } from "./event-format.ts";
import { publicEventQuery, useRegister } from "./events-api.ts";
import { HorizontalFields, horizontalInput } from "./horizontal-fields.tsx";

/** A public event's page with its registration form; no account needed. */
export function EventPage({ id }: { id: string }) {
  const query = useQuery(publicEventQuery(id));
  return <QueryState query={query}>{(event) => <EventDetails event={event} />}</QueryState>;
}

function EventDetails({ event }: { event: PublicEventView }) {
  const { t, i18n } = useTranslation();
  const who = [...event.organisers, ...event.partners].map((o) => o.name).join(", ");
  return (
    <>
      <PageHeader
        title={event.title}
        intro={i18n.language === "en" ? event.type.labelEn : event.type.labelSv}
      />
      <p>
        <Link to="/evenemang">{t("events.calendar.back")}</Link>
      </p>
      {event.status === "cancelled" && <Alert tone="warning">{t("events.cancelledNotice")}</Alert>}
      <dl className="facts">
        <dt>{t("events.when")}</dt>
        <dd>
          <ul className="plain-list">
            {event.sessions.map((s) => (
              <li key={s.id}>
                {formatSession(s, i18n.language)}
                {s.place ? `, ${s.place}` : ""}
              </li>
            ))}
          </ul>
        </dd>
        {who && (
          <>
            <dt>{t("events.organisers")}</dt>
            <dd>{who}</dd>
          </>
        )}
        {event.audience && (
          <>
            <dt>{t("events.audience")}</dt>
            <dd>{event.audience}</dd>
          </>
        )}
        {event.capacity !== null && (
          <>
            <dt>{t("events.placesLeft")}</dt>
            <dd>{t("events.placesLeftOf", { left: event.placesLeft, capacity: event.capacity })}</dd>
          </>
        )}
        {event.contactEmail && (
          <>
            <dt>{t("events.contact")}</dt>
            <dd>
              <a href={`mailto:${event.contactEmail}`}>{event.contactEmail}</a>
            </dd>
          </>
        )}
      </dl>
      {event.description && <p className="prose">{event.description}</p>}
      <p>
        <a href={`/api/public/events/${event.id}/calendar.ics`}>{t("events.addToCalendar")}</a>
      </p>
      <section aria-labelledby="register-heading">
        <h2 id="register-heading">{t("events.register.title")}</h2>
        <RegistrationBadge event={event} />
        {event.registration === "open" ? (
          <RegistrationForm event={event} />
        ) : (
          <p>{t(`events.register.${event.registration}`)}</p>
        )}
      </section>
    </>
  );
}

const initial = {
  name: "",
  email: "",
  organisation: "",
  role: "",
  roleKey: "",
  municipality: "",
  dietary: "",
  consentInvitations: false,
  accessibility: "",
  gender: "",
  consentGender: false,
};

function RegistrationForm({ event }: { event: PublicEventView }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const register = useRegister(event.id);
  const q = event.questions;
  const form = useForm(registrationInput, initial, (v) => ({
    name: v.name,
    // Empty is "missing" (the field is required), not "not an e-mail address".
    email: v.email.trim() || undefined,
    organisation: q.organisation === "off" ? undefined : v.organisation || null,
    role: q.role === "off" || q.roleFrom === "catalogue" ? undefined : v.role || null,
    roleKey: q.role !== "off" && q.roleFrom === "catalogue" && v.roleKey ? v.roleKey : undefined,
    municipality: q.municipality === "off" ? undefined : v.municipality || null,
    dietary: q.dietary ? v.dietary || null : undefined,
    consentInvitations: v.consentInvitations,
    ...horizontalInput(v),
  }));
  const optional = (label: string, mode: string) =>
    mode === "optional" ? `${label} ${t("events.register.optional")}` : label;
  const labels: Record<string, string> = {
    name: t("events.participant.name"),
    email: t("events.participant.email"),
    organisation: optional(t("events.participant.organisation"), q.organisation),
    role: optional(t("events.participant.role"), q.role),
    roleKey: optional(t("events.participant.role"), q.role),
    municipality: optional(t("events.participant.municipality"), q.municipality),
    dietary: `${t("events.participant.dietary")} ${t("events.register.optional")}`,
    accessibility: t("events.register.accessibility"),
    gender: t("events.register.gender"),
    consentGender: t("events.register.consentGender"),
  };
  const waitlist = event.placesLeft === 0;
  // The event's required questions, checked before sending (the server checks them too).
  const requiredAnswers = (v: typeof initial) => {
    const missing: Record<string, string[]> = {};
    const required = t("validation.required");
    if (q.organisation === "required" && !v.organisation.trim()) missing.organisation = [required];
    if (q.municipality === "required" && !v.municipality.trim()) missing.municipality = [required];
    if (q.role === "required" && q.roleFrom === "free" && !v.role.trim()) missing.role = [required];
    if (q.role === "required" && q.roleFrom === "catalogue" && !v.roleKey) missing.roleKey = [required];
    return missing;
  };
  const submit = form.onSubmit(async (data) => {
    const result = await register.mutateAsync(data);
    const token = result.manageUrl.split("/").pop()!;
    await navigate({ to: "/evenemang/anmalan/$token", params: { token }, search: { ny: true } });
  }, requiredAnswers);
  return (
    <form onSubmit={submit} noValidate className="form">
      {waitlist && <Alert tone="info">{t("events.register.waitlistNotice")}</Alert>}
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <TextField label={labels.name} autoComplete="name" isRequired {...form.field("name")} />
      <TextField label={labels.email} type="email" autoComplete="email" isRequired {...form.field("email")} />
      {q.organisation !== "off" && (
        <TextField
          label={labels.organisation}
          autoComplete="organization"
          isRequired={q.organisation === "required"}
          {...form.field("organisation")}
        />
      )}
      {q.role !== "off" && q.roleFrom === "free" && (
        <TextField
          label={labels.role}
          autoComplete="organization-title"
          isRequired={q.role === "required"}
          {...form.field("role")}
        />
      )}
      {q.role !== "off" && q.roleFrom === "catalogue" && (
        <Select
          id={form.field("roleKey").id}
          label={labels.roleKey}
          value={form.values.roleKey}
          onChange={(v) => form.setValue("roleKey", v)}
          error={form.errors.roleKey}
          required={q.role === "required"}
          options={[
            { value: "", label: t("events.register.chooseRole") },
            ...participantRoles.map((r) => ({ value: r.key, label: i18n.language === "en" ? r.en : r.sv })),
          ]}
        />
      )}
      {q.municipality !== "off" && (
        <TextField
          label={labels.municipality}
          isRequired={q.municipality === "required"}
          {...form.field("municipality")}
        />
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
      <PrivacyNotice kind="eventRegistration" />
      <Button type="submit" isPending={form.submitting}>
        {waitlist ? t("events.register.submitWaitlist") : t("events.register.submit")}
      </Button>
    </form>
  );
}
