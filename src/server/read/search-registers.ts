import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Locale } from "../../common/format.ts";
import { type SearchKind, type SearchQuery, searchKinds } from "../../common/search.ts";
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
 * Three steps, each one statement prepared once per set of kinds, each from index scans only, each capped,
 * and only the candidates are scored (issue 14: exact and prefix matching first, fuzzy only where they
 * find too little). A step runs only when the ones before found fewer hits than asked for and none of
 * them is the name, code or e-mail exactly (needsMore):
 *  1. the names: the accent-folded name starts with q (btree range read in order, migration 0031); every
 *     word of q starts a word of the folded name (`to_tsvector('simple', samspel_fold(name)) @@
 *     'w1:* & w2:*'` on its GIN index, migration 0034, so "kommun" and "Harnosand" find Härnösands
 *     kommun); an exact code or e-mail (programmes, courses, people);
 *  2. near names and full text: the same words index with each word of q cut to its first two thirds
 *     (`'eskilst':*`, so "Eskilstuan" finds Eskilstuna kommun and "Timro kommun" Timrå kommun), and
 *     Swedish full text where the register has the index (`to_tsvector('swedish', …) @@
 *     websearch_to_tsquery('swedish', q)`, so "kommunerna" finds "kommun" in a description);
 *  3. trigrams: q inside a name (`samspel_fold(name) like '%q%'`) and names similar to q
 *     (`samspel_fold(q) <% samspel_fold(name)`, a typo in a word's first letters) on the folded trigram
 *     index (migration 0004_search). The trigram indexes are the dear part of a search (every posting
 *     list of q's trigrams is read, and in 50 000 people's names the common ones are long: milliseconds
 *     per register), hence last.
 * Hits rank by how they match: exact name (or code, e-mail) 5, name prefix 4, q at the start of a word
 * of the name 3, every word of q starting a word of the name or q inside the name 2, full text 1, near or
 * similar only 0; within a rank, by similarity to the name (step 1 for a one-word q: by the share of the
 * name that q is, with no folding). A word in thousands of names (say "AB") ranks only the first
 * candidates found (a word in most of a register's names is read from its rows in turn: frequentSources).
 */
export interface SearchSource {
  kind: SearchKind;
  table: SQL;
  /** The register's words index (migration 0034), whose statistics tell a frequent word. */
  wordsIndex: string;
  name: SQL;
  /** The exact expression of the register's full-text GIN index, when it has one. */
  fullText?: SQL;
  /** A query for the ids of certain matches (codes, e-mail), selecting `id`, from the bound values. */
  exact?: (v: Values) => SQL;
  /** Subtitle parts a, b, c (text), selected from the alias `r`. */
  parts: SQL;
  /** Part a as shown, from the source's best hits (alias `ranked`), when it needs a lookup. */
  shownA?: (v: Values) => SQL;
}

/** The values of a search's statements, bound as parameters or as placeholders of a prepared statement. */
interface Values {
  q: SQL;
  upper: SQL;
  lower: SQL;
  /** `w1:* & w2:*`, the words of q as prefixes (folded in SQL), or null when q has no word. */
  words: SQL;
  /** The same with each word cut to its first two thirds, or null when that is no different. */
  near: SQL;
  like: SQL;
  limit: SQL;
  prefixCap: SQL;
  cap: SQL;
  /** The reader's language ("sv", "en"), for words the statement looks up (activity types). */
  locale: SQL;
}

export const sources: SearchSource[] = [
  {
    kind: "organisation",
    table: sql`organisations`,
    wordsIndex: "organisations_name_fold_words",
    name: sql`r.name`,
    fullText: sql`to_tsvector('swedish', r.name || ' ' || coalesce(r.description, ''))`,
    exact: (v) => sql`select id from organisations where org_number = ${v.q}`,
    parts: sql`r.type as a, coalesce(r.county, r.municipality_code) as b, r.org_number as c`,
  },
  {
    kind: "person",
    table: sql`people`,
    wordsIndex: "people_name_fold_words",
    name: sql`r.name`,
    exact: (v) => sql`select id from people where email = ${v.lower}`,
    parts: sql`r.title as a, null::text as b, null::text as c`,
  },
  {
    kind: "programme",
    table: sql`programmes`,
    wordsIndex: "programmes_name_fold_words",
    name: sql`r.name_sv`,
    exact: (v) => sql`select id from programmes where code = ${v.upper}`,
    parts: sql`r.code as a, r.credits::text as b, null::text as c`,
  },
  {
    kind: "course",
    table: sql`courses`,
    wordsIndex: "courses_name_fold_words",
    name: sql`r.name_sv`,
    exact: (v) => sql`select id from courses where code = ${v.upper}`,
    parts: sql`r.code as a, r.credits::text as b, case when r.contract then 'contract' end as c`,
  },
  {
    kind: "activity",
    table: sql`activities`,
    wordsIndex: "activities_title_fold_words",
    name: sql`r.title`,
    fullText: sql`to_tsvector('swedish', r.title || ' ' || coalesce(r.description, ''))`,
    parts: sql`r.type_key as a, r.start_date::text as b, r.status as c`,
    // The type's label in the reader's language, looked up for the page's hits only (no second statement).
    shownA: (v) => sql`coalesce((select case when ${v.locale} = 'en' then t.label_en else t.label_sv end
      from activity_types t where t.key = ranked.a), ranked.a)`,
  },
];

/** Candidates per source and way of matching (at least; more for a larger page); only they are scored. */
export const CANDIDATE_CAP = 60;
const PREFIX_CAP = 30;
/** Words of q matched as prefixes (more add nothing a user notices, only work). */
const MAX_WORDS = 8;

/** Which ways of matching a statement uses: the steps at the top of this file. */
type Step = "name" | "near" | "trigram";
const steps: Step[] = ["name", "near", "trigram"];

/** How a candidate was found; the rank needs it where the folded strings cannot tell. */
const HIT = { other: 0, fullText: 1, words: 2, prefix: 3, exact: 4 } as const;

/**
 * `w1:* & w2:*` for to_tsquery('simple', samspel_fold(…)): q's words (letters and digits, as the text
 * search parser splits a name) each as a prefix; null when q has none (then no name matches by words).
 */
export function wordPrefixes(q: string, cut = false): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_WORDS) ?? [];
  const start = (w: string) => {
    const letters = [...w];
    return letters.length < 4 ? w : letters.slice(0, Math.ceil((2 * letters.length) / 3)).join("");
  };
  return words.length ? words.map((w) => `${cut ? start(w) : w}:*`).join(" & ") : null;
}

