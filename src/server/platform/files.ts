import path from "node:path";

/**
 * Where uploaded files live: SAMSPEL_FILES_DIR, or DATA_DIR/files (README: configuration). Never in
 * the web root; each module keeps a folder of its own under it (learning/, evidence/), and files are
 * named by keys the server generates — the uploader's file name is only metadata.
 */
export function filesDir(): string {
  return process.env.SAMSPEL_FILES_DIR ?? path.join(path.resolve(process.env.DATA_DIR ?? "./data"), "files");
}

/** A file name fit for metadata and Content-Disposition: no folders, no control characters, ≤ 200. */
export function cleanFileName(name: string, fallback = "fil"): string {
  return (
    [...path.basename(name.replaceAll("\\", "/"))]
      .filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127)
      .join("")
      .trim()
      .slice(0, 200) || fallback
  );
}
