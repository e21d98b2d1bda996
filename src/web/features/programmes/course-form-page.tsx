import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  type CourseView,
  createCourseInput,
  parseCredits,
  programmeLevels,
  updateCourseInput,
} from "../../../common/programmes.ts";
import {
  Button,
  Checkbox,
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
  courseQuery,
  organisationOptionsQuery,
  peopleOptionsQuery,
  programmeOptionsQuery,
  useSaveCourse,
} from "./programmes-api.ts";

/** /register/kurser/ny and /register/kurser/$id/redigera. */
export function CourseFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const course = useQuery({ ...courseQuery(id ?? ""), enabled: !!id });
  return (
    <>
      <PageHeader title={id ? t("programmes.editCourse") : t("programmes.newCourse")} />
      <RegistersNav />
      {id ? <QueryState query={course}>{(c) => <CourseForm course={c} />}</QueryState> : <CourseForm />}
    </>
  );
}

const blank = (v: string) => (v.trim() === "" ? null : v);

function CourseForm({ course }: { course?: CourseView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveCourse(course?.id);
  const organisations = useQuery(organisationOptionsQuery);
  const people = useQuery(peopleOptionsQuery);
  const programmes = useQuery(programmeOptionsQuery);
  const form = useForm(
    course ? updateCourseInput : createCourseInput,
    {
      code: course?.code ?? "",
      nameSv: course?.nameSv ?? "",
      nameEn: course?.nameEn ?? "",
      credits: course?.credits == null ? "" : String(course.credits).replace(".", ","),
      level: course?.level ?? "",
      organisationId: course?.organisation?.id ?? "",
      responsiblePersonId: course?.responsiblePerson?.id ?? "",
      programmeIds: course?.programmes.map((p) => p.id) ?? ([] as string[]),
      contract: course?.contract ?? false,
      clientOrganisationId: course?.clientOrganisation?.id ?? "",
    },
    (v) => ({
      code: v.code,
      nameSv: v.nameSv,
      nameEn: blank(v.nameEn),
      credits: parseCredits(v.credits),
      level: blank(v.level),
      organisationId: blank(v.organisationId),
      responsiblePersonId: blank(v.responsiblePersonId),
      programmeIds: v.programmeIds,
      contract: v.contract,
      clientOrganisationId: v.contract ? blank(v.clientOrganisationId) : null,
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
    programmeIds: t("programmes.programmes"),
    contract: t("programmes.contract"),
    clientOrganisationId: t("programmes.clientOrganisation"),
  };
  const submit = form.onSubmit(async (data) => {
    const saved = await save.mutateAsync(data);
    await navigate({ to: "/register/kurser/$id", params: { id: saved.id } });
  });
  const orgOptions = [
    { value: "", label: t("programmes.none") },
    ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.label })),
  ];
  const select = (name: "level" | "organisationId" | "responsiblePersonId" | "clientOrganisationId") => ({
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
        isRequired
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
      <Select label={labels.organisationId} options={orgOptions} {...select("organisationId")} />
      <Select
        label={labels.responsiblePersonId}
        options={[
          { value: "", label: t("programmes.none") },
          ...(people.data ?? []).map((p) => ({ value: p.id, label: p.label })),
        ]}
        {...select("responsiblePersonId")}
      />
      <PickList
        id={fieldId(form.prefix, "programmeIds")}
        label={labels.programmeIds}
        options={programmes.data ?? []}
        selected={form.values.programmeIds}
        onChange={(ids) => form.setValue("programmeIds", ids)}
        error={form.errors.programmeIds}
      />
      <Checkbox
        id={fieldId(form.prefix, "contract")}
        label={labels.contract}
        checked={form.values.contract}
        onChange={(on) => form.setValue("contract", on)}
      />
      {form.values.contract && (
        <Select
          label={labels.clientOrganisationId}
          options={orgOptions}
          aria-required
          {...select("clientOrganisationId")}
        />
      )}
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
