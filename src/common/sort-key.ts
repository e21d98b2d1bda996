/**
 * A key that sorts in Swedish order under the C collation (PGlite has no other): lower-cased,
 * accents folded, and å ä ö mapped to the three characters after "z" in ASCII. Stored beside a name
 * so SQL can `order by sort_key, id` and page with a keyset cursor.
 */
export function swedishSortKey(text: string): string {
  const lowered = text.toLocaleLowerCase("sv").trim();
  let out = "";
  for (const ch of lowered) {
    if (ch === "å") out += "{";
    else if (ch === "ä" || ch === "æ") out += "|";
    else if (ch === "ö" || ch === "ø") out += "}";
    else if (ch === "ü") out += "y";
    else out += ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  return out;
}