function values(q: string, limit: number, locale: Locale = "sv") {
  return {
    locale,
    q,
    upper: q.toUpperCase(),
    lower: q.toLowerCase(),
    words: wordPrefixes(q),
    near: wordPrefixes(q, true) === wordPrefixes(q) ? null : wordPrefixes(q, true),
    like: likePattern(q),
    limit,
    prefixCap: Math.max(PREFIX_CAP, limit),
    cap: Math.max(CANDIDATE_CAP, 2 * limit),
  };
}
type RawValues = ReturnType<typeof values>;

/** The values as parameters of a statement built for them. */
const bound = (v: RawValues): Values => ({
  q: sql`${v.q}::text`,
  upper: sql`${v.upper}::text`,
  lower: sql`${v.lower}::text`,
  words: sql`${v.words}::text`,
  near: sql`${v.near}::text`,
  like: sql`${v.like}::text`,
  limit: sql`${v.limit}::int`,
  prefixCap: sql`${v.prefixCap}::int`,
  cap: sql`${v.cap}::int`,
  locale: sql`${v.locale}::text`,
});

/** The values as placeholders of a statement prepared once (its shape: the kinds; q has ≥ 3 letters). */
const placeholders: Values = {
  q: sql`${sql.placeholder("q")}::text`,
  upper: sql`${sql.placeholder("upper")}::text`,
  lower: sql`${sql.placeholder("lower")}::text`,
  words: sql`${sql.placeholder("words")}::text`,
  near: sql`${sql.placeholder("near")}::text`,
  like: sql`${sql.placeholder("like")}::text`,
  limit: sql`${sql.placeholder("limit")}::int`,
  prefixCap: sql`${sql.placeholder("prefixCap")}::int`,
  cap: sql`${sql.placeholder("cap")}::int`,
  locale: sql`${sql.placeholder("locale")}::text`,
};

