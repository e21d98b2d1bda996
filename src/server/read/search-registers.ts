import { type SQL, sql } from "drizzle-orm";
import type { Locale } from "../../common/format.ts";
import { type SearchKind, type SearchQuery, searchKinds } from "../../common/search.ts";
import { swedishSortKey } from "../../common/sort-key.ts";
import { type Db, queryRows } from "../db/client.ts";
import { likePattern } from "../platform/sql.ts";

/**
 * The search over the registers (read layer, decision 011): one SQL statement across the organisations',
 * people's, programmes', courses' and activities' tables instead of asking five services, so one round trip
 * answers the search box in the common case. The search module decides who may search.
 *
 * Every source answers the same columns (kind, id, title, a, b, c, score) so the sources can be unioned;
 * a/b/c are raw parts of the subtitle the service formats.
 *
 * Two steps, each from index scans only, each capped, and only the candidates are scored (issue 14:
 * exact and prefix matching first, fuzzy only where they find too little):
 *  1. the name: the accent-folded name starts with q (btree range read in order, migration 0031) or
 *     contains q (`samspel_fold(name) like '%q%'` on the folded trigram index, migration 0004_search, so
 *     "Harnosand" finds Härnösands kommun), or an exact code or e-mail (programmes, courses, people);
 *  2. only when step 1 found fewer hits than asked for: Swedish full text where the register has the index
 *     (`to_tsvector('swedish', …) @@ websearch_to_tsquery('swedish', q)`, so "kommunerna" finds "kommun" in
 *     a description), and trigram similarity (`samspel_fold(q) <% samspel_fold(name)`, so "Eskilstuan"
 *     still finds Eskilstuna kommun).
 * Hits rank by how they match: exact name (or code, e-mail) 5, name prefix 4, a word of the name starts
 * with q 3, q inside the name 2, full text 1, similar only 0; within a rank, by similarity to the name.
 * A word in thousands of names (say "bygg") ranks only the first few hundred candidates the index gives.
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

/** Candidates per source and way of matching; only they are scored. */
/** Candidates per source and way of matching (at least; more for a larger page); only they are scored. */
export const CANDIDATE_CAP = 100;
const PREFIX_CAP = 50;

/** Which way of matching a statement uses: the name (step 1) or the text and similarity (step 2). */
type Step = "name" | "wider";

/**
 * One source's best `limit` hits of one step (`_key`, swedishSortKey(q), is no longer needed). Everything
 * is computed in SQL from q so the expressions match the indexes exactly. Each way of matching selects the columns the hit
 * needs, so the candidates are never joined back; they carry how they were found (2 = exact code or
 * e-mail, 1 = full text, 0 = the name), so scoring never recomputes a tsvector. The rank needs only
 * string comparisons of the folded name; the similarity that orders hits within a rank is one trigram
 * comparison (word_similarity, the dearer one, only for hits that are merely similar).
 */
