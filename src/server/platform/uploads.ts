import { createReadStream } from "node:fs";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";
import { contentDisposition } from "./files.ts";

/**
 * What every upload route shares (docs/design.md: uploads are size-limited, type-checked and kept out of
 * the web root): the 415 for anything but multipart/form-data, answered before a byte of the body
 * is read, and a bound on how many uploads one process holds in memory at once.
 */

/** onRequest hook of a multipart route: 415 (problem+json, Swedish) for any other content type. */
export async function requireMultipart(request: FastifyRequest) {
  const type = request.headers["content-type"]?.toLowerCase() ?? "";
  if (!type.startsWith("multipart/form-data")) throw new AppError("unsupportedMediaType");
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
    throw new AppError("uploadsBusy", "errors.uploadsBusy", { seconds: UPLOAD_RETRY_AFTER_SECONDS });
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
    .header("content-disposition", contentDisposition(file.filename))
    .header("cache-control", "private, no-store")
    .send(data);
}

/**
 * One byte range of a file of `size` bytes from a Range header (RFC 9110 §14): `bytes=a-b`, `bytes=a-`
 * or `bytes=-n`. null when the header is absent, malformed or asks for several ranges (the whole
 * file is then sent, as the RFC allows); "unsatisfiable" when it starts past the end.
 */
export function parseByteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "unsatisfiable" | null {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/i);
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== "" && Number(match[2]) < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end };
}

/**
 * Streams a stored audio or video file so a player can seek: `Accept-Ranges: bytes`, a Range request
 * answered 206 with its `Content-Range`, one past the end 416 (problem+json with `Content-Range: bytes
 * *\/size`). Shown inline (a player plays it); read from disk in pieces, never whole into memory.
 */
export function streamStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { mimeType: string; filename: string; size: number },
  fullPath: string,
) {
  reply
    .header("accept-ranges", "bytes")
    .header("content-disposition", contentDisposition(file.filename, "inline"))
    .header("cache-control", "private, no-store");
  const range = parseByteRange(request.headers.range, file.size);
  if (range === "unsatisfiable") {
    reply.header("content-range", `bytes */${file.size}`);
    throw new AppError("rangeNotSatisfiable", "errors.rangeNotSatisfiable", { size: file.size });
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  if (range) reply.status(206).header("content-range", `bytes ${start}-${end}/${file.size}`);
  return reply
    .type(file.mimeType)
    .header("content-length", String(end - start + 1))
    .send(createReadStream(fullPath, { start, end }));
}