/**
 * One source's best `limit` hits of one step. Everything is computed in SQL from q so the expressions
 * match the indexes exactly. Each way of matching selects the columns the hit needs, so the candidates
 * are never joined back; they carry how they were found (HIT), so scoring never recomputes a tsvector.
 * The rank needs only string comparisons of the folded name; the similarity that orders hits within a
 * rank is one trigram comparison (word_similarity, the dearer one, only for hits that are merely similar).
 * `trigrams`: q has three letters or more (fewer have no trigram: the trigram index can neither find q
 * inside a name nor anything similar).
 */
function sourceStatement(
  source: SearchSource,
  v: Values,
  step: Step,
  trigrams: boolean,
  frequent = false,
  oneWord = false,
): SQL | null {
  const { table, name } = source;
  const columns = (hit: number) =>
    sql`r.id, ${sql.raw(String(hit))} as hit, ${name} as title, ${source.parts}, r.sort_key`;
  const candidates: SQL[] = [];
  let prefix: SQL | null = null;
  if (step === "name") {
    // The folded name's prefix: a range on its btree (migration 0031, COLLATE "C"), read in order.
    const folded = sql`samspel_fold(${name}) collate "C"`;
    prefix = sql`select ${columns(HIT.prefix)} from ${table} r where ${folded} >= samspel_fold(${v.q}) and ${folded} < samspel_fold(${v.q}) || ${"\u{10FFFF}"}
          order by ${folded} limit ${v.prefixCap}`;
    // Names with a later word starting with q rank below every prefix: when the prefixes fill the
    // source's page (prefixCap ≥ limit), they are not looked for (a one-time filter: no index scan).
    const fewPrefixes = sql`(select count(*) from prefix) < ${v.limit}`;
    candidates.push(
      sql`(select * from prefix)`,
      frequent
        ? // In most names (see frequentSources): the first rows of the register that have the words, read
          // in turn (a bounded scan; `|| ''` keeps the words index out), not a bitmap of all of them.
          sql`(select ${columns(HIT.words)} from (select * from ${table} limit ${sql.raw(String(FREQUENT_SCAN))}) r
          where ${fewPrefixes} and to_tsvector('simple', samspel_fold(${name}) || '') @@ to_tsquery('simple', samspel_fold(${v.words})) limit ${v.cap})`
        : sql`(select ${columns(HIT.words)} from ${table} r
          where ${fewPrefixes} and to_tsvector('simple', samspel_fold(${name})) @@ to_tsquery('simple', samspel_fold(${v.words})) limit ${v.cap})`,
    );
    if (source.exact)
      candidates.push(sql`(select ${columns(HIT.exact)} from ${table} r where r.id in (${source.exact(v)}))`);
  } else if (step === "near") {
    candidates.push(
      sql`(select ${columns(HIT.other)} from ${table} r
          where to_tsvector('simple', samspel_fold(${name})) @@ to_tsquery('simple', samspel_fold(${v.near})) limit ${v.cap})`,
    );
    if (source.fullText)
      candidates.push(
        sql`(select ${columns(HIT.fullText)} from ${table} r where ${source.fullText} @@ websearch_to_tsquery('swedish', ${v.q}) limit ${v.cap})`,
      );
  } else if (trigrams) {
    candidates.push(
      sql`(select ${columns(HIT.other)} from ${table} r where samspel_fold(${name}) like samspel_fold(${v.like}) limit ${v.cap})`,
      sql`(select ${columns(HIT.other)} from ${table} r where samspel_fold(${v.q}) <% samspel_fold(${name}) limit ${v.cap})`,
    );
  }
  if (!candidates.length) return null;
  const union = sql`${prefix ? sql`prefix as materialized (${prefix}), ` : sql``}cand as materialized (
      select distinct on (id) * from (${sql.join(candidates, sql` union all `)}) c order by id, hit desc)`;
  if (step === "name" && oneWord)
    // q is one word (letters and digits only): how a name was found is its rank, with no folding. A
    // prefix the length of q is the name (5), a longer one 4; a word of the name starts with q (3; a
    // prefix beyond the prefix candidates ranks 3, but those fill the page before it). Closeness: the
    // share of the name that q is (its trigram similarity is about that, for a name starting with q).
    return sql`(with ${union}, ranked as (
        select *, case hit when ${sql.raw(String(HIT.exact))} then 5
            when ${sql.raw(String(HIT.prefix))} then case when char_length(title) = char_length(${v.q}) then 5 else 4 end
            else 3 end as rank
        from cand
      )
      select ${source.kind}::text as kind, id::text as id, title, ${source.shownA ? source.shownA(v) : sql`a`} as a, b, c,
        rank + 0.99 * char_length(${v.q})::float8 / greatest(char_length(title), 1) as score
      from ranked
      order by score desc, sort_key, id
      limit ${v.limit})`;
  // The rank (5 … 0, see the top of this file) plus closeness below 1. samspel_fold() costs some 1–4 µs
  // (migrations 0038, 0039): once per candidate, and q's once per statement (a sub-select; as a prepared
  // statement's parameter it would be folded again on every row). A merely similar name (rank 0) is close by
  // how well q matches its best word (word_similarity) as well as the whole name — but a near name (step 2)
  // has a word starting like q by how it was found, so there the whole name's similarity tells the closer
  // ones (the shorter names): word_similarity was a third of that step's time (~4.5 µs a candidate).
  const closeness =
    step === "near"
      ? sql`similarity(f, n)`
      : sql`case when rank = 0 then (2 * word_similarity(f, n) + similarity(f, n)) / 3 else similarity(f, n) end`;
  return sql`(with ${union}, folded as materialized (
      select *, samspel_fold(title) as n, (select samspel_fold(${v.q})) as f from cand
    ), ranked as (
      select *, case when n = f or hit = ${sql.raw(String(HIT.exact))} then 5 when left(n, length(f)) = f then 4
           when position(' ' || f in n) > 0 then 3 when hit = ${sql.raw(String(HIT.words))} or position(f in n) > 0 then 2
           when hit = ${sql.raw(String(HIT.fullText))} then 1 else 0 end as rank
      from folded
    )
    select ${source.kind}::text as kind, id::text as id, title, ${source.shownA ? source.shownA(v) : sql`a`} as a, b, c,
      rank + 0.99 * ${closeness} as score
    from ranked
    order by score desc, sort_key, id
    limit ${v.limit})`;
}