export function sourceQuery(
  source: SearchSource,
  q: string,
  _key: string,
  limit: number,
  step: Step = "name",
): SQL | null {
  const { table, name } = source;
  const prefixCap = Math.max(PREFIX_CAP, 2 * limit);
  const cap = Math.max(CANDIDATE_CAP, 3 * limit);
  const columns = (hit: number) =>
    sql`r.id, ${sql.raw(String(hit))} as hit, ${name} as title, ${source.parts}, r.sort_key`;
  // Fewer than three letters have no trigram: the trigram index can neither find q inside a name nor
  // anything similar; the folded prefix and full text still apply.
  const trigrams = [...q].length >= 3;
  const candidates: SQL[] = [];
  if (step === "name") {
    // The folded name's prefix: a range on its btree (migration 0031, COLLATE "C"), read in order.
    const folded = sql`samspel_fold(${name}) collate "C"`;
    candidates.push(
      sql`(select ${columns(0)} from ${table} r where ${folded} >= samspel_fold(${q}) and ${folded} < samspel_fold(${q}) || ${"\u{10FFFF}"}
          order by ${folded} limit ${prefixCap})`,
    );
    if (trigrams)
      candidates.push(
        sql`(select ${columns(0)} from ${table} r where samspel_fold(${name}) like samspel_fold(${likePattern(q)}) limit ${cap})`,
      );
    if (source.exact)
      candidates.push(sql`(select ${columns(2)} from ${table} r where r.id in (${source.exact(q)}))`);
  } else {
    if (trigrams)
      candidates.push(
        sql`(select ${columns(0)} from ${table} r where samspel_fold(${q}) <% samspel_fold(${name}) limit ${cap})`,
      );
    if (source.fullText)
      candidates.push(
        sql`(select ${columns(1)} from ${table} r where ${source.fullText} @@ websearch_to_tsquery('swedish', ${q}) limit ${cap})`,
      );
  }
  if (!candidates.length) return null;
  // The rank (5 … 0, see the top of this file) plus closeness below 1.
  return sql`(with cand as materialized (
      select distinct on (id) * from (${sql.join(candidates, sql` union all `)}) c order by id, hit desc
    ), folded as materialized (
      select *, samspel_fold(title) as n, samspel_fold(${q}) as f from cand
    ), ranked as (
      select *, case when n = f or hit = 2 then 5 when left(n, length(f)) = f then 4
           when position(' ' || f in n) > 0 then 3 when position(f in n) > 0 then 2 when hit = 1 then 1 else 0 end as rank
      from folded
    )
    select ${source.kind}::text as kind, id::text as id, title, a, b, c,
      rank + 0.99 * case when rank = 0 then (2 * word_similarity(f, n) + similarity(f, n)) / 3 else similarity(f, n) end as score
    from ranked
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

/** One statement of the search and whether the next one is needed after it answered `found` rows. */
export interface SearchStatement {
  sql: SQL;
  needMore(found: number): boolean;
}

/**
 * The statements of a search, in order: the names first; the wider one (full text, similar names) only
 * while fewer than `limit` hits are found. Exported for the bench, which times them bare.
 */
export function searchStatements(query: Pick<SearchQuery, "q" | "kinds" | "limit">): SearchStatement[] {
  const q = query.q.normalize("NFC");
  const key = swedishSortKey(q);
  const kinds = new Set<SearchKind>(query.kinds?.length ? query.kinds : searchKinds);
  const wanted = sources.filter((s) => kinds.has(s.kind));
  const statement = (step: Step, limit: number) => {
    const parts = wanted.map((s) => sourceQuery(s, q, key, limit, step)).filter((p): p is SQL => !!p);
    return parts.length
      ? sql`select * from (${sql.join(parts, sql` union all `)}) hits order by score desc, title limit ${limit}`
      : null;
  };
  const names = statement("name", query.limit)!;
  // A hit of the names may be found again by the wider step: ask for enough to fill the page anyway.
  const wider = statement("wider", query.limit * 2);
  return [
    { sql: names, needMore: (found) => !!wider && found < query.limit },
    ...(wider ? [{ sql: wider, needMore: () => false }] : []),
  ];
}

/**
 * The best `limit` hits of the wanted registers, best first: the name matches, then (only if they are
 * fewer than `limit`) the full-text and similar ones not already among them. Every name match ranks
 * above every full-text or similar-only hit, so appending keeps the order.
 *
 * The statements run with sequential scans off: the planner prices samspel_fold() (a translate() over
 * every name) like a cheap operator and, under a LIMIT, prefers reading a whole register (20 000
 * activities: over a second) to the folded trigram index (milliseconds). SET LOCAL ends with the
 * transaction.
 */
export function searchHits(db: Db, query: Pick<SearchQuery, "q" | "kinds" | "limit">): Promise<HitRow[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const hits: HitRow[] = [];
    const seen = new Set<string>();
    for (const statement of searchStatements(query)) {
      for (const row of await queryRows<HitRow>(tx, statement.sql)) {
        const id = `${row.kind}:${row.id}`;
        if (seen.has(id) || hits.length >= query.limit) continue;
        seen.add(id);
        hits.push(row);
      }
      if (!statement.needMore(hits.length)) break;
    }
    return hits;
  });
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
