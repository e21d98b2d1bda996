import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { maxRecordingBytes } from "../../../common/learning.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { multipart } from "../transfer/test/transfer.fixture.ts";

// Uploaded files go to a directory of this test file only.
const filesDir = mkdtempSync(path.join(tmpdir(), "samspel-recordings-"));
process.env.SAMSPEL_FILES_DIR = filesDir;
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

const t = await createTestApp();
const coordinator = await t.login(demo.coordinator);
const director = await t.login(demo.programmeDirector);
const missing = "00000000-0000-4000-8000-000000000001";

/** A small MP4: the `ftyp` box a player looks for, then bytes 0..255 repeated (so ranges are checkable). */
const video = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from("ftypisom"),
  Buffer.alloc(12),
  Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256)),
]);
const mp3 = Buffer.concat([Buffer.from("ID3"), Buffer.alloc(200, 7)]);

async function space() {
  const res = await t.request({
    method: "POST",
    url: "/api/learning/spaces",
    as: coordinator,
    payload: { name: `Föreläsningsrummet ${Math.random()}` },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const upload = (
  spaceId: string,
  name: string,
  content: Buffer,
  title = "Seminarium 3: Kompetensförsörjning",
) =>
  t.request({
    method: "POST",
    url: `/api/learning/spaces/${spaceId}/recordings`,
    as: coordinator,
    ...multipart([
      { name: "title", value: title },
      { name: "file", file: { name, content } },
    ]),
  });

describe("POST /api/learning/spaces/:id/recordings", () => {
  it("keeps an uploaded video and an audio recording as documents of the space", async () => {
    const id = await space();
    const res = await upload(id, "seminarium-3.mp4", video);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: "Seminarium 3: Kompetensförsörjning" });
    expect(res.json().versions[0]).toMatchObject({ mimeType: "video/mp4", size: video.length });
    const audio = await upload(id, "intervju.mp3", mp3, "Intervju");
    expect(audio.statusCode).toBe(201);
    expect(audio.json().versions[0].mimeType).toBe("audio/mpeg");
  });

  it("refuses documents, content that is not the media it claims, no file and no title (422)", async () => {
    const id = await space();
    expect((await upload(id, "rapport.pdf", Buffer.from("%PDF-1.4\n"))).statusCode).toBe(422);
    const lie = await upload(id, "film.mp4", Buffer.from("MZ this is a program, not a film"));
    expect(lie.statusCode).toBe(422);
    expect(lie.json().errors.file).toBeDefined();
    expect((await upload(id, "film.webm", video)).statusCode).toBe(422);
    const noTitle = await upload(id, "film.mp4", video, "");
    expect(noTitle.statusCode).toBe(422);
    const noFile = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${id}/recordings`,
      as: coordinator,
      ...multipart([{ name: "title", value: "Utan fil" }]),
    });
    expect(noFile.statusCode).toBe(422);
  });

  it("answers 413 past the recording limit", async () => {
    const id = await space();
    const big = Buffer.concat([video, Buffer.alloc(maxRecordingBytes + 1 - video.length)]);
    expect((await upload(id, "lång.mp4", big)).statusCode).toBe(413);
  });

  it("answers 404 for an unknown space or one the user is not a member of", async () => {
    expect((await upload(missing, "film.mp4", video)).statusCode).toBe(404);
    const id = await space();
    const res = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${id}/recordings`,
      as: director,
      ...multipart([
        { name: "title", value: "Inte min" },
        { name: "file", file: { name: "film.mp4", content: video } },
      ]),
    });
    expect(res.statusCode).toBe(404);
    const anonymous = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${id}/recordings`,
      ...multipart([{ name: "title", value: "x" }]),
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("GET …/versions/:version/stream (range requests)", () => {
  async function uploaded() {
    const id = await space();
    const doc = (await upload(id, "seminarium-3.mp4", video)).json();
    return `/api/learning/spaces/${id}/documents/${doc.id}/versions/1/stream`;
  }
  const get = (url: string, range?: string) =>
    t.request({ method: "GET", url, as: coordinator, headers: range ? { range } : {} });

  it("sends the whole file with Accept-Ranges when no range is asked for", async () => {
    const res = await get(await uploaded());
    expect(res.statusCode).toBe(200);
    expect(res.headers["accept-ranges"]).toBe("bytes");
    expect(res.headers["content-type"]).toBe("video/mp4");
    expect(res.headers["content-length"]).toBe(String(video.length));
    expect(res.headers["content-disposition"]).toContain("inline");
    expect(res.rawPayload.equals(video)).toBe(true);
  });

  it("answers a byte range 206 with the right Content-Range and exactly those bytes", async () => {
    const url = await uploaded();
    const size = video.length;
    for (const [range, start, end] of [
      ["bytes=0-99", 0, 99],
      ["bytes=100-", 100, size - 1],
      ["bytes=-24", size - 24, size - 1],
      ["bytes=500-99999", 500, size - 1],
    ] as const) {
      const res = await get(url, range);
      expect(res.statusCode, range).toBe(206);
      expect(res.headers["content-range"], range).toBe(`bytes ${start}-${end}/${size}`);
      expect(res.headers["content-length"], range).toBe(String(end - start + 1));
      expect(res.headers["accept-ranges"]).toBe("bytes");
      expect(res.rawPayload.equals(video.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it("answers 416 with Content-Range bytes */size for a range past the end; ignores a malformed one", async () => {
    const url = await uploaded();
    const past = await get(url, `bytes=${video.length}-`);
    expect(past.statusCode).toBe(416);
    expect(past.headers["content-range"]).toBe(`bytes */${video.length}`);
    expect(past.headers["content-type"]).toContain("application/problem+json");
    expect(past.json().detail).toContain("byte");
    const malformed = await get(url, "items=0-5");
    expect(malformed.statusCode).toBe(200);
    expect(malformed.rawPayload.length).toBe(video.length);
  });

  it("answers 404 for an unknown version or a non-member, 401 for the public", async () => {
    const url = await uploaded();
    expect((await get(url.replace("/versions/1/", "/versions/2/"))).statusCode).toBe(404);
    expect(
      (await t.request({ method: "GET", url, as: director, headers: { range: "bytes=0-1" } })).statusCode,
    ).toBe(404);
    expect((await t.request({ method: "GET", url })).statusCode).toBe(401);
  });
});
