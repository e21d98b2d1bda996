import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { agendaKinds, type BodyView, createMeetingInput } from "../../../common/governance.ts";
import {
  Alert,
  Button,
  Checkbox,
  FormErrorSummary,
  PageHeader,
  QueryState,
  Select,
  TextField,
} from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import { bodyQuery, useCreateMeeting } from "./governance-api.ts";
import { stockholmIso } from "./governance-parts.tsx";

/** /styrning/organ/$id/nytt-mote: a meeting of the body with its agenda; then on to the meeting's page. */
export function NewMeetingPage({ bodyId }: { bodyId: string }) {
  const body = useQuery(bodyQuery(bodyId));
  return <QueryState query={body}>{(b) => <NewMeeting body={b} />}</QueryState>;
}

type Item = { title: string; kind: string; presenter: string; public: boolean };
const blank = (): Item => ({ title: "", kind: "information", presenter: "", public: true });

function NewMeeting({ body: b }: { body: BodyView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const [isPublic, setPublic] = useState(false);
  const [agenda, setAgenda] = useState<Item[]>([blank()]);
  const form = useForm(
    createMeetingInput,
    { title: "", startsAt: "", endsAt: "", place: "", link: "" },
    (v) => ({
      bodyId: b.id,
      title: v.title.trim() || null,
      startsAt: stockholmIso(v.startsAt),
      endsAt: v.endsAt.trim() ? stockholmIso(v.endsAt) : null,
      place: v.place.trim() || null,
      link: v.link.trim() || null,
      public: isPublic,
      agenda: agenda
        .filter((a) => a.title.trim())
        .map((a) => ({ ...a, presenter: a.presenter.trim() || null })),
    }),
  );
  const labels: Record<string, string> = {
    title: t("governance.ui.meetingTitle"),
    startsAt: t("governance.ui.startsAt"),
    endsAt: t("governance.ui.endsAt"),
    place: t("governance.ui.place"),
    link: t("governance.ui.link"),
  };
  agenda.forEach((_, i) => {
    labels[`agenda.${i}.title`] = t("governance.ui.agendaTitle", { n: i + 1 });
  });
  const set = (i: number, patch: Partial<Item>) =>
    setAgenda((items) => items.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const submit = form.onSubmit(async (data) => {
    const meeting = await create.mutateAsync(data);
    await navigate({ to: "/styrning/moten/$id", params: { id: meeting.id } });
  });
  const title = `${t("governance.ui.newMeeting")}: ${b.name}`;
  if (!b.abilities.manage)
    return (
      <>
        <PageHeader title={title} />
        <Alert tone="info">{t("governance.ui.mayNotCreate")}</Alert>
      </>
    );
  return (
    <>
      <PageHeader title={title} />
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <TextField label={labels.title} {...form.field("title")} />
        <TextField
          label={labels.startsAt}
          description={t("governance.ui.dateTimeHint")}
          isRequired
          {...form.field("startsAt")}
        />
        <TextField
          label={labels.endsAt}
          description={t("governance.ui.dateTimeHint")}
          {...form.field("endsAt")}
        />
        <TextField label={labels.place} {...form.field("place")} />
        <TextField label={labels.link} {...form.field("link")} />
        <Checkbox label={t("governance.ui.publicMeeting")} checked={isPublic} onChange={setPublic} />
        <fieldset>
          <legend>{t("governance.ui.agenda")}</legend>
          {agenda.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are saved
            <fieldset key={i} className="card">
              <legend>{t("governance.ui.agendaItem", { n: i + 1 })}</legend>
              <TextField
                label={labels[`agenda.${i}.title`]}
                id={`${form.prefix}-agenda-${i}-title`}
                value={a.title}
                onChange={(v) => set(i, { title: v })}
                error={form.errors[`agenda.${i}.title`]}
              />
              <Select
                label={t("governance.ui.agendaKind", { n: i + 1 })}
                value={a.kind}
                onChange={(v) => set(i, { kind: v })}
                options={agendaKinds.map((k) => ({ value: k, label: t(`governance.agendaKinds.${k}`) }))}
              />
              <TextField
                label={t("governance.ui.agendaPresenter", { n: i + 1 })}
                value={a.presenter}
                onChange={(v) => set(i, { presenter: v })}
              />
              <Checkbox
                label={t("governance.ui.agendaPublic", { n: i + 1 })}
                checked={a.public}
                onChange={(on) => set(i, { public: on })}
              />
              {agenda.length > 1 && (
                <Button variant="quiet" onPress={() => setAgenda((items) => items.filter((_, j) => j !== i))}>
                  {t("governance.ui.removeAgendaItem", { n: i + 1 })}
                </Button>
              )}
            </fieldset>
          ))}
          <Button variant="secondary" onPress={() => setAgenda((items) => [...items, blank()])}>
            {t("governance.ui.addAgendaItem")}
          </Button>
        </fieldset>
        <Button type="submit" isPending={form.submitting}>
          {t("governance.ui.createMeeting")}
        </Button>
      </form>
    </>
  );
}