/**
 * One source's best `limit` hits of one step, its values bound as parameters (the bench times the
 * organisations' alone). `_key` (swedishSortKey(q)) is no longer needed.
 */
export function sourceQuery(
  source: SearchSource,
  q: string,
  _key: string,
  limit: number,
  step: Step = "name",
): SQL | null {
  return sourceStatement(source, bound(values(q.normalize("NFC"), limit)), step, [...q].length >= 3);
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

/** The statement of one step over the wanted sources: their hits unioned, best first. */
function statement(
  wanted: SearchSource[],
  v: Values,
  step: Step,
  trigrams: boolean,
  frequent: ReadonlySet<SearchKind> = new Set(),
  oneWord = false,
): SQL | null {
  const parts = wanted
    .map((s) => sourceStatement(s, v, step, trigrams, frequent.has(s.kind), oneWord))
    .filter((p): p is SQL => !!p);
  return parts.length
    ? sql`select * from (${sql.join(parts, sql` union all `)}) hits order by score desc, title limit ${v.limit}`
    : null;
}

function wantedSources(query: Pick<SearchQuery, "kinds">) {
  const kinds = new Set<SearchKind>(query.kinds?.length ? query.kinds : searchKinds);
  return sources.filter((s) => kinds.has(s.kind));
}

/** A rank-5 hit: the name, code or e-mail exactly as typed (less accents and case). */
const isExact = (row: HitRow) => Number(row.score) >= 5;

/** Whether the next step runs after the ones before found `hits`: see the top of this file. */
export const needsMore = (hits: HitRow[], limit: number) => hits.length < limit && !hits.some(isExact);

/** q is one word: letters and digits only (the names' step then ranks without folding). */
const isOneWord = (q: string) => /^[\p{L}\p{N}]+$/u.test(q);

/** Which steps a query can use: the trigram step needs three letters (fewer have no trigram). */
const stepsFor = (q: string) => ([...q].length >= 3 ? steps : steps.filter((s) => s !== "trigram"));

/**
 * The statements of a search, in order, their values bound (for the bench): the names; near names and
 * full text; trigrams. searchHits runs the next only while needsMore.
 */
export function searchStatements(query: Pick<SearchQuery, "q" | "kinds" | "limit">): SQL[] {
  const q = query.q.normalize("NFC");
  const wanted = wantedSources(query);
  // A hit of a step before may be found again: a later step asks for enough to fill the page anyway.
  return stepsFor(q).map(
    (step, i) =>
      statement(
        wanted,
        bound(values(q, i ? query.limit * 2 : query.limit)),
        step,
        true,
        new Set(),
        isOneWord(q),
      )!,
  );
}

/**
 * A word in most names of a register ("AB" in 80 % of 100 000 organisations) costs its words index a
 * bitmap of every such row (5 ms) before the first is read; reading the register's rows in turn finds the
 * first 60 after some 80 rows (under a millisecond). Which words are that frequent the words index's
 * statistics say (pg_stats: its most common lexemes and their share of rows, refreshed by ANALYZE);
 * only a register whose rows with every word of q are at least FREQUENT_SHARE of its rows and
 * FREQUENT_ROWS in number is read in turn, and at most FREQUENT_SCAN rows of it (a bound should the
 * statistics be old). Without statistics (PGlite before an ANALYZE) every register uses its index.
 */
const FREQUENT_SHARE = 0.3;
const FREQUENT_ROWS = 10_000;
const FREQUENT_SCAN = 5_000;
const STATS_TTL_MS = 5 * 60_000;

/** samspel_fold() (migration 0004_search) in JavaScript, for looking words up in the statistics. */
const FOLD_FROM = "åäöæøéèêëáàâãíìîïóòôõúùûüýÿçñ";
const FOLD_TO = "aaoaoeeeeaaaaiiiioooouuuuyycn";
const fold = (text: string) =>
  [...text.toLowerCase()].map((c) => FOLD_TO[FOLD_FROM.indexOf(c)] ?? c).join("");

interface WordStats {
  rows: number;
  shares: Map<string, number>;
}
const statsCache = new WeakMap<Db, { at: number; stats: Promise<Map<string, WordStats>> }>();

function wordStats(db: Db): Promise<Map<string, WordStats>> {
  const cached = statsCache.get(db);
  if (cached && Date.now() - cached.at < STATS_TTL_MS) return cached.stats;
  const stats = queryRows<{ index: string; elems: string[] | null; freqs: number[] | null; rows: number }>(
    db,
    sql`select s.tablename as index, s.most_common_elems::text::text[] as elems,
          s.most_common_elem_freqs as freqs, t.reltuples::float8 as rows
        from pg_stats s join pg_index i on i.indexrelid = to_regclass(s.tablename)
          join pg_class t on t.oid = i.indrelid
        where s.tablename in (${sql.join(
          sources.map((source) => sql`${source.wordsIndex}`),
          sql`, `,
        )})`,
  ).then(
    (rows) =>
      new Map(
        rows.map((r) => [
          r.index,
          {
            rows: Number(r.rows),
            shares: new Map((r.elems ?? []).map((lexeme, i) => [lexeme, Number(r.freqs?.[i] ?? 0)])),
          },
        ]),
      ),
    () => new Map<string, WordStats>(),
  );
  statsCache.set(db, { at: Date.now(), stats });
  return stats;
}

/** The wanted registers in most of whose names every word of q starts a word (see FREQUENT_SHARE). */
async function frequentSources(db: Db, wanted: SearchSource[], q: string): Promise<Set<SearchKind>> {
  const words = (q.match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_WORDS) ?? []).map(fold);
  const frequent = new Set<SearchKind>();
  if (!words.length) return frequent;
  const stats = await wordStats(db);
  for (const source of wanted) {
    const index = stats.get(source.wordsIndex);
    if (!index) continue;
    // A word as a prefix: the shares of the common lexemes it starts, at most all rows; q's words
    // together: at most the rarest word's share.
    let share = 1;
    for (const word of words) {
      let sum = 0;
      for (const [lexeme, s] of index.shares) if (lexeme.startsWith(word)) sum += s;
      share = Math.min(share, sum);
    }
    if (share >= FREQUENT_SHARE && share * index.rows >= FREQUENT_ROWS) frequent.add(source.kind);
  }
  return frequent;
}

