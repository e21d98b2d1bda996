import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "./errors.ts";
import { requestLocale, translator } from "./i18n.ts";
import { zodFieldErrors } from "./validation.ts";

/** The wire shape of every error (RFC 9457), also used in the OpenAPI document. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.record(z.string(), z.array(z.string())).optional(),
    /** 412: who last changed the record since the client's version, when (ISO), and which fields. */
    changes: z.object({ at: z.string(), by: z.string(), fields: z.array(z.string()) }).optional(),
  })
  .meta({ id: "Problem" });

/** A route schema's problem responses: `problems(401, 403, 404)` is `{ 401: problemSchema, 403: …, 404: … }`. */
export function problems<const C extends number>(...codes: C[]): Record<C, typeof problemSchema> {
  return Object.fromEntries(codes.map((code) => [code, problemSchema])) as Record<C, typeof problemSchema>;
}
export type Problem = z.infer<typeof problemSchema>;

/** The problem answers of an authorised route with params and a body, for its OpenAPI response map. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  422: problemSchema,
};

/** `status` only for Fastify's own 4xx refusals, which keep their status under the code `badRequest`. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  status: number = error.status,
) {
  const t = translator(requestLocale(request));
  const body: Problem = {
    type: `/problems/${error.code}`,
    title: t(`errors.${error.code}`, { ...error.params, defaultValue: error.code }),
    status,
    code: error.code,
    detail: t(error.detailKey, error.params),
    instance: request.url.split("?")[0],
  };
  if (error.params.changes) body.changes = error.params.changes as Problem["changes"];
  if (error.fieldErrors) {
    body.errors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, list]) => [field, list.map((e) => t(e.key, e.params))]),
    );
  }
  return reply.status(status).type("application/problem+json; charset=utf-8").send(body);
}

/** PostgreSQL class 22 (data exception), raised directly or wrapped by Drizzle. */
function isDataException(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === "string" && /^22[0-9A-Z]{3}$/.test(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Fastify's own refusals before any route runs (a malformed URL, a path parameter over the length
 * limit), given as `frameworkErrors` to Fastify: problem+json in the user's language like every error.
 */
export function frameworkErrors(_error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(request, reply, new AppError("badRequest"));
}

/** Maps every thrown thing to problem+json; unknown errors are logged and never leak internals. */
export function registerProblemHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return sendProblem(request, reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((issue) => ({
        ...issue.params,
        code: issue.keyword,
        message: issue.message,
        path: issue.instancePath.split("/").filter((part) => part !== ""),
      }));
      return sendProblem(
        request,
        reply,
        new AppError("validation", "errors.validation", {}, zodFieldErrors(issues)),
      );
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, "response does not match its schema");
      return sendProblem(request, reply, new AppError("internal"));
    }
    if (isDataException(err)) {
      // The database refused a value (a number out of range, a date that does not exist): the input
      // did not fit, whichever route let it through, so the answer is a 422, never a 500.
      request.log.warn({ err }, "input refused by the database");
      return sendProblem(request, reply, new AppError("validation", "errors.valueOutOfRange"));
    }
    if (err.statusCode === 429) return sendProblem(request, reply, new AppError("rateLimited"));
    if (err.statusCode === 413 || err.code === "FST_REQ_FILE_TOO_LARGE")
      return sendProblem(request, reply, new AppError("payloadTooLarge"));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return sendProblem(request, reply, new AppError("badRequest"), err.statusCode);
    request.log.error({ err }, "unhandled error");
    return sendProblem(request, reply, new AppError("internal"));
  });
}
