import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  documentTypes,
  maxDocumentBytes,
  maxRecordingBytes,
  recordingTypes,
} from "../../../common/learning.ts";
import { AppError, fieldErrors } from "../../platform/errors.ts";
import { cleanFileName, filesDir } from "../../platform/files.ts";

/**
 * Uploaded documents live under filesDir()/learning (platform/files.ts), never in the web root, named
 * by a random key — the uploader's file name is only metadata. Types are checked by extension AND content.
 */
const startsWith = (data: Buffer, bytes: number[]) => bytes.every((b, i) => data[i] === b);

/** Does the content look like what the extension says? */
function contentMatches(ext: string, data: Buffer): boolean {
  if (ext === "mp3")
    return (
      data.subarray(0, 3).toString("latin1") === "ID3" || (data[0] === 0xff && (data[1] & 0xe0) === 0xe0)
    );
  if (ext === "mp4" || ext === "m4a") return data.subarray(4, 8).toString("latin1") === "ftyp";
  if (ext === "ogg" || ext === "oga") return data.subarray(0, 4).toString("latin1") === "OggS";
  if (ext === "webm") return startsWith(data, [0x1a, 0x45, 0xdf, 0xa3]);
  if (ext === "pdf") return data.subarray(0, 5).toString("latin1") === "%PDF-";
  if (["docx", "xlsx", "pptx", "odt", "ods", "odp"].includes(ext))
    return startsWith(data, [0x50, 0x4b, 0x03, 0x04]);
  if (ext === "png") return startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (ext === "jpg" || ext === "jpeg") return startsWith(data, [0xff, 0xd8, 0xff]);
  // Text: valid UTF-8 without NUL bytes.
  if (data.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

export interface StoredFile {
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/** What a document may be, and what a recorded lecture may be (audio or video, a larger limit). */
export type UploadKind = "document" | "recording";
const kinds = {
  document: { types: documentTypes, maxBytes: maxDocumentBytes, typeError: "validation.learning.fileType" },
  recording: {
    types: recordingTypes,
    maxBytes: maxRecordingBytes,
    typeError: "validation.learning.recordingType",
  },
} as const;

/** Checks and stores an upload; 422 on the `file` field for a wrong type, 413 when too large. */
export async function storeFile(
  folder: string,
  filename: string,
  data: Buffer,
  kind: UploadKind = "document",
): Promise<StoredFile> {
  const rules = kinds[kind];
  // Control characters never belong in a file name (header injection in Content-Disposition).
  const clean = cleanFileName(filename);
  const ext = clean.includes(".") ? clean.split(".").pop()!.toLowerCase() : "";
  const mimeType = rules.types[ext];
  if (!mimeType) throw fieldErrors({ file: rules.typeError });
  if (data.length === 0) throw fieldErrors({ file: "validation.learning.fileEmpty" });
  if (data.length > rules.maxBytes) throw new AppError("payloadTooLarge");
  if (!contentMatches(ext, data)) throw fieldErrors({ file: "validation.learning.fileContent" });
  const storageKey = path.posix.join(folder, randomUUID());
  const target = path.join(filesDir(), storageKey);
  await mkdir(path.dirname(target), { recursive: true });
  // Write then rename: a crash never leaves a half-written file under the final name.
  await writeFile(`${target}.part`, data);
  await rename(`${target}.part`, target);
  return {
    filename: clean,
    mimeType,
    size: data.length,
    sha256: createHash("sha256").update(data).digest("hex"),
    storageKey,
  };
}

/** The stored file's path under filesDir(); 404 for a key that would leave it. */
export function storedFilePath(storageKey: string): string {
  const root = filesDir();
  const full = path.resolve(root, storageKey);
  if (!full.startsWith(path.resolve(root) + path.sep)) throw new AppError("notFound");
  return full;
}

export async function readStoredFile(storageKey: string): Promise<Buffer> {
  return readFile(storedFilePath(storageKey));
}
