import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { toXlsx } from "../../platform/spreadsheet-export.ts";
import { MAX_UPLOADS_IN_FLIGHT, uploadsInFlight } from "../../platform/uploads.ts";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { xlsxBomb } from "../../test/zip-bombs.ts";
import { importFile, multipart, orgNumberFor } from "./test/transfer.fixture.ts";

/**
 * Issue 11, findings 2, 7 (multipart part) and 13 (uploads part): zip bombs, the content type of
 * upload routes, and refusing an upload before its body is read.
 */
const t = await createTestApp();
const coordinator = await t.login(demo.coordinator);
const partner = await t.login(demo.partner);
const groupMember = await t.login(demo.groupMember);

const count = async (table: "organisations" | "import_jobs" | "learning_documents") =>
  Number((await queryRows<{ n: string }>(t.database.db, sql.raw(`select count(*) as n from ${table}`)))[0].n);

const mapping = {
  Namn: "name",
  Typ: "type",
  Organisationsnummer: "orgNumber",
  Kommunkod: "municipalityCode",
};
const MB = 1024 * 1024;
/** Generous: the probe saw 2.9 GB for one bomb; a guarded one costs a few MB. */
const MEMORY_BOUND = 200 * MB;

/** Runs `work` and reports how far RSS and the heap rose above where they started, at the peak. */
async function memoryGrowth<T>(work: () => Promise<T>) {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await work();
    sample();
    return { result, rss: peakRss - start.rss, heap: peakHeap - start.heapUsed };
  } finally {
    clearInterval(timer);
  }
}

const upload = (url: string, as: Session, content: Buffer, extra: { name: string; value: string }[] = []) =>
  t.request({
    method: "POST",
    url,
    as,
    ...multipart([...extra, { name: "file", file: { name: "lista.xlsx", content } }]),
  });

describe("a zip bomb sent as an XLSX import", () => {
  it("is stopped while it unpacks: a Swedish 422 on `file`, memory bounded, nothing stored", async () => {
    // 1 GB of sheet XML in a file of about 1 MB, the probe's proportions.
    const bomb = await xlsxBomb(1024);
    expect(bomb.length).toBeLessThan(1.5 * MB);
    const jobs = await count("import_jobs");
    const {
      result: res,
      rss,
      heap,
    } = await memoryGrowth(() => upload("/api/organisations/import/preview", coordinator, bomb));
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors.file).toEqual([
      "Filen blir för stor när den packas upp (mer än 64 MB). Dela upp den, eller spara den som CSV, och försök igen.",
    ]);
    expect(rss).toBeLessThan(MEMORY_BOUND);
    expect(heap).toBeLessThan(MEMORY_BOUND);
    expect(await count("import_jobs")).toBe(jobs);
  });

  it("is stopped when its headers lie about the unpacked size, on the import itself", async () => {
    const bomb = await xlsxBomb(512, { lie: true });
    const before = await count("organisations");
    const jobs = await count("import_jobs");
    const res = await upload("/api/organisations/import", coordinator, bomb, [
      { name: "mapping", value: JSON.stringify({ Namn: "name" }) },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.file[0]).toMatch(/^Filen blir för stor när den packas upp/);
    expect(await count("organisations")).toBe(before);
    expect(await count("import_jobs")).toBe(jobs);
  });

  it("three at once each get a clean answer, one after the other, within the same memory bound", async () => {
    const bombs = await Promise.all([xlsxBomb(1024), xlsxBomb(1024, { lie: true }), xlsxBomb(768)]);
    const { result, rss, heap } = await memoryGrowth(() =>
      Promise.all(bombs.map((bomb) => upload("/api/organisations/import/preview", coordinator, bomb))),
    );
    expect(result.map((r) => r.statusCode)).toEqual([422, 422, 422]);
    for (const res of result) expect(res.json().errors.file[0]).toMatch(/packas upp/);
    expect(rss).toBeLessThan(MEMORY_BOUND);
    expect(heap).toBeLessThan(MEMORY_BOUND);
  });

  it("leaves a legitimate XLSX of a thousand rows importable", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => i + 1);
    const file = await toXlsx([
      {
        name: "Organisationer",
        columns: [
          { header: "Namn", value: (i: number) => `Xlsx-företaget ${i} AB` },
          { header: "Typ", value: () => "Företag" },
          { header: "Organisationsnummer", value: (i: number) => orgNumberFor(5000 + i) },
          { header: "Kommunkod", value: (i: number) => (i % 2 ? "0382" : "2280") },
        ],
        rows,
      },
    ]);
    const before = await count("organisations");
    const job = await importFile(
      t,
      coordinator,
      "organisations",
      { name: "orgs.xlsx", content: file },
      mapping,
    );
    expect(job).toMatchObject({ status: "done", total: 1000, createdCount: 1000, errors: [] });
    expect(await count("organisations")).toBe(before + 1000);
  }, 180_000);
});

