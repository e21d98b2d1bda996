import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrganisationsDemo } from "../../../demo/registers/organisations.ts";
import type { paths } from "../../client-generated/api.ts";
import { createTestApp, demo } from "../test/harness.ts";

// An integrator's client: types generated from /api/openapi.json (src/client-generated, `npm run api:client`),
// openapi-fetch over real HTTP, as an integration would run it: with a personal API token (issue 19, item 4),
// no cookie and no CSRF header.
const t = await createTestApp({ seed: async ({ db }) => loadOrganisationsDemo(db) });
let baseUrl = "";
beforeAll(async () => {
  baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => t.app.close());

describe("the generated client", () => {
  it("lists organisations as a signed-in user, typed from the document", async () => {
    const session = await t.login(demo.coordinator);
    const made = await createClient<paths>({ baseUrl, headers: { cookie: session.cookie } }).POST(
      "/api/auth/tokens",
      { body: { name: "Integration", expiresInDays: 1 }, headers: { "x-csrf-token": session.csrfToken } },
    );
    expect(made.response.status).toBe(201);
    const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${made.data!.token}` } });
    const { data, error, response } = await api.GET("/api/organisations", {
      params: { query: { q: "kommun", limit: 5, sort: "name" } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    const names = data!.items.map((o) => o.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes("kommun"))).toBe(true);
  });

  it("answers the typed problem when not signed in", async () => {
    const api = createClient<paths>({ baseUrl });
    const { data, error, response } = await api.GET("/api/organisations");
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error?.status).toBe(401);
  });
});
