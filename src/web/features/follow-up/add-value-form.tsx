import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { manualValueInput } from "../../../common/indicators.ts";
import { Alert, Button, FormErrorSummary, TextField } from "../../components/index.ts";
import { useAddAndReset, useForm } from "../../lib/forms.ts";
import { useAddValue } from "./follow-up-api.ts";

type EvidenceFile = { name: string; contentType: string; data: string };

/** Reads a chosen file as base64 (the API takes small evidence files inline). */
function readFile(file: File): Promise<EvidenceFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({
        name: file.name,
        contentType: file.type || "application/octet-stream",
        data: url.slice(url.indexOf(",") + 1),
      });
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** "För in värde": a manual indicator's value with its date and evidence (a link, a file or both). */
export function AddValueForm({ indicatorId }: { indicatorId: string }) {
  const { t } = useTranslation();
  const add = useAddValue(indicatorId);
  const fileId = useId();
  const [file, setFile] = useState<EvidenceFile | null>(null);
  const form = useForm(
    manualValueInput,
    { date: new Date().toISOString().slice(0, 10), value: "", note: "", evidenceUrl: "" },
    (v) => ({
      date: v.date,
      value: v.value.trim() === "" ? undefined : Number(v.value.replace(/\s/g, "").replace(",", ".")),
      note: v.note || null,
      evidenceUrl: v.evidenceUrl || null,
      evidenceFile: file,
    }),
  );
  const labels = {
    date: t("indicators.date"),
    value: t("indicators.value"),
    note: t("indicators.note"),
    evidenceUrl: t("indicators.evidenceUrl"),
    evidenceFile: t("indicators.evidenceFile"),
  };
  const { done: saved, submit } = useAddAndReset(form, async (data) => {
    await add.mutateAsync(data);
    setFile(null);
    return true;
  });
  return (
    <form className="form" noValidate aria-labelledby={`${fileId}-heading`} onSubmit={submit}>
      <h2 id={`${fileId}-heading`}>{t("indicators.addValue")}</h2>
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      {saved && <Alert tone="success">{t("indicators.valueAdded")}</Alert>}
      <TextField
        label={labels.date}
        description={t("common.dateFormat")}
        isRequired
        {...form.field("date")}
      />
      <TextField label={labels.value} inputMode="numeric" isRequired {...form.field("value")} />
      <TextField label={labels.note} {...form.field("note")} />
      <TextField label={labels.evidenceUrl} type="url" {...form.field("evidenceUrl")} />
      <div className="field">
        <label className="field-label" htmlFor={`${form.prefix}-evidenceFile`}>
          {labels.evidenceFile}
        </label>
        <input
          id={`${form.prefix}-evidenceFile`}
          type="file"
          className="input"
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,.csv"
          aria-invalid={form.errors.evidenceFile ? true : undefined}
          aria-describedby={form.errors.evidenceFile ? `${form.prefix}-evidenceFile-err` : undefined}
          onChange={async (event) => {
            const chosen = event.target.files?.[0];
            setFile(chosen ? await readFile(chosen) : null);
          }}
        />
        {form.errors.evidenceFile && (
          <div id={`${form.prefix}-evidenceFile-err`} className="field-error">
            {form.errors.evidenceFile.join(" ")}
          </div>
        )}
      </div>
      <div className="button-row">
        <Button type="submit" isPending={form.submitting}>
          {t("indicators.addValue")}
        </Button>
      </div>
    </form>
  );
}
