import type { TFunction } from "i18next";
import type {
  ImportErrorView,
  ImportJobView,
  ImportStatus,
  TransferRegister,
} from "../../../common/transfer.ts";
import type { importJobs, StoredImportError } from "./transfer.schema.ts";

type JobRow = typeof importJobs.$inferSelect;

/** A job as the API shows it, its errors translated into the reader's language. */
export function presentImportJob(job: JobRow, t: TFunction): ImportJobView {
  return {
    id: job.id,
    register: job.register as TransferRegister,
    status: job.status as ImportStatus,
    fileName: job.fileName,
    total: job.total,
    processed: job.processed,
    createdCount: job.createdCount,
    errorCount: job.errorCount,
    errors: job.errors.map((e) => presentImportError(e, t)),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}

/** Params ending in `Key` are i18n keys themselves (a field's label): translated and passed without it. */
export function presentImportError(e: StoredImportError, t: TFunction): ImportErrorView {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(e.params ?? {})) {
    if (name.endsWith("Key") && typeof value === "string") params[name.slice(0, -3)] = t(value);
    else params[name] = value;
  }
  return { row: e.row, field: e.field, column: e.column, message: t(e.key, params) };
}
