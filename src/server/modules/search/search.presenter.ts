import type { TFunction } from "i18next";
import { formatCredits, type Locale } from "../../../common/format.ts";
import type { SearchHit } from "../../../common/search.ts";
import type { HitRow } from "./search.service.ts";

/** A hit as the API shows it: the subtitle composed in the reader's language. */
export function presentHit(row: HitRow, t: TFunction, locale: Locale): SearchHit {
  const subtitle = subtitleOf(row, t, locale);
  return { kind: row.kind, id: row.id, title: row.title, ...(subtitle ? { subtitle } : {}) };
}

/**
 * Words and credits as shown, remembered per language: a page of hits repeats a handful of types and
 * credits, and i18next's lookup and a new Intl.NumberFormat per hit were a fifth of a search's CPU in
 * the server (issue 14, goal 2 profile). The messages are fixed once the server has started.
 */
const shown = new Map<string, string>();
function remembered(key: string, make: () => string): string {
  let text = shown.get(key);
  if (text === undefined) {
    text = make();
    // A bound against odd values (credits are few; keys come from the registers' fixed lists).
    if (shown.size < 10_000) shown.set(key, text);
  }
  return text;
}
const word = (t: TFunction, locale: Locale, key: string, fallback: string) =>
  remembered(`${locale}\u0000${key}\u0000${fallback}`, () => t(key, { defaultValue: fallback }));
const credits = (value: string, locale: Locale) =>
  remembered(`${locale}\u0000credits\u0000${value}`, () => formatCredits(Number(value), locale));

/** The line under a hit's title, in the reader's language (an activity's a: its type's label already). */
function subtitleOf(
  row: Pick<HitRow, "kind" | "a" | "b" | "c">,
  t: TFunction,
  locale: Locale,
): string | undefined {
  const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" · ") || undefined;
  switch (row.kind) {
    case "organisation":
      return join(row.a ? word(t, locale, `organisations.types.${row.a}`, row.a) : null, row.b, row.c);
    case "person":
      return join(row.a);
    case "programme":
      return join(row.a, row.b ? credits(row.b, locale) : null);
    case "course":
      return join(
        row.a,
        row.b ? credits(row.b, locale) : null,
        row.c ? word(t, locale, "search.contractCourse", "search.contractCourse") : null,
      );
    case "activity":
      return join(row.a, row.b, row.c ? word(t, locale, `activities.statuses.${row.c}`, row.c) : null);
  }
}
