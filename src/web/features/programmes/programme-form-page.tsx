import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  createProgrammeInput,
  type ProgrammeView,
  parseCredits,
  updateProgrammeInput,
} from "../../../common/programmes.ts";
import {
  FormErrorSummary,
  FormProblem,
  PickList,
  RecordFormPage,
  SaveCancel,
} from "../../components/index.ts";
import { fieldId, useForm } from "../../lib/forms.ts";
import { courseOptionsQuery, programmeQuery, useSaveProgramme } from "./programmes-api.ts";
import { StudyFields, studyInput, studyValues, useStudyLabels } from "./study-fields.tsx";

/** /register/program/ny and /register/program/$id/redigera. */
export function ProgrammeFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const programme = useQuery({ ...programmeQuery(id ?? ""), enabled: !!id });
  return (
    <RecordFormPage
      title={id ? t("programmes.editProgramme") : t("programmes.newProgramme")}
      record={id ? programme : undefined}
    >
      {(p) => <ProgrammeForm programme={p} />}
    </RecordFormPage>
  );
}

function ProgrammeForm({ programme }: { programme?: ProgrammeView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveProgramme(programme?.id);
  const courses = useQuery(courseOptionsQuery);
  const form = useForm(
    programme ? updateProgrammeInput : createProgrammeInput,
    { ...studyValues(programme), courseIds: programme?.courses.map((c) => c.id) ?? ([] as string[]) },
    (v) => ({
      ...studyInput(v),
      credits: v.credits.trim() === "" ? null : parseCredits(v.credits),
      courseIds: v.courseIds,
    }),
  );
  const labels = { ...useStudyLabels(), courseIds: t("programmes.courses") };
  const submit = form.onSubmit(async (data) => {
    const saved = await save.mutateAsync(data);
    await navigate({ to: "/register/program/$id", params: { id: saved.id } });
  });

  return (
    <form onSubmit={submit} noValidate className="form narrow">
      <FormProblem form={form} />
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <StudyFields form={form} />
      <PickList
        id={fieldId(form.prefix, "courseIds")}
        label={labels.courseIds}
        options={courses.data ?? []}
        selected={form.values.courseIds}
        onChange={(ids) => form.setValue("courseIds", ids)}
        error={form.errors.courseIds}
      />
      <SaveCancel isPending={form.submitting} />
    </form>
  );
}
