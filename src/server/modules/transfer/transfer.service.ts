import { and, eq } from "drizzle-orm";
import type { TFunction } from "i18next";
import type { Locale } from "../../../common/format.ts";
import {
  type ImportMapping,
  type ImportPreviewView,
  importLimits,
  importMapping,
  type TransferRegister,
} from "../../../common/transfer.ts";
import type { Db } from "../../db/client.ts";
import { type Actor, isAdmin, requireActor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { readJob } from "../../platform/jobs.ts";
import type { Sheet } from "../../platform/spreadsheet-export.ts";
import {
  cellToText,
  type ImportLimits,
  type ParsedSheet,
  parseSpreadsheet,
} from "../../platform/spreadsheet-import.ts";
import { liveProgress, nudgeImports, queueImport } from "./import.runner.ts";
import { suggestMapping } from "./import.validate.ts";
import { transferRegistry } from "./registers/index.ts";
import { transferPolicy } from "./transfer.policy.ts";
import { importJobs } from "./transfer.schema.ts";

export const uploadLimits: ImportLimits = {
  maxBytes: importLimits.maxMegabytes * 1024 * 1024,
  maxRows: importLimits.maxRows,
};

export interface UploadedFile {
  fileName: string;
  buffer: Buffer;
}

/** Reads an upload; empty headings become "Kolumn C" and repeated ones "Namn (2)", so each is a key. */
export async function readUpload(
  file: UploadedFile,
  t: TFunction,
  limits = uploadLimits,
): Promise<ParsedSheet> {
  const sheet = await parseSpreadsheet(file.buffer, limits);
  const seen = new Map<string, number>();
  sheet.headers = sheet.headers.map((header, i) => {
    const base = header.trim() || t("transfer.columnLetter", { letter: columnLetter(i) });
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
  return sheet;
}

function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What the mapping step shows: headings, the suggested mapping, the register's fields and a few rows. */
export async function previewImport(
  actor: Actor | null,
  registerKey: TransferRegister,
  file: UploadedFile,
  t: TFunction,
): Promise<ImportPreviewView> {
  requireActor(actor);
  authorize(actor, transferPolicy, "import", null);
  const register = transferRegistry[registerKey];
  const sheet = await readUpload(file, t);
  return {
    fileName: file.fileName,
    format: sheet.format,
    headers: sheet.headers,
    mapping: suggestMapping(register, sheet.headers, (key) => t(key)),
    fields: register.fields.map((f) => ({
      key: f.key,
      label: t(f.label),
      required: !!f.required,
      ...(f.hint ? { hint: t(f.hint) } : {}),
    })),
    sampleRows: sheet.rows
      .slice(0, 5)
      .map((r) => sheet.headers.map((_, i) => cellToText(r.cells[i] ?? null))),
    rowCount: sheet.rows.length,
  };
}

/** Parses the mapping field of the upload form (JSON); a bad one is a 422 on `mapping`. */
export function parseMapping(text: string | undefined, headers: string[], fields: string[]): ImportMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? "");
  } catch {
    throw new AppError(
      "validation",
      "errors.validation",
      {},
      { mapping: [{ key: "transfer.errors.mappingInvalid" }] },
    );
  }
  const result = importMapping.safeParse(parsed);
  const known = new Set(fields);
  if (!result.success || Object.values(result.data).some((v) => v !== null && !known.has(v)))
    throw new AppError(
      "validation",
      "errors.validation",
      {},
      { mapping: [{ key: "transfer.errors.mappingInvalid" }] },
    );
  const unknownHeader = Object.keys(result.data).find((h) => !headers.includes(h));
  if (unknownHeader)
    throw new AppError(
      "validation",
      "errors.validation",
      {},
      {
        mapping: [{ key: "transfer.errors.mappingHeader", params: { header: unknownHeader } }],
      },
    );
  return result.data;
}

/**
 * Creates the job and queues it (import.runner.ts); this process starts it at once, and if it dies
 * another one takes it over. The caller polls GET /api/imports/{id}, answered by any process.
 */
