import { describe, expect, it } from "vitest";
import { loadOrganisationsDemo } from "../../../../demo/registers/organisations.ts";
import { createTestApp, demo } from "../../test/harness.ts";

// Issue 15: sorting a register column sorts the whole register on the server, not the 50 rows loaded.
const t = await createTestApp({ seed: async ({ db }) => loadOrganisationsDemo(db) });
const coordinator = await t.login(demo.coordinator);

type Org = { id: string; name: string; type: string; parent: { name: string } | null; updatedAt: string };

async function get(query: string) {
  const res = await t.request({ method: "GET", url: `/api/organisations?${query}`, as: coordinator });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Org[]; nextCursor: string | null };
}

/** The register in `sort` order as the web list pages through it: 50 rows, then "Visa fler". */
async function paged(sort: string) {
  const first = await get(`sort=${sort}&limit=50`);
  expect(first.nextCursor).not.toBeNull(); // the demo register is longer than one page
  const second = await get(`sort=${sort}&limit=50&cursor=${first.nextCursor}`);
  return { first: first.items, second: second.items, all: [...first.items, ...second.items] };
}

describe("GET /api/organisations?sort=", () => {
  it("sorts the whole register by type, names in order within a type, across two pages", async () => {
    const byName = (await get("sort=name&limit=500")).items;
    const { first, second, all } = await paged("type");
    expect(all).toHaveLength(byName.length);
    const expected = [...byName].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    expect(all.map((o) => o.id)).toEqual(expected.map((o) => o.id));
    // The second page carries on where the first stopped: no type comes back after a later one.
    expect(first.at(-1)!.type <= second[0]!.type).toBe(true);
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);

    const reversed = await paged("-type");
    expect(reversed.all.map((o) => o.id)).toEqual(expected.map((o) => o.id).reverse());
  });

  it("puts the name last in Swedish order first when sorted Ö–A, though it is not among the first 50 by name", async () => {
    const byName = (await get("sort=name&limit=500")).items;
    const { first } = await paged("-name");
    expect(first[0]!.name).toBe(byName.at(-1)!.name);
    expect(byName.slice(0, 50).map((o) => o.id)).not.toContain(first[0]!.id);
  });

  it("sorts by the organisation it is part of, those without one first", async () => {
    const { all } = await paged("parent");
    const parents = all.map((o) => o.parent?.name ?? "");
    expect(parents[0]).toBe("");
    expect(parents.indexOf("")).toBe(0);
    expect(parents.lastIndexOf("")).toBeLessThan(parents.findIndex((p) => p !== ""));
  });

  it("shows the organisation changed last first with -updatedAt", async () => {
    const someone = (await get("sort=name&limit=60")).items[55]!;
    const res = await t.request({
      method: "PATCH",
      url: `/api/organisations/${someone.id}`,
      payload: { county: "Jämtlands län" },
      as: coordinator,
    });
    expect(res.statusCode).toBe(200);
    const { first, all } = await paged("-updatedAt");
    expect(first[0]!.id).toBe(someone.id);
    const times = all.map((o) => Date.parse(o.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("refuses an order it does not offer with a Swedish 422 naming sort", async () => {
    const res = await t.request({ method: "GET", url: "/api/organisations?sort=orgNumber", as: coordinator });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.sort).toBeDefined();
  });
});
