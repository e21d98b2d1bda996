import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { addMember, createBody } from "../governance/index.ts";
import { createCallAs } from "../ideas/index.ts";
import { createOrganisation } from "../organisations/organisations.service.ts";
import { createPerson } from "../people/people.service.ts";

const ids = {} as { sk: string; mdh: string; group: string; oldGroup: string; call: string };

async function seed({ db }: Database) {
  const org = async (name: string, type: "annan" | "larosate" | "kommun") =>
    (await createOrganisation(db, systemActor, { name, type })).id;
  ids.sk = await org("Samhällskontraktet", "annan");
  ids.mdh = await org("Mälardalens högskola", "larosate");
  const person = async (name: string) => (await createPerson(db, systemActor, { name })).id;
  const group = await createBody(db, systemActor, {
    name: "Äldreomsorg och socialt arbete",
    kind: "sector_group",
    organisationId: ids.sk,
    tasks: "Bereda ansökningar om projektmedel",
  });
  ids.group = group.id;
  await addMember(db, systemActor, group.id, {
    personId: await person("Karin Ordförande"),
    partyOrganisationId: ids.mdh,
    role: "chair",
  });
  await addMember(db, systemActor, group.id, { personId: await person("Olle Ledamot"), role: "member" });
  ids.oldGroup = (
    await createBody(db, systemActor, {
      name: "Nedlagd grupp",
      kind: "sector_group",
      organisationId: ids.sk,
      startDate: "2009-01-01",
      endDate: "2010-12-31",
    })
  ).id;
  const day = 24 * 3600 * 1000;
  ids.call = await createCallAs(db, systemActor, {
    title: "Idéer för framtidens omsorg",
    organisationId: ids.sk,
    opensAt: new Date(Date.now() - day).toISOString(),
    closesAt: new Date(Date.now() + 30 * day).toISOString(),
  });
}

const t = await createTestApp({ seed });
const coordinator = await t.login(demo.coordinator);
const partner = await t.login(demo.partner);
const missing = "00000000-0000-4000-8000-000000000000";

async function write(body: Record<string, unknown>, as = coordinator) {
  return t.request({
    method: "POST",
    url: "/api/news",
    as,
    payload: { title: "Workshop", text: "Text.", ...body },
  });
}

const png = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e221bc330000000049454e44ae426082",
  "hex",
);

