import { describe, expect, it } from "vitest";
import { swedishSortKey } from "../../common/sort-key.ts";
import { createTestApp, demo } from "../test/harness.ts";

const t = await createTestApp();

describe("health and API reference", () => {
  it("answers /api/health with the database kind and version, without a login", async () => {
    const res = await t.request({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe("ok");
    expect(body.database).toBe(process.env.SAMSPEL_TEST_DB === "postgresql" ? "postgresql" : "pglite");
    expect(body.version).toMatch(/^PostgreSQL \d+/);
  });

  it("publishes an OpenAPI document generated from the route schemas", async () => {
    const doc = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(
      doc.paths["/api/auth/login"].post.requestBody.content["application/json"].schema.properties,
    ).toHaveProperty("email");
    expect(doc.paths["/api/health"]).toBeDefined();
  });

  it("serves a browsable reference at /api/docs", async () => {
    const res = await t.request({ method: "GET", url: "/api/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
  });
});

describe("errors", () => {
  it("answers an unknown API route with a problem+json 404 in Swedish", async () => {
    const res = await t.request({ method: "GET", url: "/api/finns-inte" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({
      status: 404,
      code: "routeNotFound",
      detail: "Sidan eller adressen finns inte.",
    });
  });

  it("answers malformed JSON with 400 and no internals", async () => {
    const session = await t.login(demo.admin);
    const res = await t.request({
      method: "POST",
      url: "/api/admin/invitations",
      as: session,
      headers: { "content-type": "application/json" },
      payload: "{inte json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect(res.json().detail).toBe("Begäran kunde inte tolkas.");
  });

  it("names an unknown field in a request body by its own name", async () => {
    const session = await t.login(demo.admin);
    const res = await t.request({
      method: "POST",
      url: "/api/programmes",
      as: session,
      payload: { code: "SAM01", nameSv: "Samverkan", colour: "grön" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({ colour: ["Okänt fält."] });
  });

  it("sets protective headers on every answer", async () => {
    const res = await t.request({ method: "GET", url: "/api/health" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
  });
});

describe("Swedish sort key", () => {
  it("orders Å, Ä, Ö after Z and folds other accents", () => {
    const names = ["Östhammar", "Ale", "Åtvidaberg", "Zinkgruvan", "Älvkarleby", "Émile", "Eskilstuna"];
    const sorted = [...names].sort((a, b) => (swedishSortKey(a) < swedishSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      "Ale",
      "Émile",
      "Eskilstuna",
      "Zinkgruvan",
      "Åtvidaberg",
      "Älvkarleby",
      "Östhammar",
    ]);
  });
});
