import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  addMemberInput,
  createDecisionInput,
  createRegistryEntryInput,
  decisionKinds,
  documentTypes,
  type MeetingView,
  type MemberView,
  memberRoles,
  minutesInput,
  registryDirections,
} from "../../../common/governance.ts";
import {
  Alert,
  Button,
  Checkbox,
  FormErrorSummary,
  Select,
  TextAreaField,
  TextField,
} from "../../components/index.ts";
import { useAddAndReset, useForm } from "../../lib/forms.ts";
import { organisationChoicesQuery } from "../organisations/index.ts";
import { peopleChoicesQuery } from "../people/index.ts";
import {
  projectOptionsQuery,
  useAddDecision,
  useAddMember,
  useRegister,
  useSaveMinutes,
} from "./governance-api.ts";
import { Folded, wholeOrNull } from "./governance-parts.tsx";

/** The governance pages' forms: a member, a registry entry, the minutes and a decision. */

const orNull = (text: string) => text.trim() || null;

function Done({ message }: { message: string | null }) {
  return message ? <Alert tone="success">{message}</Alert> : null;
}

export function AddMemberForm({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const add = useAddMember(bodyId);
  const people = useQuery(peopleChoicesQuery);
  const orgs = useQuery(organisationChoicesQuery);
  const form = useForm(
    addMemberInput,
    {
      personId: "",
      partyOrganisationId: "",
      role: "member",
      function: "",
      percent: "",
      startDate: "",
      endDate: "",
    },
    (v) => ({
      personId: v.personId,
      partyOrganisationId: orNull(v.partyOrganisationId),
      role: v.role,
      function: orNull(v.function),
      percentOfFullTime: wholeOrNull(v.percent),
      startDate: orNull(v.startDate),
      endDate: orNull(v.endDate),
    }),
  );
  const labels = {
    personId: t("governance.ui.person"),
    partyOrganisationId: t("governance.ui.party"),
    role: t("governance.ui.role"),
    function: t("governance.ui.function"),
    percentOfFullTime: t("governance.ui.percent"),
    startDate: t("governance.ui.startDate"),
    endDate: t("governance.ui.endDate"),
  };
  const choose = { value: "", label: t("governance.ui.choose") };
  const { done, submit } = useAddAndReset(form, async (data) => {
    await add.mutateAsync(data);
    return t("governance.ui.addMember");
  });
  return (
    <Folded title={t("governance.ui.addMember")}>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <Done message={done} />
        <Select
          label={labels.personId}
          options={[choose, ...(people.data ?? []).map((p) => ({ value: p.id, label: p.label }))]}
          {...form.field("personId")}
        />
        <Select
          label={labels.partyOrganisationId}
          options={[choose, ...(orgs.data ?? []).map((o) => ({ value: o.id, label: o.label }))]}
          {...form.field("partyOrganisationId")}
        />
        <Select
          label={labels.role}
          options={memberRoles.map((r) => ({ value: r, label: t(`governance.ui.roles.${r}`) }))}
          {...form.field("role")}
        />
        <TextField label={labels.function} {...form.field("function")} />
        <TextField label={labels.percentOfFullTime} inputMode="numeric" {...form.field("percent")} />
        <TextField
          label={labels.startDate}
          description={t("governance.ui.dateHint")}
          {...form.field("startDate")}
        />
        <TextField
          label={labels.endDate}
          description={t("governance.ui.dateHint")}
          {...form.field("endDate")}
        />
        <Button type="submit" isPending={form.submitting}>
          {t("governance.ui.addMember")}
        </Button>
      </form>
    </Folded>
  );
}

export function RegistryEntryForm({
  organisations,
  bodyId,
}: {
  organisations: { id: string; label: string }[];
  bodyId?: string;
}) {
  const { t } = useTranslation();
  const register = useRegister();
  const [confidential, setConfidential] = useState(false);
  const form = useForm(
    createRegistryEntryInput,
    {
      organisationId: organisations.length === 1 ? organisations[0].id : "",
      title: "",
      date: new Date().toISOString().slice(0, 10),
      direction: "incoming",
      documentType: "other",
      counterpart: "",
      caseRef: "",
      confidentialityGround: "",
      externalNumber: "",
    },
    (v) => ({
      organisationId: v.organisationId,
      bodyId: bodyId ?? null,
      title: v.title,
      date: v.date.trim(),
      direction: v.direction,
      documentType: v.documentType,
      counterpart: orNull(v.counterpart),
      caseRef: orNull(v.caseRef),
      confidential,
      confidentialityGround: confidential ? orNull(v.confidentialityGround) : null,
      externalNumber: orNull(v.externalNumber),
    }),
  );
  const labels = {
    organisationId: t("governance.ui.organisation"),
    title: t("governance.ui.entryTitle"),
    date: t("governance.ui.entryDate"),
    direction: t("governance.ui.direction"),
    documentType: t("governance.ui.documentType"),
    counterpart: t("governance.ui.counterpart"),
    caseRef: t("governance.ui.caseRef"),
    confidentialityGround: t("governance.ui.confidentialityGround"),
    externalNumber: t("governance.ui.externalNumber"),
  };
  const { done, submit } = useAddAndReset(form, async (data) => {
    const entry = await register.mutateAsync(data);
    setConfidential(false);
    return t("governance.ui.registered", { number: entry.registryNumber });
  });
  return (
    <Folded title={t("governance.ui.newEntry")}>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <Done message={done} />
        {organisations.length > 1 && (
          <Select
            label={labels.organisationId}
            options={[
              { value: "", label: t("governance.ui.choose") },
              ...organisations.map((o) => ({ value: o.id, label: o.label })),
            ]}
            {...form.field("organisationId")}
          />
        )}
        <TextField label={labels.title} isRequired {...form.field("title")} />
        <TextField
          label={labels.date}
          description={t("governance.ui.dateHint")}
          isRequired
          {...form.field("date")}
        />
        <Select
          label={labels.direction}
          options={registryDirections.map((d) => ({ value: d, label: t(`governance.ui.directions.${d}`) }))}
          {...form.field("direction")}
        />
        <Select
          label={labels.documentType}
          options={documentTypes.map((d) => ({ value: d, label: t(`governance.ui.documentTypes.${d}`) }))}
          {...form.field("documentType")}
        />
        <TextField label={labels.counterpart} {...form.field("counterpart")} />
        <TextField label={labels.caseRef} {...form.field("caseRef")} />
        <Checkbox
          label={t("governance.ui.confidentialEntry")}
          checked={confidential}
          onChange={setConfidential}
        />
        {confidential && (
          <TextField
            label={labels.confidentialityGround}
            description={t("governance.ui.groundHint")}
            isRequired
            {...form.field("confidentialityGround")}
          />
        )}
        <TextField
          label={labels.externalNumber}
          description={t("governance.ui.externalHint")}
          {...form.field("externalNumber")}
        />
        <Button type="submit" isPending={form.submitting}>
          {t("governance.ui.newEntry")}
        </Button>
      </form>
    </Folded>
  );
}

/** The minutes as a whole, notes per agenda item, attendance and adjusters (members of the body). */
export function MinutesForm({ meeting: m, members }: { meeting: MeetingView; members: MemberView[] }) {
  const { t } = useTranslation();
  const save = useSaveMinutes(m.id);
  const [done, setDone] = useState<string | null>(null);
  const [attendance, setAttendance] = useState<string[]>(m.attendance);
  const [adjusters, setAdjusters] = useState<string[]>(m.adjusters);
  const [notes, setNotes] = useState<Record<string, string>>(
    Object.fromEntries(m.agenda.map((a) => [a.id, a.notes ?? ""])),
  );
  const form = useForm(minutesInput, { text: m.minutesText ?? "" }, (v) => ({
    text: v.text,
    items: m.agenda.map((a) => ({ agendaItemId: a.id, notes: orNull(notes[a.id] ?? "") })),
    attendance,
    adjusters,
  }));
  const labels = { text: t("governance.ui.minutesText"), adjusters: t("governance.ui.adjusters") };
  const people = [...new Map(members.map((p) => [p.personId, p.personName])).entries()];
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const submit = form.onSubmit(async (data) => {
    setDone(null);
    await save.mutateAsync(data);
    setDone(t("governance.ui.minutesSaved"));
  });
  return (
    <form className="form" noValidate onSubmit={submit} aria-label={t("governance.ui.minutes")}>
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <Done message={done} />
      <TextAreaField label={labels.text} {...form.field("text")} />
      {m.agenda.map((a) => (
        <TextAreaField
          key={a.id}
          id={`${form.prefix}-notes-${a.position}`}
          label={t("governance.ui.minutesNotes", { n: a.position, title: a.title })}
          value={notes[a.id] ?? ""}
          onChange={(v) => setNotes((n) => ({ ...n, [a.id]: v }))}
        />
      ))}
      {people.length > 0 && (
        <>
          <fieldset>
            <legend>{t("governance.ui.attendance")}</legend>
            {people.map(([id, name]) => (
              <Checkbox
                key={id}
                label={name}
                checked={attendance.includes(id)}
                onChange={(on) => setAttendance((l) => toggle(l, id, on))}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("governance.ui.adjusters")}</legend>
            {people.map(([id, name]) => (
              <Checkbox
                key={id}
                label={name}
                checked={adjusters.includes(id)}
                onChange={(on) => setAdjusters((l) => toggle(l, id, on))}
              />
            ))}
          </fieldset>
        </>
      )}
      <Button type="submit" isPending={form.submitting}>
        {t("governance.ui.saveMinutes")}
      </Button>
    </form>
  );
}

export function DecisionForm({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const add = useAddDecision(m.id);
  const projects = useQuery(projectOptionsQuery);
  const [isPublic, setPublic] = useState(true);
  const decisionItems = m.agenda.filter((a) => a.kind === "decision");
  const form = useForm(
    createDecisionInput,
    {
      title: "",
      text: "",
      kind: "other",
      amount: "",
      agendaItemId: decisionItems[0]?.id ?? "",
      projectId: "",
    },
    (v) => ({
      title: v.title,
      text: v.text,
      kind: v.kind,
      amount: wholeOrNull(v.amount),
      agendaItemId: orNull(v.agendaItemId),
      links: v.projectId ? [{ type: "project", id: v.projectId }] : [],
      public: isPublic,
    }),
  );
  const labels = {
    title: t("governance.ui.decisionTitle"),
    text: t("governance.ui.decisionText"),
    kind: t("governance.ui.decisionKind"),
    amount: t("governance.ui.amount"),
    agendaItemId: t("governance.ui.agendaItemId"),
    links: t("governance.ui.project"),
  };
  const { done, submit } = useAddAndReset(form, async (data) => {
    const decision = await add.mutateAsync(data);
    return t("governance.ui.decisionAdded", { number: decision.registryNumber ?? `§ ${decision.paragraph}` });
  });
  return (
    <Folded title={t("governance.ui.addDecision")}>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <Done message={done} />
        <TextField label={labels.title} isRequired {...form.field("title")} />
        <TextAreaField label={labels.text} {...form.field("text")} />
        <Select
          label={labels.kind}
          options={decisionKinds.map((k) => ({ value: k, label: t(`governance.ui.decisionKinds.${k}`) }))}
          {...form.field("kind")}
        />
        <TextField
          label={labels.amount}
          description={t("governance.ui.amountHint")}
          inputMode="numeric"
          {...form.field("amount")}
        />
        <Select
          label={labels.agendaItemId}
          options={[
            { value: "", label: "–" },
            ...m.agenda.map((a) => ({ value: a.id, label: `${a.position}. ${a.title}` })),
          ]}
          {...form.field("agendaItemId")}
        />
        <Select
          label={labels.links}
          description={t("governance.ui.projectHint")}
          options={[{ value: "", label: "–" }, ...(projects.data ?? [])]}
          {...form.field("projectId")}
        />
        <Checkbox label={t("governance.ui.decisionPublic")} checked={isPublic} onChange={setPublic} />
        <Button type="submit" isPending={form.submitting}>
          {t("governance.ui.addDecision")}
        </Button>
      </form>
    </Folded>
  );
}
