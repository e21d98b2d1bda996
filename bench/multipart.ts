import { luhnValid } from "../src/common/organisations.ts";

/**
 * The bench's request helpers, the same as the transfer tests' (transfer-test-helpers.ts): the bench
 * reaches the transfer module through its routes and door only, not through its test files.
 */

/** A multipart/form-data body as a browser sends it: text fields and one file. */
export function multipart(
  parts: { name: string; value?: string; file?: { name: string; content: Buffer | string } }[],
) {
  const boundary = `----samspel${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if (part.file) {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
      );
      chunks.push(Buffer.isBuffer(part.file.content) ? part.file.content : Buffer.from(part.file.content));
    } else {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value ?? ""}`),
      );
    }
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** The n-th valid organisation number of a made-up series (digits 3–4 = 60, Luhn check digit). */
export function orgNumberFor(n: number): string {
  const body = `5560${String(n).padStart(5, "0")}`;
  for (let check = 0; check < 10; check++)
    if (luhnValid(`${body}${check}`)) return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
  throw new Error("unreachable");
}
