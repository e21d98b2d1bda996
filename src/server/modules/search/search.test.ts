import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { swedishSortKey } from "../../../common/sort-key.ts";
import { type Database, queryRows } from "../../db/client.ts";
import { pgArray } from "../../platform/sql.ts";
import { createTestApp, demo } from "../../test/harness.ts";

/** A small register straight into the tables: the search reads them, whichever service wrote them. */
async function seed({ db }: Database) {
  const org = (name: string, type: string, county: string | null, description: string | null = null) =>
    db.execute(sql`insert into organisations (name, sort_key, type, county, description)
      values (${name}, ${swedishSortKey(name)}, ${type}, ${county}, ${description})`);
  await org("Härnösands kommun", "kommun", "Västernorrlands län");
  await org("Härnösands folkhögskola", "annan", "Västernorrlands län");
  await org("Eskilstuna kommun", "kommun", "Södermanlands län");
  await org("Sundsvalls kommun", "kommun", "Västernorrlands län");
  await org("Mittuniversitetet", "larosate", null, "Lärosäte med campus i Sundsvall och Östersund.");
  await org("LC-KOMP", "annan", null, "Lärcentrum i tjugotvå kommuner samverkar om kompetensförsörjning.");
  await org("Företaget =Bygg AB", "foretag", null);
  // Names that start with "Kramfors", and names only like it (issue 14: prefix before fuzzy).
  await org("Kramforsbygdens ekonomiska förening för landsbygdsutveckling", "annan", null);
  await org("Kramfors kommun", "kommun", "Västernorrlands län");
  await org("Kramfor AB", "foretag", null);
  await org("Kramfords Måleri", "foretag", null);
  await org("Timrå IK", "annan", "Västernorrlands län");
  await org("Timrå IK Ungdom", "annan", "Västernorrlands län");
  await org("Timrå kommun", "kommun", "Västernorrlands län");
  await db.execute(sql`insert into people (name, sort_key, title, email)
    values ('Hanna Personaldirektör', ${swedishSortKey("Hanna Personaldirektör")}, 'Personaldirektör', 'hanna@harnosand.se')`);
  await db.execute(sql`insert into programmes (code, name_sv, sort_key, credits)
    values ('HSJUG', 'Sjuksköterskeprogrammet', ${swedishSortKey("Sjuksköterskeprogrammet")}, 180)`);
  await db.execute(sql`insert into courses (code, name_sv, sort_key, credits, contract)
    values ('PS021U', 'Psykologi för arbetslivskonsulenter', ${swedishSortKey("Psykologi för arbetslivskonsulenter")}, 7.5, true),
           ('DD1321', 'Tillämpad programmering', ${swedishSortKey("Tillämpad programmering")}, 7.5, false)`);
  await db.execute(sql`insert into activity_types (key, label_sv, label_en, category)
    values ('gastforelasning', 'Gästföreläsning', 'Guest lecture', 'education') on conflict do nothing`);
  await db.execute(sql`insert into activities (title, sort_key, type_key, description, start_date, status)
    values ('Gästföreläsning om socialtjänstens arbete', ${swedishSortKey("Gästföreläsning om socialtjänstens arbete")},
      'gastforelasning', 'Enhetschefer från kommunen berättar för socionomstudenterna.', '2026-03-12', 'done')`);
}

