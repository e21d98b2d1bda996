import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../common/format.ts";
import type { ImportErrorView, ImportJobView } from "../../../common/transfer.ts";
import { Alert, Button, type Column, DataTable, QueryState } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { importJobQuery } from "./transfer-api.ts";

const finished = (job: ImportJobView | undefined) => job?.status === "done" || job?.status === "failed";

/**
 * Polls GET /api/imports/{id} twice a second while the job runs and shows a progress bar
 * (role=progressbar with aria-valuenow); when it has finished, renders `children(job)`.
 */
export function ImportProgress({
  job: started,
  onFinished,
  children,
}: {
  /** The job as POST …/import answered: the bar shows from the start, before the first poll. */
  job: ImportJobView;
  onFinished: (job: ImportJobView) => void;
  children: (job: ImportJobView) => ReactNode;
}) {
  const { t } = useTranslation();
  const job = useQuery({
    ...importJobQuery(started.id),
    initialData: started,
    refetchInterval: (query) => (finished(query.state.data) ? false : 500),
  });
  const reported = useRef(false);
  useEffect(() => {
    if (!reported.current && job.data && finished(job.data)) {
      reported.current = true;
      onFinished(job.data);
    }
  }, [job.data, onFinished]);
  return (
    <QueryState query={job}>
      {(data) =>
        finished(data) ? (
          children(data)
        ) : (
          <ProgressBar job={data} label={t("transfer.wizard.progressLabel")} />
        )
      }
    </QueryState>
  );
}

function ProgressBar({ job, label }: { job: ImportJobView; label: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const max = job.total || 1;
  const done = Math.min(job.processed, max);
  const text =
    job.status === "queued"
      ? t("transfer.wizard.queued")
      : t(job.status === "writing" ? "transfer.wizard.writing" : "transfer.wizard.validating", {
          processed: formatNumber(done, language),
          total: formatNumber(max, language),
        });
  const percent = Math.round((done / max) * 100);
  return (
    <div className="import-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={done}
        aria-valuetext={text}
        style={{
          border: "1px solid var(--line-strong)",
          borderRadius: "var(--radius)",
          height: "1.25rem",
          overflow: "hidden",
        }}
      >
        <div
          style={{
            width: `${percent}%`,
            height: "100%",
            background: "var(--brand-2)",
            transition: "width 0.3s",
          }}
        />
      </div>
      <p aria-hidden="true">{text}</p>
    </div>
  );
}

/** "N rader importerade", or why nothing was saved: every error with its row and column. */
export function ImportResult({ job, onRestart }: { job: ImportJobView; onRestart: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const again = (
    <Button variant="secondary" onPress={onRestart}>
      {t("transfer.wizard.again")}
    </Button>
  );
  if (job.status === "done")
    return (
      <>
        <Alert tone="success">
          {t("transfer.wizard.done", {
            count: job.createdCount,
            rows: formatNumber(job.createdCount, language),
          })}
        </Alert>
        <div className="button-row">{again}</div>
      </>
    );
  const columns: Column<ImportErrorView & { key: string }>[] = [
    { key: "row", header: t("transfer.wizard.row"), cell: (e) => e.row ?? "–", isRowHeader: true },
    { key: "column", header: t("transfer.wizard.column"), cell: (e) => e.column ?? "–" },
    { key: "message", header: t("transfer.wizard.message"), cell: (e) => e.message },
  ];
  const rows = job.errors.map((e, i) => ({ ...e, key: String(i) }));
  return (
    <>
      <Alert tone="error" title={t("transfer.wizard.failedTitle")}>
        {t("transfer.wizard.failed", {
          count: job.errorCount,
          errors: formatNumber(job.errorCount, language),
        })}
      </Alert>
      <DataTable
        caption={t("transfer.wizard.errorsCaption")}
        columns={columns}
        rows={rows}
        rowKey={(e) => e.key}
      />
      {job.errorCount > job.errors.length && (
        <p className="muted">
          {t("transfer.wizard.moreErrors", {
            shown: formatNumber(job.errors.length, language),
            total: formatNumber(job.errorCount, language),
          })}
        </p>
      )}
      <div className="button-row">{again}</div>
    </>
  );
}