describe("the content type of upload routes", () => {
  it("answers 415 problem+json in Swedish to JSON on every multipart route", async () => {
    const spec = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
    // A route that takes a file says so in its summary or description ("multipart/form-data: …").
    const routes: { method: string; path: string }[] = [];
    for (const [path, operations] of Object.entries(spec.paths as Record<string, Record<string, any>>))
      for (const [method, operation] of Object.entries(operations))
        if (/multipart/i.test(`${operation.summary} ${operation.description}`)) routes.push({ method, path });
    const registers = ["organisations", "people", "programmes", "courses", "activities"];
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        ...registers.flatMap((r) => [`post /api/${r}/import`, `post /api/${r}/import/preview`]),
        "post /api/agreements/{id}/plans",
        "post /api/ideas/{id}/documents",
        "post /api/learning/spaces/{id}/documents",
        "post /api/learning/spaces/{id}/documents/{documentId}/versions",
        "post /api/learning/spaces/{id}/recordings",
        "put /api/news/{id}/image",
      ].sort(),
    );
    const id = "00000000-0000-4000-8000-000000000000";
    for (const route of routes) {
      const url = route.path.replace(/\{[^}]+\}/g, id);
      const res = await t.request({
        method: route.method.toUpperCase() as "POST",
        url,
        as: coordinator,
        payload: { file: "UEsDBA==", title: "JSON" },
      });
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(415);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({
        status: 415,
        code: "unsupportedMediaType",
        detail:
          "Fel innehållstyp. Filer skickas som multipart/form-data (ett formulär med en fil), inte som JSON.",
      });
    }
  });
});

/** A real HTTP upload whose body is announced but not (yet) sent: the answer must not wait for it. */
async function announcedUpload(url: string, as: Session, size: number) {
  await t.app.listen({ port: 0, host: "127.0.0.1" }).catch(() => undefined);
  const { port } = t.app.server.address() as AddressInfo;
  const boundary = "----samspelprobe";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stor.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const req = httpRequest({
    host: "127.0.0.1",
    port,
    path: url,
    method: "POST",
    headers: {
      cookie: as.cookie,
      "x-csrf-token": as.csrfToken,
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": String(size),
    },
  });
  req.on("error", () => undefined);
  // The head of the form and 64 kB of a body announced as `size`; the rest is never sent.
  req.write(head);
  req.write(Buffer.alloc(64 * 1024, "a"));
  const answer = new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve) =>
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }),
  );
  return { answer, abort: () => req.destroy() };
}

describe("refusing an upload before its body is read", () => {
  it("answers a partner's 10 MB import with 403 without waiting for the body, and stores nothing", async () => {
    const before = await count("organisations");
    const jobs = await count("import_jobs");
    for (const who of [partner, groupMember]) {
      const upload = await announcedUpload("/api/organisations/import", who, 10 * MB);
      const res = await upload.answer;
      upload.abort();
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).detail).toBe("Du har inte behörighet att göra detta.");
    }
    expect(await count("organisations")).toBe(before);
    expect(await count("import_jobs")).toBe(jobs);
  });

  it("answers 404 to an upload into a learning space the sender is not in, before the body", async () => {
    const docs = await count("learning_documents");
    const upload = await announcedUpload(
      "/api/learning/spaces/00000000-0000-4000-8000-000000000000/documents",
      partner,
      15 * MB,
    );
    const res = await upload.answer;
    upload.abort();
    expect(res.status).toBe(404);
    expect(await count("learning_documents")).toBe(docs);
  });

  it(`holds at most ${MAX_UPLOADS_IN_FLIGHT} uploads at once; the next one gets 503 with Retry-After`, async () => {
    const slow = await Promise.all(
      Array.from({ length: MAX_UPLOADS_IN_FLIGHT }, () =>
        announcedUpload("/api/organisations/import/preview", coordinator, 5 * MB),
      ),
    );
    const small = Buffer.from("Namn\nEtt AB\n");
    try {
      // The slow uploads are admitted as the server gets to them, and then wait for their bodies.
      for (let i = 0; i < 400 && uploadsInFlight() < MAX_UPLOADS_IN_FLIGHT; i++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      const busy = await upload("/api/organisations/import/preview", coordinator, small);
      expect(busy.statusCode).toBe(503);
      expect(busy.headers["retry-after"]).toBe("10");
      expect(busy.headers["content-type"]).toContain("application/problem+json");
      expect(busy.json().detail).toBe(
        "Servern tar emot många filer just nu. Vänta 10 sekunder och försök igen.",
      );
    } finally {
      for (const s of slow) s.abort();
    }
    // Once the senders give up, their places are free again.
    for (let i = 0; i < 400 && uploadsInFlight() > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    const after = (await upload("/api/organisations/import/preview", coordinator, small)).statusCode;
    expect(after).toBe(200);
  });
});
