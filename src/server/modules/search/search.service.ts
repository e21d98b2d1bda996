import { sql } from "drizzle-orm";
import type { Locale } from "../../../common/format.ts";
import { type SearchKind, type SearchQuery, searchKinds } from "../../../common/search.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import { type Db, queryRows } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { searchPolicy } from "./search.policy.ts";
import { sourceQuery, sources } from "./search.sql.ts";

export interface HitRow {
  kind: SearchKind;
  id: string;
  title: string;
  a: string | null;
  b: string | null;
  c: string | null;
  score: number;
}

/**
 * Searches the registers by name: Swedish full text, accent-folded fuzzy matching and prefixes,
 * best hits first. A read model across modules (like a report): it reads their tables in one SQL
 * statement instead of asking five services, so one round trip answers the search box.
 */
export async function search(db: Db, actor: Actor | null, query: SearchQuery): Promise<HitRow[]> {
  authorize(actor, searchPolicy, "search", null);
  const q = query.q.normalize("NFC");
  const key = swedishSortKey(q);
  const wanted = new Set<SearchKind>(query.kinds?.length ? query.kinds : searchKinds);
  const parts = sources.filter((s) => wanted.has(s.kind)).map((s) => sourceQuery(s, q, key, query.limit));
  return queryRows<HitRow>(
    db,
    sql`select * from (${sql.join(parts, sql` union all `)}) hits order by score desc, title limit ${query.limit}`,
  );
}

/** Labels of activity types, for subtitles. */
export async function activityTypeLabels(db: Db, locale: Locale): Promise<Map<string, string>> {
  const rows = await queryRows<{ key: string; label: string }>(
    db,
    locale === "sv"
      ? sql`select key, label_sv as label from activity_types`
      : sql`select key, label_en as label from activity_types`,
  );
  return new Map(rows.map((r) => [r.key, r.label]));
}
