import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../common/format.ts";
import type {
  ImportJobView,
  ImportMapping,
  ImportPreviewView,
  TransferRegister,
} from "../../../common/transfer.ts";
import { ApiError } from "../../api.ts";
import { useMe } from "../../auth.ts";
import { Alert, Button } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { ImportProgress, ImportResult } from "./import-result.tsx";
import { MappingTable } from "./mapping-table.tsx";
import { TemplateLinks } from "./template-links.tsx";
import { previewImport, startImport } from "./transfer-api.ts";

type Step =
  | { name: "upload" }
  | { name: "map"; file: File; preview: ImportPreviewView; mapping: ImportMapping }
  | { name: "run"; job: ImportJobView };

/**
 * Import a spreadsheet into a register in four steps: choose a file → check how its columns map to
 * the register's fields → the import runs (progress bar) → "N rader importerade" or every row error
 * in Swedish, with nothing saved. Drop it on a register's list page: <ImportWizard register="people" />.
 */
export function ImportWizard({
  register,
  onImported,
}: {
  register: TransferRegister;
  /** Called after a successful import, e.g. to close a dialog. The wizard refreshes the lists itself. */
  onImported?: (job: ImportJobView) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ name: "upload" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lastMapping = useRef<ImportMapping | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  // Each step announces itself: focus moves to its heading (not on the first render).
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (firstRender.current) firstRender.current = false;
    else headingRef.current?.focus();
  }, [step.name]);

  if (!me?.abilities.coordinate) return <Alert tone="info">{t("transfer.wizard.staffOnly")}</Alert>;

  const fail = (e: unknown) => {
    if (e instanceof ApiError) setError([e.problem.detail, ...Object.values(e.fieldErrors).flat()].join(" "));
    else setError(t("errors.internal"));
  };

  const onPreview = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const preview = await previewImport(register, file, me.csrfToken);
      // The same headings as last time (a corrected file): keep the mapping the user chose then.
      const previous = lastMapping.current;
      const reuse = previous && preview.headers.every((h) => h in previous);
      setStep({ name: "map", file, preview, mapping: reuse ? previous : preview.mapping });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const onStart = async () => {
    if (step.name !== "map") return;
    setBusy(true);
    setError(null);
    try {
      lastMapping.current = step.mapping;
      const job = await startImport(register, step.file, step.mapping, me.csrfToken);
      setStep({ name: "run", job });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const onFinished = (job: ImportJobView) => {
    if (job.status !== "done") return;
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "me" });
    onImported?.(job);
  };

  const restart = () => {
    setError(null);
    setStep({ name: "upload" });
  };

  const titles = {
    upload: t("transfer.wizard.stepUpload"),
    map: t("transfer.wizard.stepMap"),
    run: t("transfer.wizard.stepRun"),
  };
  return (
    <section aria-labelledby={headingId} className="import-wizard">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {titles[step.name]}
      </h2>
      {error && <Alert tone="error">{error}</Alert>}
      {step.name === "upload" && <UploadStep register={register} busy={busy} onPreview={onPreview} />}
      {step.name === "map" && (
        <>
          <p>
            {t("transfer.wizard.fileSummary", {
              fileName: step.preview.fileName,
              rows: formatNumber(step.preview.rowCount, currentLanguage()),
            })}
          </p>
          <MappingTable
            preview={step.preview}
            mapping={step.mapping}
            onChange={(mapping) => setStep({ ...step, mapping })}
          />
          <div className="button-row">
            <Button onPress={onStart} isPending={busy}>
              {t("transfer.wizard.start", { rows: formatNumber(step.preview.rowCount, currentLanguage()) })}
            </Button>
            <Button variant="secondary" onPress={restart}>
              {t("transfer.wizard.otherFile")}
            </Button>
          </div>
        </>
      )}
      {step.name === "run" && (
        <ImportProgress job={step.job} onFinished={onFinished}>
          {(job) => <ImportResult job={job} onRestart={restart} />}
        </ImportProgress>
      )}
    </section>
  );
}

function UploadStep({
  register,
  busy,
  onPreview,
}: {
  register: TransferRegister;
  busy: boolean;
  onPreview: (file: File) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) setMissing(true);
    else onPreview(file);
  };
  return (
    <form onSubmit={submit} className="form" noValidate>
      <TemplateLinks register={register} />
      <div className="field">
        <label className="field-label" htmlFor={inputId}>
          {t("transfer.wizard.file")}
        </label>
        <div id={`${inputId}-desc`} className="field-description">
          {t("transfer.wizard.fileHint")}
        </div>
        <input
          id={inputId}
          type="file"
          className="input"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${inputId}-desc${missing ? ` ${inputId}-err` : ""}`}
          aria-invalid={missing || undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setMissing(false);
          }}
        />
        {missing && (
          <div id={`${inputId}-err`} className="field-error">
            {t("transfer.errors.noFile")}
          </div>
        )}
      </div>
      <Button type="submit" isPending={busy}>
        {t("transfer.wizard.preview")}
      </Button>
    </form>
  );
}
