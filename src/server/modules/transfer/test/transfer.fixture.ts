import { expect } from "vitest";
import { luhnValid } from "../../../../common/organisations.ts";
import type { ImportJobView } from "../../../../common/transfer.ts";
import type { Session, TestApp } from "../../../test/harness.ts";

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

/** Uploads a file for import with a mapping and waits until the job has finished. */
export async function importFile(
  t: TestApp,
  as: Session,
  register: string,
  file: { name: string; content: Buffer | string },
  mapping: Record<string, string | null>,
): Promise<ImportJobView> {
  const form = multipart([
    { name: "mapping", value: JSON.stringify(mapping) },
    { name: "file", file },
  ]);
  const res = await t.request({ method: "POST", url: `/api/${register}/import`, as, ...form });
  expect(res.statusCode, res.body).toBe(202);
  expect(res.headers.location).toBe(`/api/imports/${res.json().id}`);
  return waitForJob(t, as, res.json().id);
}

export async function waitForJob(t: TestApp, as: Session, id: string): Promise<ImportJobView> {
  for (let i = 0; i < 1200; i++) {
    const res = await t.request({ method: "GET", url: `/api/imports/${id}`, as });
    expect(res.statusCode).toBe(200);
    const job = res.json() as ImportJobView;
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the import did not finish");
}
