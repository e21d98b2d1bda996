import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import {
  erasureImpact,
  erasureResult,
  extractQuery,
  extractRequestInput,
  personalDataExtract,
  personalDataSubject,
  processingRecord,
  processingRecordQuery,
  selfExtractQuery,
} from "../../../common/privacy.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { contentDisposition } from "../../platform/files.ts";
import { problemSchema, problems } from "../../platform/problem.ts";
import { renderExtract, renderRecord } from "./privacy.documents.ts";
import * as service from "./privacy.service.ts";

const tags = ["Personuppgifter"];
const errors = problems(401, 403, 404, 409, 422);
async function sendFile(
  reply: FastifyReply,
  file: { body: string | Buffer; contentType: string; filename: string },
  inline: boolean,
) {
  return reply
    .header("content-disposition", contentDisposition(file.filename, inline ? "inline" : "attachment"))
    .type(file.contentType)
    .send(file.body);
}

/** /api/personal-data/* and /api/admin/processing-record: GDPR art. 15, 17 and 30 (issue 20). */
export function registerPrivacyRoutes(app: FastifyInstance, { db, config }: Deps) {
  const r = typed(app);

  r.get(
    "/api/personal-data/extract",
    {
      schema: {
        tags,
        summary: "Registerutdrag för en person (e-post eller personId), som JSON, PDF eller HTML",
        querystring: extractQuery,
        response: { 200: personalDataExtract, ...errors },
      },
    },
    async (request, reply) => {
      const { format, ...subject } = request.query;
      const extract = await service.extract(db, request.actor, subject, format);
      if (format === "json") return extract;
      return sendFile(reply, await renderExtract(db, extract, format), format === "html");
    },
  );

  r.get(
    "/api/personal-data/erasure/impact",
    {
      schema: {
        tags,
        summary: "Vad en radering tar bort, anonymiserar och behåller (med regeln som behåller det)",
        querystring: personalDataSubject,
        response: { 200: erasureImpact, ...errors },
      },
    },
    async (request) => service.erasureImpact(db, request.actor, request.query),
  );

  r.post(
    "/api/personal-data/erasure",
    {
      schema: {
        tags,
        summary: "Radera eller anonymisera en persons personuppgifter (utom det arkivreglerna bevarar)",
        body: personalDataSubject,
        response: { 200: erasureResult, ...errors },
      },
    },
    async (request) => service.erase(db, request.actor, request.body),
  );

  r.get(
    "/api/admin/processing-record",
    {
      schema: {
        tags,
        summary: "Register över behandlingar (GDPR art. 30), som JSON, HTML, PDF, DOCX eller XLSX",
        querystring: processingRecordQuery,
        response: { 200: processingRecord, ...errors },
      },
    },
    async (request, reply) => {
      const record = await service.processingRecord(db, request.actor);
      const { format } = request.query;
      if (format === "json") return record;
      return sendFile(reply, await renderRecord(db, record, format), format === "html");
    },
  );

  r.post(
    "/api/personal-data/extract-request",
    {
      config: {
        public: true,
        csrf: false,
        rateLimit: { max: Math.max(30, config.loginRateLimit), timeWindow: "1 minute" },
      },
      schema: {
        tags,
        summary: "Be om ditt eget registerutdrag: en engångslänk (15 minuter) skickas till adressen",
        body: extractRequestInput,
        response: {
          202: z.object({ status: z.literal("checkYourEmail") }),
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await service.requestSelfExtract(db, request.body.email, config.publicUrl, {
        source: request.ip,
        caps: config.anonymousMail,
      });
      return reply.status(202).send({ status: "checkYourEmail" as const });
    },
  );

  r.get(
    "/api/personal-data/self-extract/:token",
    {
      config: {
        public: true,
        rateLimit: { max: Math.max(30, config.loginRateLimit), timeWindow: "1 minute" },
      },
      schema: {
        tags,
        summary: "Ditt registerutdrag via engångslänken i e-posten (HTML eller JSON)",
        params: z.object({ token: z.string().min(20).max(200) }),
        querystring: selfExtractQuery,
        response: { 200: personalDataExtract, 410: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const extract = await service.redeemSelfExtract(db, request.params.token, format);
      if (format === "json") return extract;
      return sendFile(reply, await renderExtract(db, extract, "html"), true);
    },
  );
}