const dialect = new PgDialect();
type Prepared = { execute(values: Record<string, unknown>): Promise<unknown> };
/** The statements' text and name per step and set of kinds (at most 3 × 31), built once. */
const built = new Map<string, { query: ReturnType<PgDialect["sqlToQuery"]>; name: string }>();

/**
 * A step's statement for the wanted kinds, prepared on `db` (a database or a transaction): named, so
 * PostgreSQL parses and plans it once per connection instead of on every search (its plan is the
 * generic one after five runs; the values only choose between index scans that are all cheap).
 */
function prepared(
  db: Db,
  wanted: SearchSource[],
  step: Step,
  frequent: ReadonlySet<SearchKind>,
  oneWord: boolean,
): Prepared {
  const code = (s: SearchSource) => s.kind[0] + s.kind[1];
  const kinds = wanted.map(code).join("");
  const many = wanted
    .filter((s) => frequent.has(s.kind))
    .map(code)
    .join("");
  const key = `${step}${oneWord ? "_word" : ""}_${kinds}${many ? `_frequent_${many}` : ""}`;
  let statementOf = built.get(key);
  if (!statementOf) {
    statementOf = {
      query: dialect.sqlToQuery(statement(wanted, placeholders, step, true, frequent, oneWord)!),
      name: `samspel_search_${key}`,
    };
    built.set(key, statementOf);
  }
  return db._.session.prepareQuery(
    statementOf.query,
    undefined,
    statementOf.name,
    false,
  ) as unknown as Prepared;
}

