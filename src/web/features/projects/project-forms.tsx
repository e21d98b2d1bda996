import { useTranslation } from "react-i18next";
import {
  projectColours,
  reportInput,
  reportTypes,
  reviewInput,
  statusInput,
} from "../../../common/projects.ts";
import { Alert, Button, FormErrorSummary, FormProblem, Select, TextField } from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { useAddAndReset, useForm } from "../../lib/forms.ts";
import { useReviewReport, useSetStatus, useSubmitReport } from "./projects-api.ts";

function useColourOptions() {
  const { t } = useTranslation();
  return [
    { value: "", label: t("projects.chooseColour") },
    ...projectColours.map((c) => ({ value: c, label: t(`projects.colours.${c}`) })),
  ];
}

/** "Ändra status": a new colour with a reason; the old one stays in the history. */
export function StatusForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const setStatus = useSetStatus(projectId);
  const options = useColourOptions();
  const form = useForm(statusInput, { colour: "", reason: "" });
  const labels = { colour: t("projects.newColour"), reason: t("projects.reason") };
  const { done: saved, submit } = useAddAndReset(form, async (data) => {
    await setStatus.mutateAsync(data);
    return true;
  });
  return (
    <form className="form status-form" aria-labelledby="status-heading" noValidate onSubmit={submit}>
      <h2 id="status-heading">{t("projects.changeStatus")}</h2>
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <FormProblem form={form} />
      {saved && <Alert tone="success">{t("projects.statusSaved")}</Alert>}
      <Select
        id={`${form.prefix}-colour`}
        label={labels.colour}
        value={form.values.colour}
        onChange={(v) => form.setValue("colour", v)}
        options={options}
        error={form.errors.colour}
      />
      <TextAreaField label={labels.reason} {...form.field("reason")} />
      <Button type="submit" isPending={form.submitting}>
        {t("projects.changeStatus")}
      </Button>
    </form>
  );
}

const emptyReport = {
  kind: "delrapport",
  periodFrom: "",
  periodTo: "",
  doneSinceLast: "",
  deviations: "",
  results: "",
  nextSteps: "",
  budgetUsed: "",
};

/** The lägesrapport template: done since last, deviations, results, next steps, budget used. */
export function ReportForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const submit = useSubmitReport(projectId);
  const form = useForm(reportInput, emptyReport, (v) => ({
    ...v,
    periodFrom: v.periodFrom || null,
    periodTo: v.periodTo || null,
    deviations: v.deviations || null,
    results: v.results || null,
    nextSteps: v.nextSteps || null,
    budgetUsed: v.budgetUsed.trim() === "" ? null : Number(v.budgetUsed.replace(/\s/g, "")),
  }));
  const labels = {
    kind: t("projects.reportKind"),
    periodFrom: t("projects.from"),
    periodTo: t("projects.to"),
    doneSinceLast: t("projects.doneSinceLast"),
    deviations: t("projects.deviations"),
    results: t("projects.results"),
    nextSteps: t("projects.nextSteps"),
    budgetUsed: t("projects.budgetUsed"),
  };
  const { done: saved, submit: submitForm } = useAddAndReset(form, async (data) => {
    await submit.mutateAsync(data);
    return true;
  });
  return (
    <form className="form report-form" aria-labelledby="report-heading" noValidate onSubmit={submitForm}>
      <h3 id="report-heading">{t("projects.submitReport")}</h3>
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <FormProblem form={form} />
      {saved && <Alert tone="success">{t("projects.reportSaved")}</Alert>}
      <Select
        id={`${form.prefix}-kind`}
        label={labels.kind}
        value={form.values.kind}
        onChange={(v) => form.setValue("kind", v)}
        options={reportTypes.map((k) => ({ value: k, label: t(`projects.reportTypes.${k}`) }))}
      />
      <TextField
        label={labels.periodFrom}
        description={t("common.dateFormat")}
        {...form.field("periodFrom")}
      />
      <TextField label={labels.periodTo} description={t("common.dateFormat")} {...form.field("periodTo")} />
      <TextAreaField label={labels.doneSinceLast} {...form.field("doneSinceLast")} />
      <TextAreaField label={labels.deviations} {...form.field("deviations")} />
      <TextAreaField label={labels.results} {...form.field("results")} />
      <TextAreaField label={labels.nextSteps} {...form.field("nextSteps")} />
      <TextField label={labels.budgetUsed} inputMode="numeric" {...form.field("budgetUsed")} />
      <Button type="submit" isPending={form.submitting}>
        {t("projects.submitReport")}
      </Button>
    </form>
  );
}

/** The coordinator's review of one report: the colour it leads to and a comment (the reason). */
export function ReviewForm({ projectId, reportId }: { projectId: string; reportId: string }) {
  const { t } = useTranslation();
  const review = useReviewReport(projectId, reportId);
  const options = useColourOptions();
  const form = useForm(reviewInput, { colour: "", comment: "" });
  const labels = { colour: t("projects.newColour"), comment: t("projects.reviewComment") };
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.onSubmit(async (data) => {
        await review.mutateAsync(data);
      })}
    >
      <h4>{t("projects.review")}</h4>
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <FormProblem form={form} />
      <Select
        id={`${form.prefix}-colour`}
        label={labels.colour}
        value={form.values.colour}
        onChange={(v) => form.setValue("colour", v)}
        options={options}
        error={form.errors.colour}
      />
      <TextAreaField label={labels.comment} {...form.field("comment")} />
      <Button type="submit" isPending={form.submitting}>
        {t("projects.review")}
      </Button>
    </form>
  );
}
