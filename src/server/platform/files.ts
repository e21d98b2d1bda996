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

/**
 * The Content-Disposition of every download (RFC 6266): a plain-ASCII `filename` for old clients and
 * the real name, å/ä/ö included, as `filename*=UTF-8''…` (RFC 8187 percent-encoding). The one place
 * that writes the header: `reply.header("content-disposition", contentDisposition(name))`.
 */
export function contentDisposition(
  name: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
  const clean = cleanFileName(name);
  const ascii =
    clean
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]/g, "_")
      .replace(/["\\]/g, "_") || "fil";
  // RFC 8187 attr-char: letters, digits and !#$&+-.^_`|~; everything else percent-encoded.
  const encoded = encodeURIComponent(clean).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A title as a file name that keeps its letters: "Årsrapport 2010: SK" → "Årsrapport-2010-SK". */
export function fileNameOf(title: string): string {
  return title.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "") || "fil";
}
