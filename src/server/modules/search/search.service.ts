import type { Locale } from "../../../common/format.ts";
import type { SearchQuery } from "../../../common/search.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { type HitRow, searchHits } from "../../read/search-registers.ts";
import { searchPolicy } from "./search.policy.ts";

export type { HitRow } from "../../read/search-registers.ts";

/**
 * Searches the registers by name: exact names, prefixes and accent-folded parts of names first; Swedish
 * full text and fuzzy (trigram) matching only when those find fewer hits than asked for; best hits first.
 * The statements across the modules' tables are a read model of the read layer
 * (read/search-registers.ts); this decides who may search.
 */
export async function search(
  db: Db,
  actor: Actor | null,
  query: SearchQuery,
  locale: Locale = "sv",
): Promise<HitRow[]> {
  authorize(actor, searchPolicy, "search", null);
  return searchHits(db, query, locale);
}
