import { type SQL, sql } from "drizzle-orm";
import { loadDemoUsers } from "../demo/users.ts";
import { openDatabase, queryRows } from "../src/server/db/client.ts";
import { time } from "./portfolio.ts";
import { signedInApp } from "./signed-in.ts";

/**
 * Governance over 100 000 decisions (10 000 meetings of 20 bodies) and 100 000 registry entries on a
 * fresh in-memory PGlite: the decision register per body and year, its search, the registry per
 * organisation and year and its search — through the whole HTTP stack as a coordinator and as the
 * public, each beside the bare SQL of the same read, measured in the same run.
 */
const DECISIONS = 100_000;
const ENTRIES = 100_000;
const PER_MEETING = 10;
const topics = [
  "skolutveckling",
  "äldreomsorg",
  "matematik",
  "energi",
  "kompetensförsörjning",
  "stadsutveckling",
  "demensvård",
  "integration",
];

export async function benchGovernance(): Promise<string[]> {
  const lines: string[] = [];
  const database = await openDatabase({ kind: "pglite" });
  const { db } = database;
  await loadDemoUsers(db);
  const topicArray = sql.raw(`array[${topics.map((w) => `'${w}'`).join(",")}]`);

  const started = performance.now();
  await db.execute(sql`
    insert into organisations (name, sort_key, type) values ('Samhällskontraktet', 'samhällskontraktet', 'annan')`);
  const [{ id: org }] = await queryRows<{ id: string }>(db, sql`select id from organisations limit 1`);
  await db.execute(sql`
    insert into governance_bodies (name, sort_key, kind, organisation_id)
    select 'Organ ' || g, 'organ ' || lpad(g::text, 2, '0'), case when g = 1 then 'board' else 'sector_group' end, ${org}
    from generate_series(1, 20) g`);
  await db.execute(sql`
    insert into governance_meetings (body_id, starts_at, public, minutes_text, approved_at)
    select b.id, timestamptz '2000-01-01 10:00+00' + ((m * 7919) % 9490) * interval '1 day', m % 4 <> 0,
      'Protokoll', timestamptz '2000-01-01 10:00+00' + ((m * 7919) % 9490 + 14) * interval '1 day'
    from generate_series(1, ${DECISIONS / PER_MEETING}) m
      join (select id, row_number() over (order by sort_key) n from governance_bodies) b on b.n = 1 + m % 20`);
  await db.execute(sql`
    insert into governance_decisions (meeting_id, body_id, paragraph, title, text, kind, amount, public, registry_number)
    select m.id, m.body_id, p, 'Beslut om ' || (${topicArray})[1 + (m.n * 10 + p) % 8] || ' ' || md5((m.n * 10 + p)::text),
      'Styrelsen beslutar i ärendet om ' || (${topicArray})[1 + (m.n + p) % 8] || '.',
      case when p % 3 = 0 then 'grant' else 'other' end, case when p % 3 = 0 then 100000 * p end, p % 5 <> 0,
      'SK ' || extract(year from m.starts_at) || '/' || (m.n * 10 + p)
    from (select id, body_id, starts_at, row_number() over (order by id) n from governance_meetings) m,
      generate_series(1, ${PER_MEETING}) p`);
  await db.execute(sql`
    insert into governance_registry_entries (organisation_id, body_id, year, number, registry_number, title, date,
      direction, counterpart, document_type, retention_class, confidential, confidentiality_ground)
    select ${org}, case when g % 10 = 0 then (select id from governance_bodies where kind = 'board') end,
      2000 + g % 26, g, 'SK ' || (2000 + g % 26) || '/' || g,
      'Handling om ' || (${topicArray})[1 + g % 8] || ' ' || md5(g::text),
      make_date(2000 + g % 26, 1 + g % 12, 1 + g % 28), (array['incoming','outgoing','internal'])[1 + g % 3],
      'Motpart ' || (g % 500), 'other', 'purge_when_obsolete', g % 20 = 0, case when g % 20 = 0 then 'OSL 21 kap. 7 §' end
    from generate_series(1, ${ENTRIES}) g`);
  await db.execute(sql`analyze`);
  const [{ decisions, entries }] = await queryRows<{ decisions: number; entries: number }>(
    db,
    sql`select (select count(*)::int from governance_decisions) as decisions, (select count(*)::int from governance_registry_entries) as entries`,
  );
  lines.push(
    `bulk insert of ${decisions} decisions, ${entries} registry entries: ${Math.round(performance.now() - started)} ms`,
  );

  const { app, get } = await signedInApp(database);
  const [{ id: body }] = await queryRows<{ id: string }>(
    db,
    sql`select id from governance_bodies where kind = 'board'`,
  );
  const word = (await queryRows<{ w: string }>(db, sql`select substr(md5('4242'), 1, 10) as w`))[0].w;
  // One line a figure: its label, then the median and p95 of `time`.
  const measure = async (label: string, run: () => Promise<unknown>) =>
    lines.push(`${label.padEnd(58)} ${await time(run)}`);
  const decisionsSql = (where: SQL) =>
    db.execute(sql`
      select d.*, m.starts_at, b.name from governance_decisions d
      join governance_meetings m on m.id = d.meeting_id join governance_bodies b on b.id = d.body_id
      where ${where} order by m.starts_at desc, d.paragraph desc limit 51`);
  const decisionText = sql`(d.title || ' ' || d.text || ' ' || coalesce(d.registry_number, ''))`;
  const registrySql = (where: SQL) =>
    db.execute(sql`
      select * from governance_registry_entries where ${where} order by date desc, id desc limit 51`);
  const entryText = sql`(title || ' ' || registry_number || ' ' || coalesce(counterpart, ''))`;

  // The decision register per body and year (the body page, the register's filters).
  const bodyYear = `/api/decisions?bodyId=${body}&year=2010&limit=50`;
  await measure("GET /api/decisions?bodyId&year=2010 (coordinator):", () => get(bodyYear));
  await measure("  bare SQL, the same page:", () =>
    decisionsSql(
      sql`d.body_id = ${body} and m.starts_at >= '2010-01-01T00:00:00Z' and m.starts_at < '2011-01-01T00:00:00Z'`,
    ),
  );
  await measure("GET /api/decisions?bodyId&year=2010 (public):", () => get(bodyYear, "public"));
  // Search over all 100 000: a word in one decision's title, and a word in an eighth of them.
  await measure("GET /api/decisions?q=<rare word> (1 hit):", () => get(`/api/decisions?q=${word}&limit=50`));
  await measure("  bare SQL, the same search:", () =>
    decisionsSql(sql`${decisionText} ilike ${`%${word}%`}`),
  );
  await measure("GET /api/decisions?q=matematik (12 500 hits):", () =>
    get("/api/decisions?q=matematik&limit=50"),
  );
  await measure("  bare SQL, the same search:", () => decisionsSql(sql`${decisionText} ilike '%matematik%'`));

  // The registry per organisation and year, and its search.
  await measure("GET /api/registry?organisationId&year=2010 (coordinator):", () =>
    get(`/api/registry?organisationId=${org}&year=2010&limit=50`),
  );
  await measure("  bare SQL, the same page:", () =>
    registrySql(sql`organisation_id = ${org} and year = 2010`),
  );
  await measure("GET /api/registry?year=2010 (public, the registry page):", () =>
    get("/api/registry?year=2010&limit=50", "public"),
  );
  await measure("  bare SQL, the same page:", () => registrySql(sql`year = 2010`));
  await measure("GET /api/registry?q=<rare word> (coordinator, 1 hit):", () =>
    get(`/api/registry?q=${word}&limit=50`),
  );
  await measure("GET /api/registry?q=<rare word> (public):", () =>
    get(`/api/registry?q=${word}&limit=50`, "public"),
  );
  await measure("  bare SQL, the same search:", () => registrySql(sql`${entryText} ilike ${`%${word}%`}`));
  await measure("GET /api/registry?q=matematik (12 500 hits, public):", () =>
    get("/api/registry?q=matematik&limit=50", "public"),
  );
  await measure("  bare SQL, the same search:", () =>
    registrySql(sql`${entryText} ilike '%matematik%' and not confidential`),
  );
  await app.close();
  await database.close();
  return lines;
}