function multipart(parts: { name: string; value: string | Buffer; filename?: string; type?: string }[]) {
  const boundary = "----samspel-site-test";
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ""}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`,
      ),
      Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describe("POST/GET /api/news", () => {
  it("a coordinator writes a draft: they see it, the public does not", async () => {
    const res = await write({ title: "Utkast om seminariet", tags: ["MOPS", "MOPS", "seminarium"] });
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    expect(draft).toMatchObject({ status: "draft", publishedAt: null, tags: ["MOPS", "seminarium"] });
    expect(draft.authorName).toBeTruthy();
    const mine = await t.request({ method: "GET", url: "/api/news", as: coordinator });
    expect(mine.json().items.map((n: { id: string }) => n.id)).toContain(draft.id);
    const pub = await t.request({ method: "GET", url: "/api/public/news" });
    expect(pub.json().items.map((n: { id: string }) => n.id)).not.toContain(draft.id);
    expect((await t.request({ method: "GET", url: `/api/public/news/${draft.id}` })).statusCode).toBe(404);
    expect((await t.request({ method: "GET", url: `/api/news/${draft.id}`, as: partner })).statusCode).toBe(
      404,
    );
  });

  it("lists published news newest first, paged, and filters the staff list by status", async () => {
    for (const [title, at] of [
      ["Workshop på Stadshotellet", "2010-02-19T09:00:00+01:00"],
      ["Draknästet", "2010-06-15T09:00:00+02:00"],
      ["Stjärnbildning", "2010-04-21T09:00:00+02:00"],
    ])
      expect((await write({ title, status: "published", publishedAt: at })).statusCode).toBe(201);
    const first = await t.request({ method: "GET", url: "/api/public/news?limit=2" });
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((n: { title: string }) => n.title)).toEqual([
      "Draknästet",
      "Stjärnbildning",
    ]);
    const second = await t.request({
      method: "GET",
      url: `/api/public/news?limit=2&cursor=${first.json().nextCursor}`,
    });
    expect(second.json().items.map((n: { title: string }) => n.title)).toEqual(["Workshop på Stadshotellet"]);
    expect(second.json().nextCursor).toBeNull();
    const drafts = await t.request({ method: "GET", url: "/api/news?status=draft", as: coordinator });
    expect(drafts.json().items.every((n: { status: string }) => n.status === "draft")).toBe(true);
  });

  it("a news item due later is not public until then", async () => {
    const later = await write({
      title: "Kommer snart",
      status: "published",
      publishedAt: "2099-01-01T00:00:00Z",
    });
    const pub = await t.request({ method: "GET", url: "/api/public/news?limit=100" });
    expect(pub.json().items.map((n: { id: string }) => n.id)).not.toContain(later.json().id);
  });

  it("bad input answers a Swedish 422 naming the field", async () => {
    const res = await write({ title: "  ", status: "klar" });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors.title).toEqual(["Fältet måste fyllas i."]);
    expect(res.json().errors.status).toEqual(["Värdet är inte tillåtet."]);
    const cursor = await t.request({ method: "GET", url: "/api/public/news?cursor=skräp" });
    expect(cursor.statusCode).toBe(422);
    expect(cursor.json().errors.cursor).toBeDefined();
  });

  it("only coordinators write or list drafts; the public must log in", async () => {
    expect((await write({}, partner)).statusCode).toBe(403);
    expect(
      (await t.request({ method: "POST", url: "/api/news", payload: { title: "x", text: "y" } })).statusCode,
    ).toBe(401);
    expect((await t.request({ method: "GET", url: "/api/news", as: partner })).statusCode).toBe(403);
    expect((await t.request({ method: "GET", url: "/api/news" })).statusCode).toBe(401);
  });
});

describe("GET/PATCH/DELETE /api/news/{id}", () => {
  it("publishes a draft with If-Match, and a stale ETag answers 412", async () => {
    const draft = (await write({ title: "Pitch i juni" })).json();
    const got = await t.request({ method: "GET", url: `/api/news/${draft.id}`, as: coordinator });
    const etag = got.headers.etag as string;
    expect(etag).toMatch(/^"\d+"$/);
    const res = await t.request({
      method: "PATCH",
      url: `/api/news/${draft.id}`,
      as: coordinator,
      headers: { "if-match": etag },
      payload: { status: "published" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("published");
    expect(Date.parse(res.json().publishedAt)).toBeLessThanOrEqual(Date.now());
    expect(res.headers.etag).not.toBe(etag);
    const stale = await t.request({
      method: "PATCH",
      url: `/api/news/${draft.id}`,
      as: coordinator,
      headers: { "if-match": etag },
      payload: { title: "Ny rubrik" },
    });
    expect(stale.statusCode).toBe(412);
    const pub = await t.request({ method: "GET", url: `/api/public/news/${draft.id}` });
    expect(pub.json().title).toBe("Pitch i juni");
    const audit = await t.database.db.execute(
      `select action from audit_log where entity_type = 'news' and entity_id = '${draft.id}' order by at`,
    );
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      "create",
      "update",
    ]);
  });

  it("validates, hides what is missing and refuses others", async () => {
    const item = (await write({})).json();
    const bad = await t.request({
      method: "PATCH",
      url: `/api/news/${item.id}`,
      as: coordinator,
      payload: { publishedAt: "igår" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.publishedAt).toEqual(["Fel format."]);
    for (const method of ["GET", "PATCH", "DELETE"] as const)
      expect(
        (
          await t.request({
            method,
            url: `/api/news/${missing}`,
            as: coordinator,
            payload: method === "PATCH" ? {} : undefined,
          })
        ).statusCode,
      ).toBe(404);
    expect(
      (await t.request({ method: "GET", url: "/api/news/inte-ett-id", as: coordinator })).statusCode,
    ).toBe(422);
    const published = (await write({ status: "published" })).json();
    expect(
      (
        await t.request({
          method: "PATCH",
          url: `/api/news/${published.id}`,
          as: partner,
          payload: { title: "x" },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: "DELETE", url: `/api/news/${published.id}`, as: partner })).statusCode,
    ).toBe(403);
    expect((await t.request({ method: "DELETE", url: `/api/news/${published.id}` })).statusCode).toBe(401);
  });

  it("deletes an item", async () => {
    const item = (await write({ status: "published" })).json();
    const res = await t.request({ method: "DELETE", url: `/api/news/${item.id}`, as: coordinator });
    expect(res.statusCode).toBe(204);
    expect((await t.request({ method: "GET", url: `/api/public/news/${item.id}` })).statusCode).toBe(404);
  });
});

describe("PUT /api/news/{id}/image", () => {
  it("stores an image with its alt text and serves it to the public once published", async () => {
    const item = (await write({ title: "Med bild", status: "published" })).json();
    const res = await t.request({
      method: "PUT",
      url: `/api/news/${item.id}/image`,
      as: coordinator,
      ...multipart([
        { name: "alt", value: "Deltagare vid workshopen på Stadshotellet" },
        { name: "file", value: png, filename: "bild.png", type: "image/png" },
      ]),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().image.alt).toBe("Deltagare vid workshopen på Stadshotellet");
    const image = await t.request({ method: "GET", url: res.json().image.url });
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.rawPayload.equals(png)).toBe(true);
    const noAlt = await t.request({
      method: "PATCH",
      url: `/api/news/${item.id}`,
      as: coordinator,
      payload: { imageAlt: "" },
    });
    expect(noAlt.statusCode).toBe(422);
    expect(noAlt.json().errors.imageAlt[0]).toContain("alternativtext");
    const removed = await t.request({
      method: "PATCH",
      url: `/api/news/${item.id}`,
      as: coordinator,
      payload: { removeImage: true },
    });
    expect(removed.json().image).toBeNull();
  });

  it("requires the alt text and a real image, and multipart; only coordinators upload", async () => {
    const item = (await write({})).json();
    const upload = (parts: Parameters<typeof multipart>[0], as = coordinator, id = item.id) =>
      t.request({ method: "PUT", url: `/api/news/${id}/image`, as, ...multipart(parts) });
    const noAlt = await upload([{ name: "file", value: png, filename: "a.png", type: "image/png" }]);
    expect(noAlt.statusCode).toBe(422);
    expect(noAlt.json().errors.alt).toEqual([
      "Skriv en alternativtext som beskriver bilden för den som inte ser den.",
    ]);
    const notImage = await upload([
      { name: "alt", value: "Text" },
      { name: "file", value: "<svg onload=alert(1)>", filename: "a.svg", type: "image/svg+xml" },
    ]);
    expect(notImage.statusCode).toBe(422);
    expect(notImage.json().errors.file).toEqual(["Bilden måste vara PNG, JPEG, WebP eller GIF."]);
    // A draft does not exist for a partner (404); a published item is refused (403).
    expect((await upload([{ name: "alt", value: "x" }], partner)).statusCode).toBe(404);
    const published = (await write({ status: "published" })).json();
    expect((await upload([{ name: "alt", value: "x" }], partner, published.id)).statusCode).toBe(403);
    expect((await upload([{ name: "alt", value: "x" }], coordinator, missing)).statusCode).toBe(404);
    const json = await t.request({
      method: "PUT",
      url: `/api/news/${item.id}/image`,
      as: coordinator,
      payload: { alt: "x" },
    });
    expect(json.statusCode).toBe(415);
    expect((await t.request({ method: "GET", url: `/api/public/news/${item.id}/image` })).statusCode).toBe(
      404,
    );
  });
});

/** A strict XML 1.0 parse (saxes) into elements with their namespace, attributes and text. */
interface El {
  uri: string;
  name: string;
  attributes: Record<string, string>;
  children: El[];
  text: string;
}
function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const stack: El[] = [];
  let root: El | null = null;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const el: El = {
      uri: tag.uri ?? "",
      name: tag.local ?? tag.name,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])),
      children: [],
      text: "",
    };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("text", (text) => {
    if (stack.length) stack[stack.length - 1].text += text;
  });
  parser.on("closetag", () => stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}
const child = (el: El, name: string) => el.children.find((c) => c.name === name);
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe("GET /api/public/news.atom", () => {
  it("is a valid Atom 1.0 feed of the published news only", async () => {
    await write({ title: "Hemligt utkast & <tagg>" });
    await write({ title: "Frukostmöte i Eskilstuna & Västerås", status: "published", tags: ["kompetens"] });
    const res = await t.request({ method: "GET", url: "/api/public/news.atom" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/atom+xml");
    const feed = parseXml(res.body);
    expect(feed.uri).toBe("http://www.w3.org/2005/Atom");
    expect(feed.name).toBe("feed");
    for (const required of ["id", "title", "updated"]) expect(child(feed, required)?.text).toBeTruthy();
    expect(child(feed, "updated")?.text).toMatch(rfc3339);
    const links = feed.children.filter((c) => c.name === "link");
    expect(links.find((l) => l.attributes.rel === "self")?.attributes.href).toMatch(
      /\/api\/public\/news\.atom$/,
    );
    const entries = feed.children.filter((c) => c.name === "entry");
    const titles = entries.map((e) => child(e, "title")?.text);
    expect(titles).toContain("Frukostmöte i Eskilstuna & Västerås");
    expect(titles).not.toContain("Hemligt utkast & <tagg>");
    for (const entry of entries) {
      expect(child(entry, "id")?.text).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(child(entry, "updated")?.text).toMatch(rfc3339);
      expect(child(entry, "author") && child(child(entry, "author") as El, "name")?.text).toBeTruthy();
      expect(child(entry, "link")?.attributes.href).toMatch(/\/nyheter\/[0-9a-f-]{36}$/);
    }
    const breakfast = entries.find((e) => child(e, "title")?.text.startsWith("Frukost")) as El;
    expect(child(breakfast, "category")?.attributes.term).toBe("kompetens");
    expect(new Set(entries.map((e) => child(e, "id")?.text)).size).toBe(entries.length);
  });
});

describe("the public pages", () => {
  it("GET /api/public/pages/{key} and PUT /api/pages/{key}: coordinators edit, everyone reads", async () => {
    const before = await t.request({ method: "GET", url: "/api/public/pages/about" });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ key: "about", body: "", abilities: { update: false } });
    const saved = await t.request({
      method: "PUT",
      url: "/api/pages/about",
      as: coordinator,
      payload: { title: "Om Samhällskontraktet", body: "högskolan + kommunerna = sant" },
    });
    expect(saved.statusCode).toBe(200);
    const after = await t.request({ method: "GET", url: "/api/public/pages/about" });
    const edit = await t.request({ method: "GET", url: "/api/pages/about", as: coordinator });
    expect(edit.json().abilities.update).toBe(true);
    expect((await t.request({ method: "GET", url: "/api/pages/about" })).statusCode).toBe(401);
    const etag = edit.headers.etag as string;
    expect(after.headers.etag).toBe(etag);
    expect(after.json()).toMatchObject({
      title: "Om Samhällskontraktet",
      body: "högskolan + kommunerna = sant",
    });
    const stale = await t.request({
      method: "PUT",
      url: "/api/pages/about",
      as: coordinator,
      headers: { "if-match": '"1"' },
      payload: { title: "Om", body: "x" },
    });
    expect(stale.statusCode).toBe(412);
    const fresh = await t.request({
      method: "PUT",
      url: "/api/pages/about",
      as: coordinator,
      headers: { "if-match": etag },
      payload: { title: "Om Samhällskontraktet", body: "Tre parter." },
    });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().body).toBe("Tre parter.");
    const bad = await t.request({
      method: "PUT",
      url: "/api/pages/about",
      as: coordinator,
      payload: { title: "" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.title).toEqual(["Fältet måste fyllas i."]);
    expect(bad.json().errors.body).toBeDefined();
    expect((await t.request({ method: "GET", url: "/api/public/pages/okand" })).statusCode).toBe(422);
    expect(
      (
        await t.request({
          method: "PUT",
          url: "/api/pages/parties",
          as: partner,
          payload: { title: "a", body: "b" },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: "PUT", url: "/api/pages/parties", payload: { title: "a", body: "b" } }))
        .statusCode,
    ).toBe(401);
  });

  it("GET /api/public/sector-groups: current sector groups and their contacts, for the public", async () => {
    const res = await t.request({ method: "GET", url: "/api/public/sector-groups" });
    expect(res.statusCode).toBe(200);
    const groups = res.json().items;
    expect(groups.map((g: { name: string }) => g.name)).toEqual(["Äldreomsorg och socialt arbete"]);
    expect(groups[0].contacts).toEqual([
      { name: "Karin Ordförande", role: "chair", party: "Mälardalens högskola" },
    ]);
  });

  it("GET /api/public/start: the open call and the latest three news in one answer", async () => {
    const res = await t.request({ method: "GET", url: "/api/public/start" });
    expect(res.statusCode).toBe(200);
    const start = res.json();
    expect(start.calls).toEqual([
      expect.objectContaining({ id: ids.call, title: "Idéer för framtidens omsorg", open: true }),
    ]);
    expect(start.news.length).toBe(3);
    expect(start.news.every((n: { status: string }) => n.status === "published")).toBe(true);
    expect(Array.isArray(start.events)).toBe(true);
  });
});
