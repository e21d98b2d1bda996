import { useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AgreementView,
  appendixInput,
  type DialogueView,
  dialogueCommentInput,
  dialogueInput,
  needInput,
} from "../../../common/agreements.ts";
import { createSpendInput, kronorFromText } from "../../../common/finance.ts";
import { formatDate } from "../../../common/format.ts";
import { ApiError } from "../../api.ts";
import {
  Alert,
  Button,
  Checkbox,
  FormErrorSummary,
  Select,
  TextAreaField,
  TextField,
} from "../../components/index.ts";
import { type FieldErrors, useForm } from "../../lib/forms.ts";
import {
  contractCoursesQuery,
  useAddAppendixRow,
  useAddComment,
  useAddDialogue,
  useAddNeed,
  useBookSpend,
  useUploadPlan,
} from "./agreements-api.ts";

/**
 * The agreement page's forms: a need, an appendix row, a dialogue (that may add a need), a comment on a
 * dialogue, spend, and the competence-supply plan's upload. All but the upload share FoldedForm's frame.
 */

const whole = (text: string) => (text.trim() === "" ? null : Number(text.trim().replace(/\s/g, "")));

/** A form folded under its summary (native <details>: keyboard and screen reader friendly). */
function Folded({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="card">
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/** What FoldedForm needs of a useForm(): its state, and how it validates and submits. */
interface FormState<D> {
  errors: FieldErrors;
  formError: string | null;
  prefix: string;
  submitting: boolean;
  reset: () => void;
  onSubmit: (submit: (data: D) => Promise<unknown>) => (event: FormEvent) => void;
}

/**
 * The frame every form on the page shares: folded under its title, the error summary and the
 * server's message, "Sparat." after a save (the form then starts over), and the submit button.
 */
function FoldedForm<D>({
  title,
  submitLabel = title,
  form,
  labels,
  submit,
  afterSave,
  children,
}: {
  title: string;
  submitLabel?: string;
  form: FormState<D>;
  labels: Record<string, string>;
  submit: (data: D) => Promise<unknown>;
  afterSave?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const onSubmit = form.onSubmit(async (data) => {
    setSaved(false);
    await submit(data);
    form.reset();
    afterSave?.();
    setSaved(true);
  });
  return (
    <Folded title={title}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        {saved && <Alert tone="success">{t("agreements.saved")}</Alert>}
        {children}
        <Button type="submit" isPending={form.submitting}>
          {submitLabel}
        </Button>
      </form>
    </Folded>
  );
}

export function NeedForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const add = useAddNeed(agreementId);
  const form = useForm(needInput, { title: "", targetGroup: "", staffCount: "" }, (v) => ({
    title: v.title,
    targetGroup: v.targetGroup.trim() || null,
    staffCount: whole(v.staffCount),
  }));
  const labels = {
    title: t("agreements.need"),
    targetGroup: t("agreements.targetGroup"),
    staffCount: t("agreements.staffCount"),
  };
  return (
    <FoldedForm title={t("agreements.addNeed")} form={form} labels={labels} submit={add.mutateAsync}>
      <TextField label={labels.title} isRequired {...form.field("title")} />
      <TextField label={labels.targetGroup} {...form.field("targetGroup")} />
      <TextField label={labels.staffCount} inputMode="numeric" {...form.field("staffCount")} />
    </FoldedForm>
  );
}

export function AppendixForm({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const add = useAddAppendixRow(agreement.id);
  const courses = useQuery(contractCoursesQuery);
  const [needIds, setNeedIds] = useState<string[]>([]);
  const form = useForm(
    appendixInput,
    { courseId: "", term: "", places: "", price: "", package: "" },
    (v) => ({
      courseId: v.courseId,
      term: v.term,
      places: whole(v.places) ?? undefined,
      price: whole(v.price),
      package: v.package.trim() || null,
      needIds,
    }),
  );
  const labels = {
    courseId: t("agreements.course"),
    term: t("agreements.term"),
    places: t("agreements.places"),
    price: t("agreements.price"),
    package: t("agreements.package"),
    needIds: t("agreements.serves"),
  };
  return (
    <FoldedForm
      title={t("agreements.addAppendix")}
      form={form}
      labels={labels}
      submit={add.mutateAsync}
      afterSave={() => setNeedIds([])}
    >
      <Select
        label={labels.courseId}
        options={[{ value: "", label: "–" }, ...(courses.data ?? [])]}
        {...form.field("courseId")}
      />
      <TextField label={labels.term} description="vt 2027" isRequired {...form.field("term")} />
      <TextField label={labels.places} inputMode="numeric" isRequired {...form.field("places")} />
      <TextField label={labels.price} inputMode="numeric" {...form.field("price")} />
      <TextField label={labels.package} {...form.field("package")} />
      <fieldset>
        <legend>{labels.needIds}</legend>
        {agreement.needs.map((n) => (
          <Checkbox
            key={n.id}
            label={n.title}
            checked={needIds.includes(n.id)}
            onChange={(on) => setNeedIds((ids) => (on ? [...ids, n.id] : ids.filter((id) => id !== n.id)))}
          />
        ))}
      </fieldset>
    </FoldedForm>
  );
}

export function DialogueForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const add = useAddDialogue(agreementId);
  const form = useForm(
    dialogueInput,
    { date: "", participants: "", notes: "", decisions: "", nextDate: "", needTitle: "" },
    (v) => ({
      date: v.date.trim(),
      participants: v.participants.trim() || null,
      notes: v.notes.trim() || null,
      decisions: v.decisions.trim() || null,
      nextDate: v.nextDate.trim() || null,
      needs: v.needTitle.trim() ? [{ title: v.needTitle.trim() }] : [],
    }),
  );
  const labels = {
    date: t("agreements.date"),
    participants: t("agreements.participants"),
    notes: t("agreements.notes"),
    decisions: t("agreements.decisions"),
    nextDate: t("agreements.nextDate"),
    "needs.0.title": t("agreements.newNeedTitle"),
  };
  return (
    <FoldedForm title={t("agreements.addDialogue")} form={form} labels={labels} submit={add.mutateAsync}>
      <TextField
        label={labels.date}
        description={t("common.dateFormat")}
        isRequired
        {...form.field("date")}
      />
      <TextField label={labels.participants} {...form.field("participants")} />
      <TextAreaField label={labels.notes} {...form.field("notes")} />
      <TextAreaField label={labels.decisions} {...form.field("decisions")} />
      <TextField label={labels.nextDate} description={t("common.dateFormat")} {...form.field("nextDate")} />
      <TextField label={labels["needs.0.title"]} {...form.field("needTitle")} />
    </FoldedForm>
  );
}

/** A party's comment on one dialogue (coordinators and the agreement's own partner users). */
export function CommentForm({ agreementId, dialogue }: { agreementId: string; dialogue: DialogueView }) {
  const { t } = useTranslation();
  const add = useAddComment(agreementId, dialogue.id);
  const form = useForm(dialogueCommentInput, { body: "" });
  const labels = { body: t("agreements.comment") };
  return (
    <FoldedForm
      title={t("agreements.addCommentOn", { date: formatDate(dialogue.date) })}
      submitLabel={t("agreements.addComment")}
      form={form}
      labels={labels}
      submit={add.mutateAsync}
    >
      <TextAreaField label={labels.body} {...form.field("body")} />
    </FoldedForm>
  );
}

/** Books spend on the agreement in the university's accounts (its unit for contract education). */
export function SpendOnAgreementForm({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const book = useBookSpend(agreement.id);
  const owner = agreement.parties.find((p) => p.role === "university") ?? agreement.parties[0];
  const form = useForm(
    createSpendInput,
    { date: "", amount: "", unitName: t("agreements.spendUnit") },
    (v) => ({
      organisationId: owner?.organisationId,
      date: v.date.trim(),
      amount: kronorFromText(v.amount),
      unitName: v.unitName.trim() || null,
      agreementId: agreement.id,
    }),
  );
  const labels = {
    date: t("agreements.date"),
    amount: t("agreements.amount"),
    unitName: t("agreements.unit"),
    agreementId: t("agreements.title"),
  };
  return (
    <FoldedForm title={t("agreements.bookSpend")} form={form} labels={labels} submit={book.mutateAsync}>
      <TextField
        label={labels.date}
        description={t("common.dateFormat")}
        isRequired
        {...form.field("date")}
      />
      <TextField label={labels.amount} inputMode="numeric" isRequired {...form.field("amount")} />
      <TextField label={labels.unitName} isRequired {...form.field("unitName")} />
    </FoldedForm>
  );
}

/** Uploads the partner's competence-supply plan (multipart; the server checks type, content and size). */
export function PlanUploadForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const upload = useUploadPlan(agreementId);
  const [file, setFile] = useState<File | null>(null);
  const [saved, setSaved] = useState(false);
  const inputId = `plan-file-${agreementId}`;
  const error = upload.error instanceof ApiError ? upload.error : null;
  const fileError = error?.fieldErrors.file?.[0];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    await upload.mutateAsync(file).then(
      () => setSaved(true),
      () => undefined,
    );
  };
  return (
    <Folded title={t("agreements.uploadPlan")}>
      <form className="form" noValidate onSubmit={submit}>
        {error && !fileError && <Alert tone="error">{error.problem.detail}</Alert>}
        {saved && <Alert tone="success">{t("agreements.saved")}</Alert>}
        <div className="field">
          <label className="field-label" htmlFor={inputId}>
            {t("agreements.planFile")}
          </label>
          <input
            id={inputId}
            type="file"
            className="input"
            accept=".pdf,.docx,.xlsx,.odt"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${inputId}-error` : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {fileError && (
            <p id={`${inputId}-error`} className="field-error">
              {fileError}
            </p>
          )}
        </div>
        <Button type="submit" isPending={upload.isPending}>
          {t("agreements.uploadPlan")}
        </Button>
      </form>
    </Folded>
  );
}
