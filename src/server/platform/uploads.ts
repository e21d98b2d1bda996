import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";

/**
 * What every upload route shares (docs/design.md: uploads are size-limited, type-checked and kept out of
 * the web root): the 415 for anything but multipart/form-data, answered before a byte of the body
 * is read, and a bound on how many uploads one process holds in memory at once.
 */

/** onRequest hook of a multipart route: 415 (problem+json, Swedish) for any other content type. */
export async function requireMultipart(request: FastifyRequest) {
  const type = request.headers["content-type"]?.toLowerCase() ?? "";
  if (!type.startsWith("multipart/form-data"))
    throw new AppError("unsupportedMediaType", "errors.unsupportedMediaType", {}, undefined, 415);
}

/** Uploads one process holds at once (each up to the route's size limit); past it, 503. */
export const MAX_UPLOADS_IN_FLIGHT = 4;
export const UPLOAD_RETRY_AFTER_SECONDS = 10;
let inFlight = 0;
/** How many uploads this process holds right now (for the tests that fill it up). */
export const uploadsInFlight = () => inFlight;

/**
 * Admits an upload before its body is read, or answers 503 with `Retry-After` when this process
 * already holds MAX_UPLOADS_IN_FLIGHT. The admitted upload is released when `work` settles.
 */
export async function withUploadSlot<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  if (inFlight >= MAX_UPLOADS_IN_FLIGHT) {
    reply.header("retry-after", String(UPLOAD_RETRY_AFTER_SECONDS));
    throw new AppError(
      "uploadsBusy",
      "errors.uploadsBusy",
      { seconds: UPLOAD_RETRY_AFTER_SECONDS },
      undefined,
      503,
    );
  }
  inFlight++;
  try {
    return await work();
  } finally {
    inFlight--;
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` when every earlier one has finished: parsing an uploaded file (unpacking, building a
 * workbook) happens one at a time per process, so its memory is that of one file, not of many.
 */
export function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Sends a stored upload back as the file it was (agreement plans, idea documents, learning documents):
 * its own type and name (RFC 6266 `filename*`, so å, ä and ö survive), never cached by a shared cache.
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: { mimeType: string; filename: string },
  data: Buffer | Uint8Array,
) {
  return reply
    .type(file.mimeType)
    .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header("cache-control", "private, no-store")
    .send(data);
}
