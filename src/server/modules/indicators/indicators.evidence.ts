import { randomUUID } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { cleanFileName, filesDir } from "../../platform/files.ts";

/**
 * Evidence files of manual indicator values (docs/design.md: uploads are size-limited, type-checked and
 * stored outside the web root). Files live under SAMSPEL_FILES_DIR/evidence/<uuid> (filesDir(), as
 * the README says); the database keeps the key, the original name and the checked type.
 *
 * Until this was fixed they were written to DATA_DIR/evidence/<uuid>. Those files are not moved:
 * they are read from there when the new folder does not have the key (legacyEvidenceRoot), and
 * removed from both. A move at start would have to cross file systems and race a running server;
 * the fallback costs one stat on a download of an old file and nothing else.
 */

export const MAX_EVIDENCE_BYTES = 1024 * 1024;

/** Accepted types and how their first bytes look (text has no signature but must not be binary). */
const signatures: Record<string, ((b: Buffer) => boolean) | null> = {
  "application/pdf": (b) => b.subarray(0, 4).toString("latin1") === "%PDF",
  "image/png": (b) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b) =>
    b.subarray(0, 2).toString("latin1") === "PK",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b) =>
    b.subarray(0, 2).toString("latin1") === "PK",
  "text/plain": null,
  "text/csv": null,
};

export const evidenceRoot = () => path.join(filesDir(), "evidence");
/** Where evidence was stored before it followed SAMSPEL_FILES_DIR; still read, never written. */
export const legacyEvidenceRoot = () => path.resolve(process.env.DATA_DIR ?? "./data", "evidence");

export interface StoredEvidence {
  key: string;
  name: string;
  contentType: string;
  size: number;
}

/** Checks and stores a base64 file; 422 on `evidenceFile` when it is too large or not what it says. */
export async function saveEvidence(file: {
  name: string;
  contentType: string;
  data: string;
}): Promise<StoredEvidence> {
  const contentType = file.contentType.toLowerCase().split(";")[0].trim();
  if (!(contentType in signatures)) throw fieldErrors({ evidenceFile: "validation.indicators.fileType" });
  const bytes = Buffer.from(file.data, "base64");
  if (!bytes.length) throw fieldErrors({ evidenceFile: "validation.indicators.fileType" });
  if (bytes.length > MAX_EVIDENCE_BYTES)
    throw fieldErrors({ evidenceFile: "validation.indicators.fileTooLarge" });
  const check = signatures[contentType];
  const looksRight = check ? check(bytes) : !bytes.includes(0);
  if (!looksRight) throw fieldErrors({ evidenceFile: "validation.indicators.fileType" });
  const key = randomUUID();
  await mkdir(evidenceRoot(), { recursive: true });
  await writeFile(path.join(evidenceRoot(), key), bytes, { flag: "wx" });
  return { key, name: cleanFileName(file.name), contentType, size: bytes.length };
}

/** Removes a stored file whose database row did not land, or whose value was removed. */
export async function discardEvidence(key: string) {
  checkKey(key);
  await rm(path.join(evidenceRoot(), key), { force: true });
  await rm(path.join(legacyEvidenceRoot(), key), { force: true });
}

export function openEvidence(key: string) {
  checkKey(key);
  const current = path.join(evidenceRoot(), key);
  const legacy = path.join(legacyEvidenceRoot(), key);
  if (existsSync(current)) return createReadStream(current);
  if (existsSync(legacy)) return createReadStream(legacy);
  throw notFound();
}

// Keys are UUIDs we generated; refuse anything else so no path can escape the folder.
function checkKey(key: string) {
  if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error("bad evidence key");
}
