import { type SearchKind, type SearchQuery, searchKinds } from "../../../common/search.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { type HitRow, searchHits } from "../../read/search-registers.ts";
import { searchPolicy } from "./search.policy.ts";

export type { HitRow } from "../../read/search-registers.ts";

/**
 * Searches the registers by name: Swedish full text, accent-folded fuzzy matching and prefixes,
 * best hits first. The statement across the modules' tables is a read model of the read layer
 * (read/search-registers.ts); this decides who may search.
 */
export async function search(db: Db, actor: Actor | null, query: SearchQuery): Promise<HitRow[]> {
  authorize(actor, searchPolicy, "search", null);
  const q = query.q.normalize("NFC");
  const key = swedishSortKey(q);
  const wanted = new Set<SearchKind>(query.kinds?.length ? query.kinds : searchKinds);
  return searchHits(db, q, key, wanted, query.limit);
}
