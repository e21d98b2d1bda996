import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  type CourseView,
  createCourseInput,
  parseCredits,
  updateCourseInput,
} from "../../../common/programmes.ts";
import {
  Checkbox,
  FormErrorSummary,
  FormProblem,
  PickList,
  RecordFormPage,
  SaveCancel,
  Select,
} from "../../components/index.ts";
import { fieldId, useForm } from "../../lib/forms.ts";
import {
  courseQuery,
  organisationOptionsQuery,
  programmeOptionsQuery,
  useSaveCourse,
} from "./programmes-api.ts";
import { StudyFields, studyInput, studyValues, useStudyLabels } from "./study-fields.tsx";

/** /register/kurser/ny and /register/kurser/$id/redigera. */
export function CourseFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const course = useQuery({ ...courseQuery(id ?? ""), enabled: !!id });
  return (
    <RecordFormPage
      title={id ? t("programmes.editCourse") : t("programmes.newCourse")}
      record={id ? course : undefined}
    >
      {(c) => <CourseForm course={c} />}
    </RecordFormPage>
  );
}

const blank = (v: string) => (v.trim() === "" ? null : v);

function CourseForm({ course }: { course?: CourseView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveCourse(course?.id);
  const organisations = useQuery(organisationOptionsQuery);
  const programmes = useQuery(programmeOptionsQuery);
  const form = useForm(
    course ? updateCourseInput : createCourseInput,
    {
      ...studyValues(course),
      programmeIds: course?.programmes.map((p) => p.id) ?? ([] as string[]),
      contract: course?.contract ?? false,
      clientOrganisationId: course?.clientOrganisation?.id ?? "",
    },
    (v) => ({
      ...studyInput(v),
      credits: parseCredits(v.credits),
      programmeIds: v.programmeIds,
      contract: v.contract,
      clientOrganisationId: v.contract ? blank(v.clientOrganisationId) : null,
    }),
  );
  const labels = {
    ...useStudyLabels(),
    programmeIds: t("programmes.programmes"),
    contract: t("programmes.contract"),
    clientOrganisationId: t("programmes.clientOrganisation"),
  };
  const submit = form.onSubmit(async (data) => {
    const saved = await save.mutateAsync(data);
    await navigate({ to: "/register/kurser/$id", params: { id: saved.id } });
  });

  return (
    <form onSubmit={submit} noValidate className="form narrow">
      <FormProblem form={form} />
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <StudyFields form={form} creditsRequired />
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
          options={[
            { value: "", label: t("programmes.none") },
            ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.label })),
          ]}
          aria-required
          id={fieldId(form.prefix, "clientOrganisationId")}
          value={form.values.clientOrganisationId}
          onChange={(value) => form.setValue("clientOrganisationId", value)}
          error={form.errors.clientOrganisationId}
        />
      )}
      <SaveCancel isPending={form.submitting} />
    </form>
  );
}