const t = await createTestApp({ seed });
const coordinator = await t.login(demo.coordinator);
const find = async (query: string, as = coordinator, headers: Record<string, string> = {}) => {
  const res = await t.request({ method: "GET", url: `/api/search?${query}`, as, headers });
  expect(res.statusCode).toBe(200);
  return res.json().items as { kind: string; id: string; title: string; subtitle?: string }[];
};
const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe("GET /api/search", () => {
  it("finds Härnösands kommun by its name, first and with its type and county", async () => {
    const items = await find("q=Härnösand");
    expect(items[0]).toMatchObject({
      kind: "organisation",
      title: "Härnösands kommun",
      subtitle: "Kommun · Västernorrlands län",
    });
    expect(titles(items)).toContain("Härnösands folkhögskola");
    expect(titles(items)).not.toContain("Eskilstuna kommun");
  });

  it("finds it typed without å, ä, ö and with a typo", async () => {
    expect(titles(await find("q=Harnosand"))[0]).toMatch(/^Härnösands/);
    expect(titles(await find("q=harnosands%20kommun"))[0]).toBe("Härnösands kommun");
    expect(titles(await find("q=Eskilstuan"))).toContain("Eskilstuna kommun");
    expect(titles(await find("q=Sundsval"))[0]).toBe("Sundsvalls kommun");
  });

  it("stems Swedish words in full text: 'kommunerna' finds 'kommuner' in a description", async () => {
    const items = await find("q=kommunerna");
    expect(titles(items)).toContain("LC-KOMP");
    const lectures = await find("q=gästföreläsningar");
    expect(lectures[0]).toMatchObject({
      kind: "activity",
      title: "Gästföreläsning om socialtjänstens arbete",
      subtitle: "Gästföreläsning · 2026-03-12 · Genomförd",
    });
  });

  it("searches every register, and only the kinds asked for", async () => {
    expect((await find("q=Hanna"))[0]).toMatchObject({ kind: "person", subtitle: "Personaldirektör" });
    expect((await find("q=DD1321"))[0]).toMatchObject({ kind: "course", title: "Tillämpad programmering" });
    expect((await find("q=hsjug"))[0]).toMatchObject({ kind: "programme", subtitle: "HSJUG · 180 hp" });
    const courses = await find("q=psykologi&kinds=course");
    expect(courses).toEqual([
      expect.objectContaining({ kind: "course", subtitle: "PS021U · 7,5 hp · Uppdragsutbildning" }),
    ]);
    const orgsOnly = await find("q=Sundsvall&kinds=organisation,programme");
    expect(orgsOnly.length).toBeGreaterThan(0);
    expect(orgsOnly.every((i) => i.kind === "organisation")).toBe(true);
  });

  it("ranks an exact name before names that only resemble it, and honours limit", async () => {
    const items = await find("q=Sundsvalls%20kommun");
    expect(items[0].title).toBe("Sundsvalls kommun");
    expect(await find("q=kommun&limit=2")).toHaveLength(2);
  });

  it("puts an exact name first, typed in lower case and without å, ä, ö, before longer names that start with it", async () => {
    const items = titles(await find("q=timra%20ik"));
    expect(items.slice(0, 2)).toEqual(["Timrå IK", "Timrå IK Ungdom"]);
    // Only like it ("Timrå" alone matches): found because few names match, but after them.
    expect(items.indexOf("Timrå kommun")).not.toBe(0);
    expect(items.indexOf("Timrå kommun")).not.toBe(1);
  });

  it("lists names that start with the query before names that only resemble it", async () => {
    const items = titles(await find("q=Kramfors"));
    expect(items.slice(0, 2).sort()).toEqual([
      "Kramfors kommun",
      "Kramforsbygdens ekonomiska förening för landsbygdsutveckling",
    ]);
    // Close in spelling, found too since only two names match, but after them.
    expect(items.slice(2).sort()).toEqual(["Kramfords Måleri", "Kramfor AB"].sort());
    // When the names that match fill the page, names that only resemble them are not on it.
    expect(titles(await find("q=Kramfors&limit=2")).sort()).toEqual(items.slice(0, 2).sort());
  });

  it("still finds a misspelled name that no name starts with or contains", async () => {
    expect(titles(await find("q=Timro%20kommun"))[0]).toBe("Timrå kommun");
  });

  it("takes an exact name as enough: no names that only resemble it", async () => {
    expect(titles(await find("q=kramfors%20kommun"))).toEqual(["Kramfors kommun"]);
    // Typed as a prefix only, the few names found are filled up with names like them.
    expect(titles(await find("q=kramfors"))).toContain("Kramfords Måleri");
  });

  it("finds a name by the starts of its words, in any order", async () => {
    const items = titles(await find(`q=${encodeURIComponent("folkhögsk härnö")}`));
    expect(items[0]).toBe("Härnösands folkhögskola");
    expect(titles(await find("q=kommun%20kramf"))[0]).toBe("Kramfors kommun");
  });

  it("ranks a word in a name before the same word in a description", async () => {
    const items = titles(await find("q=kommun"));
    const lastName = Math.max(
      ...["Härnösands kommun", "Kramfors kommun", "Timrå kommun"].map((n) => items.indexOf(n)),
    );
    expect(items.indexOf("LC-KOMP")).toBeGreaterThan(lastName);
    expect(items.indexOf("Härnösands kommun")).toBeGreaterThanOrEqual(0);
  });

  it("takes the query literally: wildcards and quotes do not break it", async () => {
    expect(await find(`q=${encodeURIComponent("%_\\'")}`)).toEqual([]);
    expect(titles(await find(`q=${encodeURIComponent("=Bygg")}`))).toContain("Företaget =Bygg AB");
    expect(await find(`q=${encodeURIComponent('"och" -inte')}`)).toBeInstanceOf(Array);
  });

  it("answers in English when asked", async () => {
    const items = await find("q=Härnösands%20kommun", coordinator, { "accept-language": "en" });
    expect(items[0].subtitle).toBe("Municipality · Västernorrlands län");
    const lectures = await find("q=g%C3%A4stf%C3%B6rel%C3%A4sningar", coordinator, {
      "accept-language": "en",
    });
    expect(lectures[0].subtitle).toMatch(/^Guest lecture · 2026-03-12 · /);
  });

  it("lets every logged-in role search, the public not", async () => {
    const partner = await t.login(demo.partner);
    expect(titles(await find("q=Härnösand", partner))).toContain("Härnösands kommun");
    const res = await t.request({ method: "GET", url: "/api/search?q=Härnösand" });
    expect(res.statusCode).toBe(401);
  });

  it("answers 422 with Swedish field errors for an empty query or an unknown kind", async () => {
    const empty = await t.request({ method: "GET", url: "/api/search?q=%20", as: coordinator });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors.q).toEqual(["Fältet måste fyllas i."]);
    const kind = await t.request({ method: "GET", url: "/api/search?q=a&kinds=planet", as: coordinator });
    expect(kind.statusCode).toBe(422);
    expect(JSON.stringify(kind.json().errors)).toContain("Okänd sorts träff");
  });
});

