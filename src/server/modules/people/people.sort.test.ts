import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";

// Issue 15: sorting a register column sorts the whole register on the server, not the rows loaded.
const t = await createTestApp();
const coordinator = await t.login(demo.coordinator);

type Person = { id: string; name: string; title: string | null; email: string | null };

async function get(query: string) {
  const res = await t.request({ method: "GET", url: `/api/people?${query}`, as: coordinator });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Person[]; nextCursor: string | null };
}

/** Every page of the register in `sort` order, three rows at a time as "Visa fler" fetches them. */
async function all(sort: string) {
  const rows: Person[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await get(`sort=${sort}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    rows.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  expect(pages).toBeGreaterThan(1);
  return rows;
}

const seeds = [
  { name: "Åsa Öberg", title: "Adjunkt", email: "asa@sort.example" },
  { name: "Anna Berg", title: "Rektor", email: "zeta@sort.example" },
  { name: "Bo Ek", title: "Adjunkt", email: "bo@sort.example" },
  { name: "Örjan Al", title: "Professor", email: "orjan@sort.example" },
  { name: "Cecilia Ny", title: "Lektor", email: "ceci@sort.example" },
];

describe("GET /api/people?sort=", () => {
  it("sorts the whole register by title, names in Swedish order within a title, across pages", async () => {
    for (const payload of seeds) {
      const res = await t.request({ method: "POST", url: "/api/people", payload, as: coordinator });
      expect(res.statusCode).toBe(201);
    }
    const ours = (rows: Person[]) =>
      rows.filter((p) => p.email?.endsWith("@sort.example")).map((p) => p.name);
    expect(ours(await all("title"))).toEqual(["Bo Ek", "Åsa Öberg", "Cecilia Ny", "Örjan Al", "Anna Berg"]);
    expect(ours(await all("-title"))).toEqual(["Anna Berg", "Örjan Al", "Cecilia Ny", "Åsa Öberg", "Bo Ek"]);
    expect(ours(await all("email"))).toEqual(["Åsa Öberg", "Bo Ek", "Cecilia Ny", "Örjan Al", "Anna Berg"]);
    const byName = await all("-name");
    expect(ours(byName)).toEqual(["Örjan Al", "Åsa Öberg", "Cecilia Ny", "Bo Ek", "Anna Berg"]);
    expect(new Set(byName.map((p) => p.id)).size).toBe(byName.length);
  });

  it("refuses an order it does not offer, in Swedish", async () => {
    const res = await t.request({ method: "GET", url: "/api/people?sort=phone", as: coordinator });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });
});
