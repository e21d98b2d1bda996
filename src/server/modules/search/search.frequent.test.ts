import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { createTestApp, demo } from "../../test/harness.ts";

/**
 * A register where one word is in most names ("AB" in 12 000 of 12 004 companies), with its statistics
 * (ANALYZE), as the search reads them to tell a frequent word: its names are then read in turn rather
 * than from a bitmap of all of them (read/search-registers.ts). What is found must not change.
 */
async function seed({ db }: Database) {
  await db.execute(sql`insert into organisations (name, sort_key, type)
    select 'Testbolag ' || g || ' AB', 'testbolag ' || g || ' ab', 'foretag' from generate_series(1, 12000) g`);
  await db.execute(sql`insert into organisations (name, sort_key, type) values
    ('AB Volvo', 'ab volvo', 'foretag'), ('Abisko turiststation', 'abisko turiststation', 'annan'),
    ('Timrå IK', 'timrå ik', 'annan'), ('Ånge kommun', '}nge kommun', 'kommun')`);
  await db.execute(sql`analyze organisations`);
}

const t = await createTestApp({ seed });
const coordinator = await t.login(demo.coordinator);
const find = async (query: string) => {
  const res = await t.request({ method: "GET", url: `/api/search?${query}`, as: coordinator });
  expect(res.statusCode).toBe(200);
  return (res.json().items as { title: string }[]).map((i) => i.title);
};

describe("GET /api/search with a word in most names", () => {
  it("lists names starting with the word first, then a page of names with the word", async () => {
    const items = await find("q=AB");
    expect(items).toHaveLength(30);
    expect(items[0]).toBe("AB Volvo");
    expect(items.slice(1).every((title) => /(^| )AB( |$)/.test(title) || title.startsWith("Abisko"))).toBe(
      true,
    );
    expect(items).toContain("Abisko turiststation");
    expect(await find("q=ab&limit=5")).toHaveLength(5);
  });

  it("still finds a rare word, and the frequent word beside another", async () => {
    expect(await find("q=IK")).toEqual(["Timrå IK"]);
    expect((await find("q=testbolag%2011999%20ab"))[0]).toBe("Testbolag 11999 AB");
    expect(await find("q=volvo%20ab")).toEqual(["AB Volvo"]);
  });
});
