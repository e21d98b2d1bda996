import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  annualReportQuery,
  followUpReportQuery,
  progressReportQuery,
  type ReportDocument,
  type ReportFormat,
  reportDocument,
} from "../../../common/reports.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { contentDisposition } from "../../platform/files.ts";
import { requestLocale } from "../../platform/i18n.ts";
import { problemSchema } from "../../platform/problem.ts";
import * as reports from "./reports.service.ts";

const tags = ["Rapporter"];
const errors = {
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  422: problemSchema,
  /** PDF: no browser to print with on the server (README: Chromium, SAMSPEL_CHROMIUM). */
  503: problemSchema,
};
const formats = "format=html (standard), pdf, docx, xlsx eller json";

/**
 * Sends the document as JSON (for the web) or as a file; HTML is shown inline, the rest downloaded,
 * under the report's title with its å/ä/ö (RFC 6266 `filename*`).
 */
async function send(reply: FastifyReply, doc: ReportDocument, format: ReportFormat, log: FastifyBaseLogger) {
  if (format === "json") return reply.send(doc);
  const file = await reports.render(doc, format, log);
  const disposition = format === "html" ? "inline" : "attachment";
  return reply
    .header("content-disposition", contentDisposition(file.filename, disposition))
    .header("x-content-hash", doc.hash)
    .type(file.contentType)
    .send(file.body);
}

const langOf = (request: FastifyRequest, lang?: "sv" | "en") => lang ?? requestLocale(request);

/** /api/reports/*: reports generated from data, as a page, PDF, DOCX, XLSX or JSON. */
export function registerReportRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/reports/annual",
    {
      schema: {
        tags,
        summary: `Verksamhetsberättelse för en organisation och ett år (${formats})`,
        querystring: annualReportQuery,
        response: { 200: reportDocument, ...errors },
      },
    },
    async (request, reply) => {
      const { organisationId, year, format, lang } = request.query;
      const doc = await reports.annualReport(db, request.actor, organisationId, year, langOf(request, lang));
      return send(reply, doc, format, request.log);
    },
  );

  r.get(
    "/api/reports/progress",
    {
      schema: {
        tags,
        summary: `Lägesrapport för ett projekt och en period (${formats})`,
        querystring: progressReportQuery,
        response: { 200: reportDocument, ...errors },
      },
    },
    async (request, reply) => {
      const { format, lang, ...query } = request.query;
      return send(
        reply,
        await reports.progressReport(db, request.actor, query, langOf(request, lang)),
        format,
        request.log,
      );
    },
  );

  r.get(
    "/api/reports/follow-up",
    {
      schema: {
        tags,
        summary: `Uppföljning av en avtalsperiod, hållen som ett projektprogram: projekt och resultat per typ (${formats})`,
        querystring: followUpReportQuery,
        response: { 200: reportDocument, ...errors },
      },
    },
    async (request, reply) => {
      const { projectId, format, lang } = request.query;
      return send(
        reply,
        await reports.followUpReport(db, request.actor, projectId, langOf(request, lang)),
        format,
        request.log,
      );
    },
  );
}
