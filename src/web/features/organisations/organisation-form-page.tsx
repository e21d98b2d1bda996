import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  createOrganisationInput,
  type OrganisationView,
  organisationTypes,
  updateOrganisationInput,
} from "../../../common/organisations.ts";
import {
  FormErrorSummary,
  FormProblem,
  RecordFormPage,
  SaveCancel,
  Select,
  TextField,
} from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { fieldId, useForm } from "../../lib/forms.ts";
import { organisationChoicesQuery, organisationQuery, useSaveOrganisation } from "./organisations-api.ts";

/** /register/organisationer/ny and /register/organisationer/$id/redigera. */
export function OrganisationFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const organisation = useQuery({ ...organisationQuery(id ?? ""), enabled: !!id });
  return (
    <RecordFormPage
      title={id ? t("organisations.edit") : t("organisations.new")}
      record={id ? organisation : undefined}
    >
      {(o) => <OrganisationForm organisation={o} />}
    </RecordFormPage>
  );
}

/** "SKO-avtal, LC-KOMP" → ["SKO-avtal", "LC-KOMP"] */
const splitTags = (text: string) =>
  text
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);

function OrganisationForm({ organisation }: { organisation?: OrganisationView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveOrganisation(organisation?.id);
  const choices = useQuery(organisationChoicesQuery);
  const form = useForm(
    organisation ? updateOrganisationInput : createOrganisationInput,
    {
      name: organisation?.name ?? "",
      type: organisation?.type ?? "",
      parentId: organisation?.parentId ?? "",
      orgNumber: organisation?.orgNumber ?? "",
      municipalityCode: organisation?.municipalityCode ?? "",
      county: organisation?.county ?? "",
      website: organisation?.website ?? "",
      tags: organisation?.tags.join(", ") ?? "",
      description: organisation?.description ?? "",
    },
    // Empty fields are sent as null, so clearing a field in the form clears it on the server.
    (v) => ({
      ...v,
      parentId: v.parentId || null,
      tags: splitTags(v.tags),
    }),
  );
  const labels = {
    name: t("organisations.fields.name"),
    type: t("organisations.fields.type"),
    parentId: t("organisations.fields.parent"),
    orgNumber: t("organisations.fields.orgNumber"),
    municipalityCode: t("organisations.fields.municipalityCode"),
    county: t("organisations.fields.county"),
    website: t("organisations.fields.website"),
    tags: t("organisations.fields.tags"),
    description: t("organisations.fields.description"),
  };
  const submit = form.onSubmit(async (data) => {
    const saved = await save.mutateAsync(data);
    await navigate({ to: "/register/organisationer/$id", params: { id: saved.id } });
  });
  const select = (name: "type" | "parentId") => ({
    id: fieldId(form.prefix, name),
    value: form.values[name],
    onChange: (value: string) => form.setValue(name, value),
    error: form.errors[name],
  });
  // An organisation cannot be its own parent; the server also refuses its units (a cycle).
  const parents = (choices.data ?? []).filter((c) => c.id !== organisation?.id);

  return (
    <form onSubmit={submit} noValidate className="form narrow">
      <FormProblem form={form} />
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <TextField label={labels.name} isRequired {...form.field("name")} />
      <Select
        label={labels.type}
        required
        options={[
          { value: "", label: t("organisations.choose") },
          ...organisationTypes.map((type) => ({ value: type, label: t(`organisations.types.${type}`) })),
        ]}
        {...select("type")}
      />
      <Select
        label={labels.parentId}
        description={t("organisations.fields.parentHint")}
        options={[
          { value: "", label: t("organisations.fields.noParent") },
          ...parents.map((o) => ({ value: o.id, label: o.label })),
        ]}
        {...select("parentId")}
      />
      <TextField
        label={labels.orgNumber}
        description={t("organisations.fields.orgNumberHint")}
        {...form.field("orgNumber")}
      />
      <TextField
        label={labels.municipalityCode}
        description={t("organisations.fields.municipalityCodeHint")}
        inputMode="numeric"
        {...form.field("municipalityCode")}
      />
      <TextField label={labels.county} {...form.field("county")} />
      <TextField label={labels.website} type="url" {...form.field("website")} />
      <TextField
        label={labels.tags}
        description={t("organisations.fields.tagsHint")}
        {...form.field("tags")}
      />
      <TextAreaField label={labels.description} {...form.field("description")} />
      <SaveCancel isPending={form.submitting} />
    </form>
  );
}