describe("samspel_fold", () => {
  it("folds every name as the full translation did, ASCII, å/ä/ö or other accents, so the indexes on it stay valid", async () => {
    const names = [
      "Eskilstuna kommun",
      "LC-KOMP",
      "Härnösands kommun",
      "ÅSA ÖBERG",
      "Crème brûlée AB",
      "Señor Niño",
      "Ærø Øst",
      "",
      "123 ABC",
      "ÖSTRA GÖTA ÄLV, Åre",
      "Malmö Café Åkerö",
    ];
    const rows = await queryRows<{ folded: string; full: string }>(
      t.database.db,
      sql`select samspel_fold(n) as folded,
            translate(lower(n), 'åäöæøéèêëáàâãíìîïóòôõúùûüýÿçñÅÄÖÆØÉÈÊËÁÀÂÃÍÌÎÏÓÒÔÕÚÙÛÜÝŸÇÑ',
              'aaoaoeeeeaaaaiiiioooouuuuyycnaaoaoeeeeaaaaiiiioooouuuuyycn') as full
          from unnest(${pgArray(names)}::text[]) with ordinality as x(n, ord) order by ord`,
    );
    expect(rows.map((r) => r.folded)).toEqual(rows.map((r) => r.full));
    expect(rows.slice(0, 5).map((r) => r.folded)).toEqual([
      "eskilstuna kommun",
      "lc-komp",
      "harnosands kommun",
      "asa oberg",
      "creme brulee ab",
    ]);
    // Å, Ä and Ö in either case, alone and beside another accent.
    expect(rows.slice(-2).map((r) => r.folded)).toEqual(["ostra gota alv, are", "malmo cafe akero"]);
  });
});
