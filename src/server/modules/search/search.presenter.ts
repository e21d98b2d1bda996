import type { TFunction } from "i18next";
import { formatCredits, type Locale } from "../../../common/format.ts";
import type { SearchHit } from "../../../common/search.ts";
import type { HitRow } from "./search.service.ts";

/** A hit as the API shows it: the subtitle composed in the reader's language. */
export function presentHit(
  row: HitRow,
  t: TFunction,
  locale: Locale,
  typeLabels: Map<string, string>,
): SearchHit {
  const subtitle = subtitleOf(row, t, locale, typeLabels);
  return { kind: row.kind, id: row.id, title: row.title, ...(subtitle ? { subtitle } : {}) };
}

/** The line under a hit's title, in the reader's language. */
function subtitleOf(
  row: Pick<HitRow, "kind" | "a" | "b" | "c">,
  t: TFunction,
  locale: Locale,
  typeLabels: Map<string, string>,
): string | undefined {
  const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" · ") || undefined;
  const credits = row.b ? formatCredits(Number(row.b), locale) : null;
  switch (row.kind) {
    case "organisation":
      return join(row.a ? t(`organisations.types.${row.a}`, { defaultValue: row.a }) : null, row.b, row.c);
    case "person":
      return join(row.a);
    case "programme":
      return join(row.a, credits);
    case "course":
      return join(row.a, credits, row.c ? t("search.contractCourse") : null);
    case "activity":
      return join(
        row.a ? (typeLabels.get(row.a) ?? row.a) : null,
        row.b,
        row.c ? t(`activities.statuses.${row.c}`, { defaultValue: row.c }) : null,
      );
  }
}