/**
 * The best `limit` hits of the wanted registers, best first: the names; then, while needsMore, near
 * names and full text, then trigrams, each step's hits not already found merged in by score (two steps
 * can rank a hit alike).
 *
 * The trigram step runs with sequential scans off: the planner prices samspel_fold() (a translate() over
 * every name) like a cheap operator and, under a LIMIT, prefers reading a whole register (20 000
 * activities: over a second) to the folded trigram index (milliseconds). SET LOCAL ends with the
 * transaction. The other steps need no setting: their text search conditions are priced as dear
 * (to_tsvector), so the planner keeps to their indexes.
 */
export async function searchHits(
  db: Db,
  query: Pick<SearchQuery, "q" | "kinds" | "limit">,
  locale: Locale = "sv",
): Promise<HitRow[]> {
  const q = query.q.normalize("NFC");
  const wanted = wantedSources(query);
  const frequent = await frequentSources(db, wanted, q);
  let hits: HitRow[] = [];
  const seen = new Set<string>();
  for (const [i, step] of stepsFor(q).entries()) {
    if (i && !needsMore(hits, query.limit)) break;
    // A hit found before may be found again: a later step asks for enough to fill the page anyway.
    const v = values(q, query.limit + hits.length, locale);
    const run = (on: Db) =>
      prepared(
        on,
        wanted,
        step,
        step === "name" ? frequent : new Set(),
        step === "name" && isOneWord(q),
      ).execute(v) as Promise<{
        rows: HitRow[];
      }>;
    const { rows } =
      step === "trigram"
        ? await db.transaction(async (tx) => {
            await tx.execute(sql`set local enable_seqscan = off`);
            return run(tx as unknown as Db);
          })
        : await run(db);
    const fresh = rows.filter((row) => !seen.has(`${row.kind}:${row.id}`));
    for (const row of fresh) seen.add(`${row.kind}:${row.id}`);
    // Stable: hits of equal score keep the statements' order.
    hits = i ? [...hits, ...fresh].sort((x, y) => Number(y.score) - Number(x.score)) : fresh;
  }
  return hits.slice(0, query.limit);
}
