import { type SQL, sql } from "drizzle-orm";
import type { Locale } from "../../common/format.ts";
import type { SearchKind } from "../../common/search.ts";
import { type Db, queryRows } from "../db/client.ts";

/**
 * The search over the registers (read layer, decision 011): one SQL statement across the organisations',
 * people's, programmes', courses' and activities' tables instead of asking five services, so one round trip
 * answers the search box. The search module decides who may search.
 *
 * How one register is searched. Every source answers the same columns (kind, id, title, a, b, c,
 * score) so the sources can be unioned; a/b/c are raw parts of the subtitle the service formats.
 *
 * Candidates come from index scans only, each capped, and only the candidates are scored:
 *  - prefix on the stored Swedish sort key (btree, ordered), so "Härnö" lists Härnösands kommun first;
 *  - fuzzy: `samspel_fold(q) <% samspel_fold(name)` on the accent-folded trigram index
 *    (migration 0004_search), so "Harnosand" and "Hernösand" still match;
 *  - Swedish full text where the register has the index: `to_tsvector('swedish', …) @@
 *    websearch_to_tsquery('swedish', q)`, so "kommunerna" finds "kommun";
 *  - exact code or e-mail (programmes, courses, people).
 * A common word (say "AB" among 100 000 companies) matches thousands of rows; the caps keep such a
 * query bounded at the price of ranking only the first few thousand of them.
 */
export interface SearchSource {
  kind: SearchKind;
  table: SQL;
  name: SQL;
  /** The exact expression of the register's full-text GIN index, when it has one. */
  fullText?: SQL;
  /** A query for the ids of certain matches (codes, e-mail), selecting `id`. */
  exact?: (q: string) => SQL;
  /** Subtitle parts a, b, c (text), selected from the alias `r`. */
  parts: SQL;
  /** A join for the parts, when they need one (the activity type's label). */
  join?: SQL;
}

export const sources: SearchSource[] = [
  {
    kind: "organisation",
    table: sql`organisations`,
    name: sql`r.name`,
    fullText: sql`to_tsvector('swedish', r.name || ' ' || coalesce(r.description, ''))`,
    exact: (q) => sql`select id from organisations where org_number = ${q}`,
    parts: sql`r.type as a, coalesce(r.county, r.municipality_code) as b, r.org_number as c`,
  },
  {
    kind: "person",
    table: sql`people`,
    name: sql`r.name`,
    exact: (q) => sql`select id from people where email = ${q.toLowerCase()}`,
    parts: sql`r.title as a, null::text as b, null::text as c`,
  },
  {
    kind: "programme",
    table: sql`programmes`,
    name: sql`r.name_sv`,
    exact: (q) => sql`select id from programmes where code = ${q.toUpperCase()}`,
    parts: sql`r.code as a, r.credits::text as b, null::text as c`,
  },
  {
    kind: "course",
    table: sql`courses`,
    name: sql`r.name_sv`,
    exact: (q) => sql`select id from courses where code = ${q.toUpperCase()}`,
    parts: sql`r.code as a, r.credits::text as b, case when r.contract then 'contract' end as c`,
  },
  {
    kind: "activity",
    table: sql`activities`,
    name: sql`r.title`,
    fullText: sql`to_tsvector('swedish', r.title || ' ' || coalesce(r.description, ''))`,
    parts: sql`r.type_key as a, r.start_date::text as b, r.status as c`,
  },
];

export const CANDIDATE_CAP = 400;
const PREFIX_CAP = 100;

/**
 * One source's best `limit` hits. `key` is swedishSortKey(q); the rest is computed in SQL from q so
 * the expressions match the indexes exactly. The candidates carry how they were found (1 = full
 * text, 2 = exact code or e-mail), so scoring never recomputes a tsvector; the materialized CTEs
 * keep PostgreSQL from folding each name more than once.
 */
export function sourceQuery(source: SearchSource, q: string, key: string, limit: number): SQL {
  const { table, name } = source;
  // A two-letter word has too few trigrams to be fuzzy about; prefix and full text still apply.
  const fuzzy = [...q].length >= 3;
  const candidates: SQL[] = [
    sql`(select r.id, 0 as hit from ${table} r where r.sort_key >= ${key} and r.sort_key < ${`${key}\u{10FFFF}`}
          and left(r.sort_key, ${[...key].length}) = ${key} order by r.sort_key limit ${PREFIX_CAP})`,
  ];
  if (fuzzy)
    candidates.push(
      sql`(select r.id, 0 as hit from ${table} r where samspel_fold(${q}) <% samspel_fold(${name}) limit ${CANDIDATE_CAP})`,
    );
  if (source.fullText)
    candidates.push(
      sql`(select r.id, 1 as hit from ${table} r where ${source.fullText} @@ websearch_to_tsquery('swedish', ${q}) limit ${CANDIDATE_CAP})`,
    );
  if (source.exact) candidates.push(sql`(select e.id, 2 as hit from (${source.exact(q)}) e)`);
  // Exact name (or code, e-mail) 4, name prefix 3, a word of the name starts with q 2, full text 1;
  // then closeness: how well q matches a part of the name, and the name as a whole.
  return sql`(with cand as materialized (
      select id, max(hit) as hit from (${sql.join(candidates, sql` union all `)}) c group by id
    ), scored as materialized (
      select r.id, ${name} as title, ${source.parts}, r.sort_key, c.hit, samspel_fold(${name}) as n
      from cand c join ${table} r on r.id = c.id
    )
    select ${source.kind}::text as kind, id::text as id, title, a, b, c,
      case when n = samspel_fold(${q}) or hit = 2 then 4 when left(n, length(samspel_fold(${q}))) = samspel_fold(${q}) then 3
           when position(' ' || samspel_fold(${q}) in n) > 0 then 2 when hit = 1 then 1 else 0 end
      + word_similarity(samspel_fold(${q}), n) + similarity(samspel_fold(${q}), n) / 2 as score
    from scored
    order by score desc, sort_key, id
    limit ${limit})`;
}

export interface HitRow {
  kind: SearchKind;
  id: string;
  title: string;
  a: string | null;
  b: string | null;
  c: string | null;
  score: number;
}

/** The best `limit` hits of the wanted registers, best first; `key` is swedishSortKey(q). */
export function searchHits(db: Db, q: string, key: string, kinds: Set<SearchKind>, limit: number) {
  const parts = sources.filter((s) => kinds.has(s.kind)).map((s) => sourceQuery(s, q, key, limit));
  return queryRows<HitRow>(
    db,
    sql`select * from (${sql.join(parts, sql` union all `)}) hits order by score desc, title limit ${limit}`,
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
