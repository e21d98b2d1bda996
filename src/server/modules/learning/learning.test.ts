import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestApp, demo, type Session } from "../../test/harness.ts";

// Uploaded files go to a directory of this test file only.
const filesDir = mkdtempSync(path.join(tmpdir(), "samspel-files-"));
process.env.SAMSPEL_FILES_DIR = filesDir;
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

const t = await createTestApp();
const missing = "00000000-0000-4000-8000-000000000001";
const [coordinator, director, partner, groupMember, admin] = await Promise.all([
  t.login(demo.coordinator),
  t.login(demo.programmeDirector),
  t.login(demo.partner),
  t.login(demo.groupMember),
  t.login(demo.admin),
]);

const me = async (s: Session) => (await t.request({ method: "GET", url: "/api/auth/me", as: s })).json();
const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** A multipart/form-data body as a browser sends it. */
function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }) {
  const boundary = "----samspel-test-boundary";
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

async function createSpace(name: string, extra: Record<string, unknown> = {}) {
  const res = await t.request({
    method: "POST",
    url: "/api/learning/spaces",
    as: coordinator,
    payload: { name, ...extra },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

describe("learning spaces and their members", () => {
  it("shows a space to its members only; everyone else gets 404 as if it did not exist", async () => {
    const space = await createSpace("LC-KOMP:s lärplattform", {
      description: "Dokumentation, forum och litteratur.",
    });
    const directorId = (await me(director)).id;
    const members = await t.request({
      method: "PUT",
      url: `/api/learning/spaces/${space.id}/members`,
      as: coordinator,
      payload: {
        members: [{ userId: (await me(coordinator)).id, role: "moderator" }, { userId: directorId }],
      },
    });
    expect(members.json().items).toHaveLength(2);
    const seen = await t.request({ method: "GET", url: `/api/learning/spaces/${space.id}`, as: director });
    expect(seen.json()).toMatchObject({
      name: "LC-KOMP:s lärplattform",
      memberCount: 2,
      abilities: { manage: false },
    });
    expect(
      (await t.request({ method: "GET", url: "/api/learning/spaces", as: director })).json().items,
    ).toHaveLength(1);
    for (const url of [
      `/api/learning/spaces/${space.id}`,
      `/api/learning/spaces/${space.id}/documents`,
      `/api/learning/spaces/${space.id}/threads`,
    ]) {
      expect((await t.request({ method: "GET", url, as: partner })).statusCode).toBe(404);
    }
    expect(
      (await t.request({ method: "GET", url: "/api/learning/spaces", as: partner })).json().items,
    ).toEqual([]);
    expect(
      (await t.request({ method: "GET", url: `/api/learning/spaces/${space.id}`, as: admin })).statusCode,
    ).toBe(200);
    const notManager = await t.request({
      method: "PUT",
      url: `/api/learning/spaces/${space.id}/members`,
      as: director,
      payload: { members: [] },
    });
    expect(notManager.statusCode).toBe(403);
  });

  it("lets the members of a network into the network's space", async () => {
    const user = await me(groupMember);
    // Only an administrator links a person to a user account (issue 11, finding 1).
    const person = await t.request({
      method: "POST",
      url: "/api/people",
      as: admin,
      payload: { name: user.name, userId: user.id },
    });
    expect(person.statusCode).toBe(201);
    const network = (
      await t.request({
        method: "POST",
        url: "/api/networks",
        as: coordinator,
        payload: { name: "Nätverk A" },
      })
    ).json();
    await t.request({
      method: "PUT",
      url: `/api/networks/${network.id}/members`,
      as: coordinator,
      payload: { members: [{ personId: person.json().id }] },
    });
    const space = await createSpace("Nätverk A:s rum", { networkId: network.id });
    expect(
      (await t.request({ method: "GET", url: `/api/learning/spaces/${space.id}`, as: groupMember }))
        .statusCode,
    ).toBe(200);
  });

  it("answers bad input, unknown links and roles that may not create spaces", async () => {
    const bad = await t.request({
      method: "POST",
      url: "/api/learning/spaces",
      as: coordinator,
      payload: { name: "", networkId: missing },
    });
    expect(bad.json().errors.name).toEqual(["Fältet måste fyllas i."]);
    const unknown = await t.request({
      method: "POST",
      url: "/api/learning/spaces",
      as: coordinator,
      payload: { name: "X", networkId: missing },
    });
    expect(unknown.json().errors.networkId).toEqual(["Det valda finns inte."]);
    expect(
      (await t.request({ method: "POST", url: "/api/learning/spaces", as: partner, payload: { name: "X" } }))
        .statusCode,
    ).toBe(403);
    expect((await t.request({ method: "GET", url: "/api/learning/spaces" })).statusCode).toBe(401);
  });
});

describe("documents", () => {
  it("uploads, versions and downloads documents stored outside the web root", async () => {
    const space = await createSpace("Dokumentrummet");
    const first = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${space.id}/documents`,
      as: coordinator,
      ...multipart(
        { title: "Projektbeskrivning", description: "Version för styrgruppen" },
        { name: "projektbeskrivning.pdf", data: pdf },
      ),
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      title: "Projektbeskrivning",
      versions: [{ version: 1, filename: "projektbeskrivning.pdf", size: pdf.length }],
    });
    const docId = first.json().id;
    const second = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${space.id}/documents/${docId}/versions`,
      as: coordinator,
      ...multipart(
        {},
        { name: "projektbeskrivning-v2.pdf", data: Buffer.concat([pdf, Buffer.from("% v2\n")]) },
      ),
    });
    expect(second.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const download = await t.request({
      method: "GET",
      url: `/api/learning/spaces/${space.id}/documents/${docId}/versions/1`,
      as: coordinator,
    });
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toContain("projektbeskrivning.pdf");
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(readdirSync(path.join(filesDir, "learning", space.id))).toHaveLength(2);
    expect(
      (
        await t.request({
          method: "GET",
          url: `/api/learning/spaces/${space.id}/documents/${docId}/versions/9`,
          as: coordinator,
        })
      ).statusCode,
    ).toBe(404);
  });

  it("refuses wrong types, content that lies about its type, missing titles and files too large", async () => {
    const space = await createSpace("Kontrollrummet");
    const upload = (fields: Record<string, string>, file?: { name: string; data: Buffer }) =>
      t.request({
        method: "POST",
        url: `/api/learning/spaces/${space.id}/documents`,
        as: coordinator,
        ...multipart(fields, file),
      });
    const exe = await upload({ title: "Program" }, { name: "setup.exe", data: Buffer.from("MZ...") });
    expect(exe.statusCode).toBe(422);
    expect(exe.json().errors.file[0]).toContain("Filtypen stöds inte.");
    const fake = await upload({ title: "Falsk" }, { name: "rapport.pdf", data: Buffer.from("inte en pdf") });
    expect(fake.json().errors.file).toEqual(["Filens innehåll stämmer inte med filtypen."]);
    const noTitle = await upload({}, { name: "a.pdf", data: pdf });
    expect(noTitle.json().errors.title).toEqual(["Fältet måste fyllas i."]);
    const noFile = await upload({ title: "Utan fil" });
    expect(noFile.json().errors.file).toEqual(["Välj en fil att ladda upp."]);
    const big = await upload(
      { title: "Stor" },
      { name: "stor.txt", data: Buffer.alloc(21 * 1024 * 1024, 97) },
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toBe("Filen eller begäran är för stor.");
    const outsider = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${space.id}/documents`,
      as: partner,
      ...multipart({ title: "X" }, { name: "a.pdf", data: pdf }),
    });
    expect(outsider.statusCode).toBe(404);
  });
});

describe("literature, lectures, forum and members' feedback", () => {
  it("keeps tips and recorded lectures, threads with replies, and feedback on activities", async () => {
    const space = await createSpace("Forumrummet");
    const book = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${space.id}/links`,
      as: coordinator,
      payload: { kind: "literature", title: "Lärande i arbetslivet", author: "Per-Erik Ellström" },
    });
    expect(book.statusCode).toBe(201);
    const noUrl = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${space.id}/links`,
      as: coordinator,
      payload: { kind: "lecture", title: "Föreläsning" },
    });
    expect(noUrl.json().errors.url).toEqual(["Ange webbadressen till föreläsningen eller länken."]);
    await t.request({
      method: "POST",
      url: `/api/learning/spaces/${space.id}/links`,
      as: coordinator,
      payload: {
        kind: "lecture",
        title: "Seminarium 1, inspelat",
        url: "https://play.example.se/seminarium-1",
      },
    });
    const links = await t.request({
      method: "GET",
      url: `/api/learning/spaces/${space.id}/links`,
      as: coordinator,
    });
    expect(
      links
        .json()
        .items.map((l: { kind: string }) => l.kind)
        .sort(),
    ).toEqual(["lecture", "literature"]);

    const thread = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${space.id}/threads`,
      as: coordinator,
      payload: { title: "Hur når vi de små företagen?", body: "Erfarenheter?" },
    });
    expect(thread.json()).toMatchObject({ posts: 1, by: "Sara Samordnare" });
    const threadId = thread.json().id;
    await t.request({
      method: "POST",
      url: `/api/learning/spaces/${space.id}/threads/${threadId}/posts`,
      as: coordinator,
      payload: { body: "Vi bjuder in till frukost." },
    });
    const full = await t.request({
      method: "GET",
      url: `/api/learning/spaces/${space.id}/threads/${threadId}`,
      as: coordinator,
    });
    expect(full.json().posts.map((p: { body: string }) => p.body)).toEqual([
      "Erfarenheter?",
      "Vi bjuder in till frukost.",
    ]);
    const empty = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${space.id}/threads/${threadId}/posts`,
      as: coordinator,
      payload: { body: " " },
    });
    expect(empty.json().errors.body).toEqual(["Fältet måste fyllas i."]);
    expect(
      (
        await t.request({
          method: "GET",
          url: `/api/learning/spaces/${space.id}/threads/${missing}`,
          as: coordinator,
        })
      ).statusCode,
    ).toBe(404);

    const feedback = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${space.id}/feedback`,
      as: coordinator,
      payload: { rating: 4, comment: "Workshopen gav konkreta verktyg." },
    });
    expect(feedback.statusCode).toBe(201);
    const bad = await t.request({
      method: "POST",
      url: `/api/learning/spaces/${space.id}/feedback`,
      as: coordinator,
      payload: { rating: 7, comment: "x" },
    });
    expect(bad.json().errors.rating).toEqual(["Välj ett betyg från 1 till 5."]);
    const list = await t.request({
      method: "GET",
      url: `/api/learning/spaces/${space.id}/feedback`,
      as: coordinator,
    });
    expect(list.json().items[0]).toMatchObject({ rating: 4, comment: "Workshopen gav konkreta verktyg." });
    expect(
      (await t.request({ method: "GET", url: `/api/learning/spaces/${space.id}/feedback`, as: partner }))
        .statusCode,
    ).toBe(404);
  });
});
