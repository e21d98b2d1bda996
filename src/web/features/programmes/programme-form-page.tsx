import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  createProgrammeInput,
  type ProgrammeView,
  parseCredits,
  programmeLevels,
  updateProgrammeInput,
} from "../../../common/programmes.ts";
import {
  Button,
  FormErrorSummary,
  FormProblem,
  PageHeader,
  PickList,
  QueryState,
  RegistersNav,
  Select,
  TextField,
} from "../../components/index.ts";
import { fieldId, useForm } from "../../lib/forms.ts";
import {
  courseOptionsQuery,
  organisationOptionsQuery,
  peopleOptionsQuery,
  programmeQuery,
  useSaveProgramme,
} from "./programmes-api.ts";

/** /register/program/ny and /register/program/$id/redigera. */
export function ProgrammeFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const programme = useQuery({ ...programmeQuery(id ?? ""), enabled: !!id });
  const title = id ? t("programmes.editProgramme") : t("programmes.newProgramme");
  return (
    <>
      <PageHeader title={title} />
      <RegistersNav />
      {id ? (
        <QueryState query={programme}>{(p) => <ProgrammeForm programme={p} />}</QueryState>
      ) : (
        <ProgrammeForm />
      )}
    </>
  );
}

const blank = (v: string) => (v.trim() === "" ? null : v);

function ProgrammeForm({ programme }: { programme?: ProgrammeView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveProgramme(programme?.id);
  const organisations = useQuery(organisationOptionsQuery);
  const people = useQuery(peopleOptionsQuery);
  const courses = useQuery(courseOptionsQuery);
  const form = useForm(
    programme ? updateProgrammeInput : createProgrammeInput,
    {
      code: programme?.code ?? "",
      nameSv: programme?.nameSv ?? "",
      nameEn: programme?.nameEn ?? "",
      credits:
        programme?.credits === null || programme?.credits === undefined
          ? ""
          : String(programme.credits).replace(".", ","),
      level: programme?.level ?? "",
      organisationId: programme?.organisation?.id ?? "",
      responsiblePersonId: programme?.responsiblePerson?.id ?? "",
      courseIds: programme?.courses.map((c) => c.id) ?? ([] as string[]),
    },
    (v) => ({
      code: v.code,
      nameSv: v.nameSv,
      nameEn: blank(v.nameEn),
      credits: v.credits.trim() === "" ? null : parseCredits(v.credits),
      level: blank(v.level),
      organisationId: blank(v.organisationId),
      responsiblePersonId: blank(v.responsiblePersonId),
      courseIds: v.courseIds,
    }),
  );
  const labels = {
    code: t("programmes.code"),
    nameSv: t("programmes.nameSv"),
    nameEn: t("programmes.nameEn"),
    credits: t("programmes.credits"),
    level: t("programmes.level"),
    organisationId: t("programmes.organisation"),
    responsiblePersonId: t("programmes.responsiblePerson"),
    courseIds: t("programmes.courses"),
  };
  const submit = form.onSubmit(async (data) => {
    const saved = await save.mutateAsync(data);
    await navigate({ to: "/register/program/$id", params: { id: saved.id } });
  });
  const select = (name: "level" | "organisationId" | "responsiblePersonId") => ({
    id: fieldId(form.prefix, name),
    value: form.values[name],
    onChange: (value: string) => form.setValue(name, value),
    error: form.errors[name],
  });

  return (
    <form onSubmit={submit} noValidate className="form narrow">
      <FormProblem form={form} />
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <TextField
        label={labels.code}
        description={t("programmes.codeHint")}
        isRequired
        {...form.field("code")}
      />
      <TextField label={labels.nameSv} isRequired {...form.field("nameSv")} />
      <TextField label={labels.nameEn} {...form.field("nameEn")} />
      <TextField
        label={labels.credits}
        description={t("programmes.creditsHint")}
        inputMode="decimal"
        {...form.field("credits")}
      />
      <Select
        label={labels.level}
        options={[
          { value: "", label: t("programmes.none") },
          ...programmeLevels.map((l) => ({ value: l, label: t(`programmes.levels.${l}`) })),
        ]}
        {...select("level")}
      />
      <Select
        label={labels.organisationId}
        options={[
          { value: "", label: t("programmes.none") },
          ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.label })),
        ]}
        {...select("organisationId")}
      />
      <Select
        label={labels.responsiblePersonId}
        options={[
          { value: "", label: t("programmes.none") },
          ...(people.data ?? []).map((o) => ({ value: o.id, label: o.label })),
        ]}
        {...select("responsiblePersonId")}
      />
      <PickList
        id={fieldId(form.prefix, "courseIds")}
        label={labels.courseIds}
        options={courses.data ?? []}
        selected={form.values.courseIds}
        onChange={(ids) => form.setValue("courseIds", ids)}
        error={form.errors.courseIds}
      />
      <div className="button-row">
        <Button type="submit" isPending={form.submitting}>
          {t("common.save")}
        </Button>
        <Button variant="secondary" onPress={() => window.history.back()}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
