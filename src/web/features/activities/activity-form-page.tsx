import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  type ActivityView,
  activityStatuses,
  createActivityInput,
  updateActivityInput,
} from "../../../common/activities.ts";
import {
  Checkbox,
  FormErrorSummary,
  FormProblem,
  PickList,
  RecordFormPage,
  SaveCancel,
  Select,
  TextField,
} from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { fieldId, useForm } from "../../lib/forms.ts";
import { courseOptionsQuery, organisationOptionsQuery, programmeOptionsQuery } from "../programmes/index.ts";
import { activityQuery, activityTypesQuery, useSaveActivity } from "./activities-api.ts";
import { typeLabel } from "./activity-labels.ts";
import { EvidenceLinksField, type EvidenceRow } from "./evidence-links-field.tsx";

/** /aktiviteter/ny and /aktiviteter/$id/redigera: one form, validated by the shared schema. */
export function ActivityFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const activity = useQuery({ ...activityQuery(id ?? ""), enabled: !!id });
  return (
    <RecordFormPage
      title={id ? t("activities.editActivity") : t("activities.newActivity")}
      record={id ? activity : undefined}
      nav={false}
    >
      {(a) => <ActivityForm activity={a} />}
    </RecordFormPage>
  );
}

const blank = (v: string) => (v.trim() === "" ? null : v);
const whole = (v: string) =>
  v.trim() === "" ? null : /^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN;

function ActivityForm({ activity: a }: { activity?: ActivityView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveActivity(a?.id);
  const types = useQuery(activityTypesQuery);
  const organisations = useQuery(organisationOptionsQuery);
  const programmes = useQuery(programmeOptionsQuery);
  const courses = useQuery(courseOptionsQuery);
  const form = useForm(
    a ? updateActivityInput : createActivityInput,
    {
      title: a?.title ?? "",
      typeKey: a?.typeKey ?? "",
      description: a?.description ?? "",
      startDate: a?.startDate ?? "",
      endDate: a?.endDate ?? "",
      place: a?.place ?? "",
      status: a?.status ?? "planned",
      organiserIds: a?.organisers.map((o) => o.id) ?? ([] as string[]),
      organisationIds: a?.partners.map((o) => o.id) ?? ([] as string[]),
      programmeIds: a?.programmes.map((p) => p.id) ?? ([] as string[]),
      courseIds: a?.courses.map((c) => c.id) ?? ([] as string[]),
      mandatory: a?.mandatory ?? false,
      evaluated: a?.evaluated ?? false,
      evaluationText: a?.evaluationText ?? "",
      participants: a?.participants == null ? "" : String(a.participants),
      tags: a?.tags.join(", ") ?? "",
      evidenceLinks: a?.evidenceLinks ?? ([] as EvidenceRow[]),
    },
    (v) => ({
      ...v,
      description: blank(v.description),
      startDate: blank(v.startDate),
      endDate: blank(v.endDate),
      place: blank(v.place),
      evaluationText: v.evaluated ? blank(v.evaluationText) : null,
      participants: whole(v.participants),
      tags: v.tags
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
    }),
  );
  const labels: Record<string, string> = {
    title: t("activities.activityTitle"),
    typeKey: t("activities.type"),
    description: t("activities.description"),
    startDate: t("activities.startDate"),
    endDate: t("activities.endDate"),
    place: t("activities.place"),
    status: t("activities.status"),
    organiserIds: t("activities.organisers"),
    organisationIds: t("activities.partners"),
    programmeIds: t("activities.programmes"),
    courseIds: t("activities.courses"),
    evaluationText: t("activities.evaluationText"),
    participants: t("activities.participants"),
    tags: t("activities.tags"),
  };
  for (const field of Object.keys(form.errors))
    if (field.startsWith("evidenceLinks.")) labels[field] ??= t("activities.evidenceLinks");
  const submit = form.onSubmit(async (data) => {
    const saved = await save.mutateAsync(data);
    await navigate({ to: "/aktiviteter/$id", params: { id: saved.id } });
  });
  // Inactive types are not offered for new activities, but an existing one keeps showing its own.
  const typeOptions = (types.data ?? []).filter((type) => type.active || type.key === a?.typeKey);
  const pick = (name: "organiserIds" | "organisationIds" | "programmeIds" | "courseIds") => ({
    id: fieldId(form.prefix, name),
    label: labels[name],
    selected: form.values[name],
    onChange: (ids: string[]) => form.setValue(name, ids),
    error: form.errors[name],
  });

  return (
    <form onSubmit={submit} noValidate className="form narrow">
      <FormProblem form={form} />
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <TextField label={labels.title} isRequired {...form.field("title")} />
      <Select
        id={fieldId(form.prefix, "typeKey")}
        label={labels.typeKey}
        aria-required
        value={form.values.typeKey}
        onChange={(value) => form.setValue("typeKey", value)}
        error={form.errors.typeKey}
        options={[
          { value: "", label: t("activities.chooseType") },
          ...typeOptions.map((type) => ({ value: type.key, label: typeLabel(type) })),
        ]}
      />
      <TextAreaField
        id={fieldId(form.prefix, "description")}
        label={labels.description}
        value={form.values.description}
        onChange={(value) => form.setValue("description", value)}
        error={form.errors.description}
      />
      <TextField label={labels.startDate} type="date" {...form.field("startDate")} />
      <TextField label={labels.endDate} type="date" {...form.field("endDate")} />
      <TextField label={labels.place} {...form.field("place")} />
      <Select
        id={fieldId(form.prefix, "status")}
        label={labels.status}
        value={form.values.status}
        onChange={(value) => form.setValue("status", value as ActivityView["status"])}
        error={form.errors.status}
        options={activityStatuses.map((s) => ({ value: s, label: t(`activities.statuses.${s}`) }))}
      />
      <PickList {...pick("programmeIds")} options={programmes.data ?? []} />
      <PickList {...pick("courseIds")} options={courses.data ?? []} />
      <PickList {...pick("organiserIds")} options={organisations.data ?? []} />
      <PickList {...pick("organisationIds")} options={organisations.data ?? []} />
      <Checkbox
        id={fieldId(form.prefix, "mandatory")}
        label={t("activities.mandatory")}
        checked={form.values.mandatory}
        onChange={(on) => form.setValue("mandatory", on)}
      />
      <TextField label={labels.participants} inputMode="numeric" {...form.field("participants")} />
      <Checkbox
        id={fieldId(form.prefix, "evaluated")}
        label={t("activities.evaluated")}
        checked={form.values.evaluated}
        onChange={(on) => form.setValue("evaluated", on)}
      />
      {form.values.evaluated && (
        <TextAreaField
          id={fieldId(form.prefix, "evaluationText")}
          label={labels.evaluationText}
          value={form.values.evaluationText}
          onChange={(value) => form.setValue("evaluationText", value)}
          error={form.errors.evaluationText}
        />
      )}
      <TextField label={labels.tags} description={t("activities.tagsHint")} {...form.field("tags")} />
      <EvidenceLinksField
        rows={form.values.evidenceLinks}
        onChange={(rows) => form.setValue("evidenceLinks", rows)}
        errors={form.errors}
        prefix={form.prefix}
      />
      <SaveCancel isPending={form.submitting} />
    </form>
  );
}