export async function startImport(
  db: Db,
  actor: Actor | null,
  registerKey: TransferRegister,
  file: UploadedFile,
  mappingText: string | undefined,
  t: TFunction,
  limits = uploadLimits,
) {
  requireActor(actor);
  authorize(actor, transferPolicy, "import", null);
  const register = transferRegistry[registerKey];
  const sheet = await readUpload(file, t, limits);
  const mapping = parseMapping(
    mappingText,
    sheet.headers,
    register.fields.map((f) => f.key),
  );
  if (!Object.values(mapping).some(Boolean)) throw fieldErrors({ mapping: "transfer.errors.nothingMapped" });
  // The job and its queue entry in one transaction: an acknowledged import is never lost.
  const job = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(importJobs)
      .values({
        register: registerKey,
        fileName: file.fileName.slice(0, 200),
        mapping,
        total: sheet.rows.length,
        actorId: actor.userId,
      })
      .returning();
    await queueImport(tx, {
      jobId: created.id,
      fileName: created.fileName,
      register,
      registerKey,
      sheet,
      mapping,
      actor,
    });
    return created;
  });
  nudgeImports(db);
  return job;
}

/** A job for the user who started it (and administrators); the running process's live progress if it is this one. */
export async function getImportJob(db: Db, actor: Actor | null, id: string) {
  requireActor(actor);
  authorize(actor, transferPolicy, "readJob", null);
  const where = isAdmin(actor)
    ? eq(importJobs.id, id)
    : and(eq(importJobs.id, id), eq(importJobs.actorId, actor.userId));
  const [job] = await db.select().from(importJobs).where(where);
  if (!job) throw notFound();
  const unfinished = job.status !== "done" && job.status !== "failed";
  const live = liveProgress(id);
  // The row is the truth once it says the job ended (the live figure may lag its end by a moment).
  if (live && unfinished) return { ...job, ...live };
  // An import started before imports were queued (an upgrade) has no queue entry: nobody will finish it.
  if (unfinished && Date.now() - job.createdAt.getTime() > STALE_AFTER_MS && !(await readJob(db, id)))
    return {
      ...job,
      status: "failed",
      errors: [{ row: null, field: null, column: null, key: "transfer.errors.interrupted" }],
      errorCount: 1,
    };
  return job;
}

/** An unfinished import this old without a queue entry was cut off by the upgrade (nothing was written). */
const STALE_AFTER_MS = 30 * 60_000;

/** Every row of the register's list under the given filters, as one sheet. */
export async function exportSheet(
  db: Db,
  actor: Actor | null,
  registerKey: TransferRegister,
  filters: Record<string, unknown>,
  t: TFunction,
  locale: Locale,
): Promise<Sheet<unknown>> {
  requireActor(actor);
  authorize(actor, transferPolicy, "export", null);
  const register = transferRegistry[registerKey];
  const rows: unknown[] = [];
  let cursor: string | undefined;
  do {
    const result = await register.export.page(db, actor, filters, cursor);
    rows.push(...result.items);
    if (rows.length > importLimits.maxRows)
      throw new AppError("validation", "transfer.errors.exportTooLarge", { max: importLimits.maxRows });
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  return { name: t(register.sheetName), columns: register.export.columns(t, locale), rows };
}

/** The register's columns with Swedish headings, one example row, and a sheet that explains them. */
export function templateSheets(
  actor: Actor | null,
  registerKey: TransferRegister,
  t: TFunction,
): Sheet<any>[] {
  authorize(actor, transferPolicy, "export", null);
  const register = transferRegistry[registerKey];
  const fields = register.fields;
  const data: Sheet<unknown> = {
    name: t(register.sheetName),
    columns: fields.map((f, i) => ({ header: t(f.label), value: () => fields[i].example, width: 24 })),
    rows: [{}],
  };
  const help: Sheet<(typeof fields)[number]> = {
    name: t("transfer.template.instructions"),
    columns: [
      { header: t("transfer.template.column"), value: (f) => t(f.label), width: 28 },
      {
        header: t("transfer.template.required"),
        value: (f) => (f.required ? t("common.yes") : t("common.no")),
        width: 12,
      },
      { header: t("transfer.template.howToFill"), value: (f) => (f.hint ? t(f.hint) : ""), width: 80 },
    ],
    rows: fields,
  };
  return [data, help];
}
