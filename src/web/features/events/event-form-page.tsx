import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { createEventInput, type EventView, type SessionInput } from "../../../common/events.ts";
import {
  Button,
  Checkbox,
  FormErrorSummary,
  FormProblem,
  PageHeader,
  QueryState,
  Select,
  TextField,
} from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { useForm } from "../../lib/forms.ts";
import { activityTypesQuery } from "../activities/index.ts";
import { eventQuery, useSaveEvent } from "./events-api.ts";

/** Create or edit an event: the activity's fields, sessions, places, visibility and the questions asked. */
export function EventFormPage({ id }: { id?: string }) {
  const query = useQuery({ ...eventQuery(id ?? ""), enabled: !!id });
  if (!id) return <EventForm />;
  return <QueryState query={query}>{(event) => <EventForm event={event} />}</QueryState>;
}

type Session = { date: string; startTime: string; endTime: string; place: string };
const emptySession: Session = { date: "", startTime: "09:00", endTime: "12:00", place: "" };

function EventForm({ event }: { event?: EventView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveEvent(event?.id);
  const types = useQuery(activityTypesQuery);
  const form = useForm(
    createEventInput,
    {
      title: event?.title ?? "",
      typeKey: event?.typeKey ?? "seminarium",
      description: event?.description ?? "",
      visibility: event?.visibility ?? "public",
      capacity: event?.capacity ? String(event.capacity) : "",
      waitlist: event?.waitlist ?? true,
      theme: event?.theme ?? "",
      audience: event?.audience ?? "",
      contactEmail: event?.contactEmail ?? "",
      organisation: event?.questions.organisation ?? "optional",
      role: event?.questions.role ?? "optional",
      roleFrom: event?.questions.roleFrom ?? "free",
      municipality: event?.questions.municipality ?? "off",
      dietary: event?.questions.dietary ?? false,
      sessions: (event?.sessions.map((s) => ({
        date: s.date,
        startTime: s.startTime,
        endTime: s.endTime,
        place: s.place ?? "",
      })) ?? [emptySession]) as Session[],
    },
    (v) => ({
      title: v.title,
      typeKey: v.typeKey,
      description: v.description || null,
      visibility: v.visibility,
      capacity: v.capacity ? Number(v.capacity) : null,
      waitlist: v.waitlist,
      theme: v.theme || null,
      audience: v.audience || null,
      contactEmail: v.contactEmail || null,
      questions: {
        organisation: v.organisation,
        role: v.role,
        roleFrom: v.roleFrom,
        municipality: v.municipality,
        dietary: v.dietary,
      },
      sessions: v.sessions.map((s): SessionInput => ({ ...s, place: s.place || null })),
    }),
  );
  const labels: Record<string, string> = {
    title: t("events.form.title"),
    typeKey: t("events.manage.type"),
    capacity: t("events.form.capacity"),
    contactEmail: t("events.contact"),
    sessions: t("events.form.sessions"),
  };
  const setSession = (i: number, patch: Partial<Session>) =>
    form.setValue(
      "sessions",
      form.values.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    );
  const modes = ["off", "optional", "required"].map((m) => ({
    value: m,
    label: t(`events.form.modes.${m}`),
  }));
  const submit = form.onSubmit(async (data) => {
    // Editing sends only what the form shows: the activity's links stay as they are.
    const {
      title,
      typeKey,
      description,
      visibility,
      capacity,
      waitlist,
      theme,
      audience,
      contactEmail,
      questions,
      sessions,
    } = data;
    const saved = await save.mutateAsync({
      title,
      typeKey,
      description,
      visibility,
      capacity,
      waitlist,
      theme,
      audience,
      contactEmail,
      questions,
      sessions,
    });
    await navigate({ to: "/evenemang/hantera/$id", params: { id: saved.id } });
  });
  const meetingTypes = (types.data ?? []).filter((x) => x.category === "meeting" && x.active);
  return (
    <>
      <PageHeader
        title={event ? t("events.form.editTitle", { title: event.title }) : t("events.manage.new")}
      />
      <form onSubmit={submit} noValidate className="form">
        <FormProblem form={form} />
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        <TextField label={labels.title} isRequired {...form.field("title")} />
        <Select
          id={form.field("typeKey").id}
          label={labels.typeKey}
          value={form.values.typeKey}
          onChange={(v) => form.setValue("typeKey", v)}
          error={form.errors.typeKey}
          options={meetingTypes.map((x) => ({ value: x.key, label: x.labelSv }))}
        />
        <TextAreaField
          id={form.field("description").id}
          label={t("events.form.description")}
          value={form.values.description}
          onChange={(v) => form.setValue("description", v)}
          error={form.errors.description}
        />
        {form.values.sessions.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sessions in the form have no id until saved
          <fieldset key={i} className="session-row">
            <legend>{t("events.form.session", { n: i + 1 })}</legend>
            <TextField
              label={t("events.form.date")}
              type="date"
              value={s.date}
              onChange={(v) => setSession(i, { date: v })}
              error={form.errors[`sessions.${i}.date`]}
            />
            <TextField
              label={t("events.form.start")}
              type="time"
              value={s.startTime}
              onChange={(v) => setSession(i, { startTime: v })}
              error={form.errors[`sessions.${i}.startTime`]}
            />
            <TextField
              label={t("events.form.end")}
              type="time"
              value={s.endTime}
              onChange={(v) => setSession(i, { endTime: v })}
              error={form.errors[`sessions.${i}.endTime`]}
            />
            <TextField
              label={t("events.form.place")}
              value={s.place}
              onChange={(v) => setSession(i, { place: v })}
            />
            {form.values.sessions.length > 1 && (
              <Button
                variant="quiet"
                onPress={() =>
                  form.setValue(
                    "sessions",
                    form.values.sessions.filter((_, j) => j !== i),
                  )
                }
              >
                {t("events.form.removeSession", { n: i + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        <Button
          variant="secondary"
          onPress={() => form.setValue("sessions", [...form.values.sessions, emptySession])}
        >
          {t("events.form.addSession")}
        </Button>
        <Select
          label={t("events.manage.visibility")}
          value={form.values.visibility}
          onChange={(v) => form.setValue("visibility", v as "public" | "internal")}
          options={[
            { value: "public", label: t("events.visibility.public") },
            { value: "internal", label: t("events.visibility.internal") },
          ]}
        />
        <TextField
          label={labels.capacity}
          description={t("events.form.capacityHelp")}
          inputMode="numeric"
          {...form.field("capacity")}
        />
        <Checkbox
          label={t("events.form.waitlist")}
          checked={form.values.waitlist}
          onChange={(v) => form.setValue("waitlist", v)}
        />
        <TextField label={t("events.form.theme")} {...form.field("theme")} />
        <TextField label={t("events.audience")} {...form.field("audience")} />
        <TextField label={labels.contactEmail} type="email" {...form.field("contactEmail")} />
        <fieldset className="form">
          <legend>{t("events.form.questions")}</legend>
          <p className="small muted">{t("events.form.questionsHelp")}</p>
          <Select
            label={t("events.participant.organisation")}
            value={form.values.organisation}
            onChange={(v) => form.setValue("organisation", v as never)}
            options={modes}
          />
          <Select
            label={t("events.participant.role")}
            value={form.values.role}
            onChange={(v) => form.setValue("role", v as never)}
            options={modes}
          />
          <Select
            label={t("events.form.roleFrom")}
            value={form.values.roleFrom}
            onChange={(v) => form.setValue("roleFrom", v as never)}
            options={[
              { value: "free", label: t("events.form.roleFree") },
              { value: "catalogue", label: t("events.form.roleCatalogue") },
            ]}
          />
          <Select
            label={t("events.participant.municipality")}
            value={form.values.municipality}
            onChange={(v) => form.setValue("municipality", v as never)}
            options={modes}
          />
          <Checkbox
            label={t("events.form.dietary")}
            checked={form.values.dietary}
            onChange={(v) => form.setValue("dietary", v)}
          />
        </fieldset>
        <Button type="submit" isPending={form.submitting}>
          {t("common.save")}
        </Button>
      </form>
    </>
  );
}
