import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../test/harness.ts";

/** Issue 11, finding 10: lost updates. ETag on GET, 412 on a stale If-Match, atomic under the row lock. */
const t = await createTestApp();
const coordinator = await t.login(demo.coordinator);
const admin = await t.login(demo.admin);

async function newOrganisation(name: string) {
  const res = await t.request({
    method: "POST",
    url: "/api/organisations",
    as: coordinator,
    payload: { name, type: "kommun", tags: ["start"] },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const get = (id: string) => t.request({ method: "GET", url: `/api/organisations/${id}`, as: coordinator });
const patch = (id: string, payload: object, ifMatch?: string, as = coordinator) =>
  t.request({
    method: "PATCH",
    url: `/api/organisations/${id}`,
    as,
    payload,
    headers: ifMatch ? { "if-match": ifMatch } : {},
  });

describe("ETag and If-Match on an organisation", () => {
  it("GET sends a strong ETag; a PATCH with it answers 200 and a new ETag, which the next GET repeats", async () => {
    const id = await newOrganisation("Etagby kommun");
    const first = await get(id);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"\d+"$/);
    const res = await patch(id, { description: "Ny" }, etag);
    expect(res.statusCode).toBe(200);
    const next = res.headers.etag as string;
    expect(next).toMatch(/^"\d+"$/);
    expect(next).not.toBe(etag);
    expect((await get(id)).headers.etag).toBe(next);
  });

  it("a stale If-Match answers 412 in Swedish naming who, when and what, and changes nothing", async () => {
    const id = await newOrganisation("Gammalby kommun");
    const stale = (await get(id)).headers.etag as string;
    expect((await patch(id, { name: "Nyby kommun", tags: ["start", "SKO"] }, stale, admin)).statusCode).toBe(
      200,
    );
    const before = (await get(id)).json();

    const res = await patch(id, { description: "Min text" }, stale);
    expect(res.statusCode).toBe(412);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const problem = res.json();
    expect(problem.code).toBe("preconditionFailed");
    expect(problem.detail).toMatch(
      /^Någon annan ändrade posten kl \d\d:\d\d \(Anna Processledare\): namn, taggar\. Ladda om för att se ändringarna\.$/,
    );
    expect(problem.changes.fields).toEqual(expect.arrayContaining(["name", "tags"]));
    expect((await get(id)).json()).toEqual(before);

    const del = await t.request({
      method: "DELETE",
      url: `/api/organisations/${id}`,
      as: admin,
      headers: { "if-match": stale },
    });
    expect(del.statusCode).toBe(412);
    expect((await get(id)).statusCode).toBe(200);
  });

  it("answers in English when asked, and accepts * and a list with the current tag", async () => {
    const id = await newOrganisation("Listby kommun");
    const stale = (await get(id)).headers.etag as string;
    const current = (await patch(id, { county: "Uppsala län" })).headers.etag as string;
    const en = await t.request({
      method: "PATCH",
      url: `/api/organisations/${id}?lang=en`,
      as: coordinator,
      payload: { description: "x" },
      headers: { "if-match": stale },
    });
    expect(en.statusCode).toBe(412);
    expect(en.json().detail).toMatch(/^Someone else changed the record/);
    expect((await patch(id, { description: "a" }, `W/${current}`)).statusCode).toBe(412);
    expect((await patch(id, { description: "b" }, `${stale}, ${current}`)).statusCode).toBe(200);
    expect((await patch(id, { description: "c" }, "*")).statusCode).toBe(200);
  });

  it("eight concurrent add-a-tag edits with the same If-Match: exactly one wins, seven get 412, no tag lost silently", async () => {
    const id = await newOrganisation("Samtidigby kommun");
    const etag = (await get(id)).headers.etag as string;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => patch(id, { tags: ["start", `tagg-${i}`] }, etag)),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect((await get(id)).json().tags).toEqual(winner.tags);
  });

  it("two concurrent PATCHes of different fields without If-Match both survive (the row lock serialises them)", async () => {
    const id = await newOrganisation("Fältby kommun");
    const [a, b] = await Promise.all([
      patch(id, { description: "Beskriven" }),
      patch(id, { tags: ["start", "ny"] }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const after = (await get(id)).json();
    expect(after.description).toBe("Beskriven");
    expect(after.tags).toEqual(["start", "ny"]);
  });

  it("documents If-Match and 412 in the OpenAPI document", async () => {
    const doc = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
    const op = doc.paths["/api/organisations/{id}"].patch;
    expect(op.responses["412"]).toBeDefined();
    expect(
      op.parameters.some((p: { in: string; name: string }) => p.in === "header" && p.name === "if-match"),
    ).toBe(true);
  });
});
