import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  formatQuery,
  importJobView,
  importLimits,
  importPreviewView,
  type TransferRegister,
  transferRegisters,
} from "../../../common/transfer.ts";
import { idParams } from "../../../common/validation.ts";
import { authorize } from "../../platform/authorize.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { requestLocale, translator } from "../../platform/i18n.ts";
import { problemSchema } from "../../platform/problem.ts";
import { sendSpreadsheet } from "../../platform/spreadsheet-export.ts";
import { fileError } from "../../platform/spreadsheet-import.ts";
import { requireMultipart, withUploadSlot } from "../../platform/uploads.ts";
import { importsSettled, startImportWorker } from "./import.runner.ts";
import { transferRegistry } from "./registers/index.ts";
import { transferPolicy } from "./transfer.policy.ts";
import { presentImportJob } from "./transfer.presenter.ts";
import {
  exportSheet,
  getImportJob,
  previewImport,
  startImport,
  templateSheets,
  type UploadedFile,
  uploadLimits,
} from "./transfer.service.ts";

const tags = ["Import och export"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const uploadErrors = { ...errors, 413: problemSchema, 415: problemSchema, 503: problemSchema };
const fileResponse = z.any().meta({ description: "XLSX- eller CSV-fil" });
const multipartNote = `multipart/form-data: \`file\` (XLSX eller CSV, högst ${importLimits.maxMegabytes} MB och ${importLimits.maxRows} rader)`;

/**
 * Import, export and templates for every register: `/api/{register}/import/preview`,
 * `/api/{register}/import`, `/api/{register}/import/template`, `/api/{register}/export`, and the
 * progress of an import at `/api/imports/{id}`. Multipart parsing is registered only in this scope.
 */
export function registerTransferRoutes(app: FastifyInstance, deps: Deps) {
  // Every process runs a worker of the durable queue: it starts imports and takes over those of dead processes.
  app.addHook("onReady", async () => startImportWorker(deps.db));
  app.addHook("onClose", async () => importsSettled(deps.db));
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: uploadLimits.maxBytes, files: 1, fields: 5, fieldSize: 256 * 1024, parts: 8 },
    });
    for (const register of transferRegisters) registerRoutesOf(scope, deps, register);
    importProgressRoute(scope, deps);
  });
}

function registerRoutesOf(app: FastifyInstance, { db }: Deps, register: TransferRegister) {
  const r = typed(app);
  const definition = transferRegistry[register];
  const base = `/api/${register}`;

  r.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: `Exportera ${definition.fileBase} (XLSX eller CSV) med listans filter`,
        querystring: (definition.export.query as unknown as z.ZodObject).extend(formatQuery.shape),
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"],
        response: { 200: fileResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query as { format: "xlsx" | "csv" } & Record<string, unknown>;
      const locale = requestLocale(request);
      const t = translator(locale);
      const sheet = await exportSheet(db, request.actor, register, filters, t, locale);
      return sendSpreadsheet(reply, format, `${definition.fileBase}-${today()}`, [sheet]);
    },
  );

  r.get(
    `${base}/import/template`,
    {
      schema: {
        tags,
        summary: `Mall för import av ${definition.fileBase}`,
        querystring: formatQuery,
        response: { 200: fileResponse, ...errors },
      },
    },
    async (request, reply) => {
      const t = translator(requestLocale(request));
      const name = `${definition.fileBase}-${t("transfer.template.fileSuffix")}`;
      return sendSpreadsheet(reply, request.query.format, name, templateSheets(request.actor, register, t));
    },
  );

  r.post(
    `${base}/import/preview`,
    {
      schema: {
        tags,
        summary: `Förhandsgranska en fil att importera till ${definition.fileBase}`,
        description: `${multipartNote}. Svarar med rubriker, föreslagen kolumnmappning och de första raderna.`,
        consumes: ["multipart/form-data"],
        response: { 200: importPreviewView, ...uploadErrors },
      },
      onRequest: beforeTheBody,
    },
    async (request, reply) =>
      withUploadSlot(reply, async () => {
        const { file } = await readForm(request);
        return previewImport(request.actor, register, file, translator(requestLocale(request)));
      }),
  );

  r.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary: `Importera ${definition.fileBase}`,
        description: `${multipartNote} och \`mapping\` (JSON: rubrik → fält eller null). Startar ett importjobb: alla rader kontrolleras, och bara om alla är giltiga skrivs de, i en transaktion.`,
        consumes: ["multipart/form-data"],
        response: { 202: importJobView, ...uploadErrors },
      },
      onRequest: beforeTheBody,
    },
    async (request, reply) => {
      const t = translator(requestLocale(request));
      const job = await withUploadSlot(reply, async () => {
        const { file, fields } = await readForm(request);
        return startImport(db, request.actor, register, file, fields.mapping, t);
      });
      return reply.status(202).header("location", `/api/imports/${job.id}`).send(presentImportJob(job, t));
    },
  );
}

function importProgressRoute(app: FastifyInstance, { db }: Deps) {
  typed(app).get(
    "/api/imports/:id",
    {
      schema: {
        tags,
        summary: "Ett importjobbs förlopp och fel",
        params: idParams,
        response: { 200: importJobView, ...errors },
      },
    },
    async (request) => {
      const job = await getImportJob(db, request.actor, request.params.id);
      return presentImportJob(job, translator(requestLocale(request)));
    },
  );
}

/**
 * Checked at onRequest, before a byte of the upload is read (the session and its CSRF token are
 * checked before that, in session-hooks.ts): only importers (403 otherwise), only multipart (415).
 */
const beforeTheBody = [
  async (request: FastifyRequest) => {
    authorize(request.actor, transferPolicy, "import", null);
  },
  requireMultipart,
];

/** The upload form: one file and text fields. A too large file is a 413 that says the limit. */
async function readForm(
  request: FastifyRequest,
): Promise<{ file: UploadedFile; fields: Record<string, string> }> {
  let file: UploadedFile | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") file = { fileName: part.filename || "fil", buffer: await part.toBuffer() };
      else if (typeof part.value === "string") fields[part.fieldname] = part.value;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE" || code === "FST_PARTS_LIMIT" || code === "FST_FILES_LIMIT")
      throw new AppError("payloadTooLarge", "transfer.errors.fileTooLarge", {
        maxMb: importLimits.maxMegabytes,
      });
    throw error;
  }
  if (!file) throw fileError("transfer.errors.noFile");
  return { file, fields };
}

/** Today in Sweden, for file names. */
function today() {
  return new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
}
