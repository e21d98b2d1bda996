import { type SQL, sql } from "drizzle-orm";
import type { SearchKind } from "../../../common/search.ts";

/**
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
  /** Extra candidate ids that are certain matches (codes, e-mail). */
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

export const CANDIDATE_CAP = 1000;
const PREFIX_CAP = 200;

/**
 * One source's best `limit` hits. `key` is swedishSortKey(q); the rest is computed in SQL from q so
 * the expressions match the indexes exactly.
 */
export function sourceQuery(source: SearchSource, q: string, key: string, limit: number): SQL {
  const { table, name } = source;
  // A two-letter word has too few trigrams to be fuzzy about; prefix and full text still apply.
  const fuzzy = [...q].length >= 3;
  const candidates: SQL[] = [
    sql`(select r.id from ${table} r where r.sort_key >= ${key} and r.sort_key < ${`${key}\u{10FFFF}`}
          and left(r.sort_key, ${[...key].length}) = ${key} order by r.sort_key limit ${PREFIX_CAP})`,
  ];
  if (fuzzy)
    candidates.push(
      sql`(select r.id from ${table} r where samspel_fold(${q}) <% samspel_fold(${name}) limit ${CANDIDATE_CAP})`,
    );
  if (source.fullText)
    candidates.push(
      sql`(select r.id from ${table} r where ${source.fullText} @@ websearch_to_tsquery('swedish', ${q}) limit ${CANDIDATE_CAP})`,
    );
  if (source.exact) candidates.push(sql`(${source.exact(q)})`);
  const fullTextHit = source.fullText
    ? sql`case when ${source.fullText} @@ websearch_to_tsquery('swedish', ${q}) then 1 else 0 end`
    : sql`0`;
  // Exact name 4, name prefix 3, a word of the name starts with q 2, full-text hit 1; then closeness.
  return sql`(select ${source.kind}::text as kind, r.id::text as id, ${name} as title, ${source.parts},
      greatest(
        case when f.n = f.q then 4 when left(f.n, length(f.q)) = f.q then 3
             when position(' ' || f.q in f.n) > 0 then 2 else 0 end,
        ${fullTextHit},
        case when r.id in (${source.exact ? source.exact(q) : sql`select null::uuid`}) then 4 else 0 end
      ) + word_similarity(f.q, f.n) + similarity(f.q, f.n) / 2 as score
    from ${table} r
    cross join lateral (select samspel_fold(${q}) as q, samspel_fold(${name}) as n) f
    where r.id in (${sql.join(candidates, sql` union `)})
    order by score desc, r.sort_key, r.id
    limit ${limit})`;
}
