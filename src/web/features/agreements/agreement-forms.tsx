import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AgreementView, appendixInput, dialogueInput, needInput } from "../../../common/agreements.ts";
import { createSpendInput, kronorFromText } from "../../../common/finance.ts";
import {
  Alert,
  Button,
  Checkbox,
  FormErrorSummary,
  Select,
  TextAreaField,
  TextField,
} from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import {
  contractCoursesQuery,
  useAddAppendixRow,
  useAddDialogue,
  useAddNeed,
  useBookSpend,
} from "./agreements-api.ts";

/** The agreement page's forms: a need, an appendix row, a dialogue (that may add a need), spend. */

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

function Saved({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return show ? <Alert tone="success">{t("agreements.saved")}</Alert> : null;
}

export function NeedForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const add = useAddNeed(agreementId);
  const [saved, setSaved] = useState(false);
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
  const submit = form.onSubmit(async (data) => {
    setSaved(false);
    await add.mutateAsync(data);
    form.reset();
    setSaved(true);
  });
  return (
    <Folded title={t("agreements.addNeed")}>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <Saved show={saved} />
        <TextField label={labels.title} isRequired {...form.field("title")} />
        <TextField label={labels.targetGroup} {...form.field("targetGroup")} />
        <TextField label={labels.staffCount} inputMode="numeric" {...form.field("staffCount")} />
        <Button type="submit" isPending={form.submitting}>
          {t("agreements.addNeed")}
        </Button>
      </form>
    </Folded>
  );
}

export function AppendixForm({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const add = useAddAppendixRow(agreement.id);
  const courses = useQuery(contractCoursesQuery);
  const [saved, setSaved] = useState(false);
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
  const submit = form.onSubmit(async (data) => {
    setSaved(false);
    await add.mutateAsync(data);
    form.reset();
    setNeedIds([]);
    setSaved(true);
  });
  return (
    <Folded title={t("agreements.addAppendix")}>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <Saved show={saved} />
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
        <Button type="submit" isPending={form.submitting}>
          {t("agreements.addAppendix")}
        </Button>
      </form>
    </Folded>
  );
}

export function DialogueForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const add = useAddDialogue(agreementId);
  const [saved, setSaved] = useState(false);
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
  const submit = form.onSubmit(async (data) => {
    setSaved(false);
    await add.mutateAsync(data);
    form.reset();
    setSaved(true);
  });
  return (
    <Folded title={t("agreements.addDialogue")}>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <Saved show={saved} />
        <TextField label={labels.date} description="ÅÅÅÅ-MM-DD" isRequired {...form.field("date")} />
        <TextField label={labels.participants} {...form.field("participants")} />
        <TextAreaField label={labels.notes} {...form.field("notes")} />
        <TextAreaField label={labels.decisions} {...form.field("decisions")} />
        <TextField label={labels.nextDate} description="ÅÅÅÅ-MM-DD" {...form.field("nextDate")} />
        <TextField label={labels["needs.0.title"]} {...form.field("needTitle")} />
        <Button type="submit" isPending={form.submitting}>
          {t("agreements.addDialogue")}
        </Button>
      </form>
    </Folded>
  );
}

/** Books spend on the agreement in the university's accounts (its unit for contract education). */
export function SpendOnAgreementForm({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const book = useBookSpend(agreement.id);
  const [saved, setSaved] = useState(false);
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
  const submit = form.onSubmit(async (data) => {
    setSaved(false);
    await book.mutateAsync(data);
    form.reset();
    setSaved(true);
  });
  return (
    <Folded title={t("agreements.bookSpend")}>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <Saved show={saved} />
        <TextField label={labels.date} description="ÅÅÅÅ-MM-DD" isRequired {...form.field("date")} />
        <TextField label={labels.amount} inputMode="numeric" isRequired {...form.field("amount")} />
        <TextField label={labels.unitName} isRequired {...form.field("unitName")} />
        <Button type="submit" isPending={form.submitting}>
          {t("agreements.bookSpend")}
        </Button>
      </form>
    </Folded>
  );
}
