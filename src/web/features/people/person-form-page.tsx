import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  createPersonInput,
  lawfulBases,
  type PersonView,
  updatePersonInput,
} from "../../../common/people.ts";
import { useMe } from "../../auth.ts";
import {
  Button,
  FormErrorSummary,
  FormProblem,
  RecordFormPage,
  SaveCancel,
  Select,
  TextField,
} from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { fieldId, useForm } from "../../lib/forms.ts";
import { organisationChoicesQuery } from "../organisations/index.ts";
import { personQuery, userChoicesQuery, useSavePerson } from "./people-api.ts";

/** /register/personer/ny and /register/personer/$id/redigera. */
export function PersonFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const person = useQuery({ ...personQuery(id ?? ""), enabled: !!id });
  return (
    <RecordFormPage title={id ? t("people.edit") : t("people.new")} record={id ? person : undefined}>
      {(p) => <PersonForm person={p} />}
    </RecordFormPage>
  );
}

type MembershipRow = { organisationId: string; role: string; startDate: string; endDate: string };
const emptyRow: MembershipRow = { organisationId: "", role: "", startDate: "", endDate: "" };

function PersonForm({ person }: { person?: PersonView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  // Only administrators may list user accounts, so only they link a person to one here.
  const canLinkUser = !!me?.abilities.administer;
  const save = useSavePerson(person?.id);
  const organisations = useQuery(organisationChoicesQuery);
  const users = useQuery({ ...userChoicesQuery, enabled: canLinkUser });
  const form = useForm(
    person ? updatePersonInput : createPersonInput,
    {
      name: person?.name ?? "",
      email: person?.email ?? "",
      phone: person?.phone ?? "",
      title: person?.title ?? "",
      lawfulBasis: person?.lawfulBasis ?? "public_task",
      notes: person?.notes ?? "",
      userId: person?.userId ?? "",
      memberships: (person?.memberships ?? []).map(
        (m): MembershipRow => ({
          organisationId: m.organisationId,
          role: m.role ?? "",
          startDate: m.startDate ?? "",
          endDate: m.endDate ?? "",
        }),
      ),
    },
    ({ userId, ...v }) => ({ ...v, ...(canLinkUser ? { userId: userId || null } : {}) }),
  );
  const rows = form.values.memberships;
  const setRows = (next: MembershipRow[]) => form.setValue("memberships", next);
  const setRow = (index: number, patch: Partial<MembershipRow>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const labels: Record<string, string> = {
    name: t("people.fields.name"),
    email: t("people.fields.email"),
    phone: t("people.fields.phone"),
    title: t("people.fields.title"),
    lawfulBasis: t("people.fields.lawfulBasis"),
    notes: t("people.fields.notes"),
    userId: t("people.fields.userId"),
    memberships: t("people.fields.memberships"),
  };
  rows.forEach((_, i) => {
    for (const key of ["organisationId", "role", "startDate", "endDate"] as const) {
      const field = key === "organisationId" ? "organisation" : key;
      labels[`memberships.${i}.${key}`] = `${t(`people.fields.${field}`)} (${i + 1})`;
    }
  });
  const rowField = (index: number, key: keyof MembershipRow) => {
    const name = `memberships.${index}.${key}`;
    return {
      id: fieldId(form.prefix, name),
      label: labels[name],
      value: rows[index][key],
      onChange: (value: string) => setRow(index, { [key]: value }),
      error: form.errors[name],
    };
  };
  const submit = form.onSubmit(async (data) => {
    const saved = await save.mutateAsync(data);
    await navigate({ to: "/register/personer/$id", params: { id: saved.id } });
  });
  const select = (name: "lawfulBasis" | "userId") => ({
    id: fieldId(form.prefix, name),
    value: form.values[name],
    onChange: (value: string) => form.setValue(name, value),
    error: form.errors[name],
  });

  return (
    <form onSubmit={submit} noValidate className="form narrow">
      <FormProblem form={form} />
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <TextField label={labels.name} isRequired {...form.field("name")} />
      <TextField label={labels.title} description={t("people.fields.titleHint")} {...form.field("title")} />
      <TextField label={labels.email} type="email" {...form.field("email")} />
      <TextField label={labels.phone} type="tel" {...form.field("phone")} />
      <Select
        label={labels.lawfulBasis}
        options={lawfulBases.map((b) => ({ value: b, label: t(`people.lawfulBases.${b}`) }))}
        {...select("lawfulBasis")}
      />
      <fieldset className="field">
        <legend className="field-label">{labels.memberships}</legend>
        {rows.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; the index is their identity here
          <div key={i} className="card" style={{ marginBottom: "1rem" }}>
            <Select
              {...rowField(i, "organisationId")}
              options={[
                { value: "", label: t("people.chooseOrganisation") },
                ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.label })),
              ]}
            />
            <TextField {...rowField(i, "role")} />
            <div className="filter-fields">
              <TextField {...rowField(i, "startDate")} description={t("people.dateHint")} />
              <TextField {...rowField(i, "endDate")} description={t("people.dateHint")} />
            </div>
            <Button
              variant="quiet"
              aria-label={`${t("people.removeMembership")} (${i + 1})`}
              onPress={() => setRows(rows.filter((__, j) => j !== i))}
            >
              {t("people.removeMembership")}
            </Button>
          </div>
        ))}
        <Button variant="secondary" onPress={() => setRows([...rows, emptyRow])}>
          {t("people.addMembership")}
        </Button>
      </fieldset>
      {canLinkUser && (
        <Select
          label={labels.userId}
          options={[
            { value: "", label: t("people.noAccount") },
            ...(users.data ?? []).map((u) => ({ value: u.id, label: u.label })),
          ]}
          {...select("userId")}
        />
      )}
      <TextAreaField label={labels.notes} {...form.field("notes")} />
      <SaveCancel isPending={form.submitting} />
    </form>
  );
}
