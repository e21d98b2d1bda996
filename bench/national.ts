import { type SQL, sql } from "drizzle-orm";
import pg from "pg";
import { seededActivityTypes } from "../src/common/activity-types.ts";
import { type Db, openDatabase, queryRows } from "../src/server/db/client.ts";
import { ensureActivityTypes, listActivities } from "../src/server/modules/activities/index.ts";
import { defaultDimensions, programmeCompass, unitCompass } from "../src/server/modules/compass/index.ts";
import { buildAnnualReport } from "../src/server/modules/reports/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";

/**
 * National scale on PostgreSQL (BENCH_SCALE=national): 40 universities, 8 000 000 activities and
 * 40 000 000 event registrations in a dedicated database `samspel_national`, generated once by
 * set-based SQL and kept between runs (the table national_bench_steps records which steps are done;
 * an interrupted step rolls back and is redone). Then the activity list, a programme's compass, a
 * university's compass and an institution's annual report, each through the app's service and as
 * the bare SQL that returns the same result; median of several runs, and the ratio (goal ≤ 2×).
 *
 * The data: 40 universities, each with 4 faculties, 20 institutions, 250 programmes (6 courses each):
 * 10 000 programmes, 60 000 courses. 8 000 000 activities 2022–2025 over all 25 seeded types, each
 * organised by its programme's institution (every tenth with its university as partner); activities
 * come in pairs, one linked to the programme and one to one of its courses. The 2 560 000 activities
 * of a meeting type are events (one session each) and carry the 40 000 000 registrations (15–16 each,
 * from 1 000 000 people; 5 % cancelled, 75 % attended). Ids are derived from the generator's numbers.
 */

const UNIVERSITIES = 40;
const PROGRAMMES_PER_UNIVERSITY = 250;
const PROGRAMMES = UNIVERSITIES * PROGRAMMES_PER_UNIVERSITY;
const COURSES_PER_PROGRAMME = 6;
const INSTITUTIONS_PER_UNIVERSITY = 20;
const FACULTIES_PER_UNIVERSITY = 4;
/** NATIONAL_SMALL=1: a thousandth of the rows in samspel_national_small, to try the generator quickly. */
const small = process.env.NATIONAL_SMALL === "1";
const ACTIVITIES = small ? 8_000 : 8_000_000;
const REGISTRATIONS = small ? 40_000 : 40_000_000;
const PEOPLE = small ? 1_000 : 1_000_000;
const DAYS = 1461; // 2022-01-01 … 2025-12-31

export const nationalDatabaseName = small ? "samspel_national_small" : "samspel_national";
const serverUrl = process.env.NATIONAL_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432";
export const nationalUrl = `${serverUrl}/${nationalDatabaseName}`;

/** A uuid from a kind (3 hex digits) and a number, so generated rows can find each other by arithmetic. */
const id = (kind: string, n: string) =>
  `('00000000-0000-4000-8${kind}-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
export const ids = {
  organisation: (n: string) => id("001", n),
  programme: (n: string) => id("002", n),
  course: (n: string) => id("003", n),
  activity: (n: string) => id("004", n),
  registration: (n: string) => id("005", n),
  person: (n: string) => id("006", n),
  session: (n: string) => id("007", n),
};
/** Organisation numbers: universities 1–40, faculties 1000+, institutions 10000+. */
const facultyNo = (u: string, f: string) => `(1000 + (${u} - 1) * ${FACULTIES_PER_UNIVERSITY} + ${f})`;
const institutionNo = (u: string, i: string) =>
  `(10000 + (${u} - 1) * ${INSTITUTIONS_PER_UNIVERSITY} + ${i})`;
/** The programme (1…10 000) of activity g: pairs of activities share one, spread over all programmes. */
const programmeOf = (g: string) => `(1 + ((${g} / 2)::bigint * 7907) % ${PROGRAMMES})::int`;
const universityOfProgramme = (p: string) => `(1 + (${p} - 1) / ${PROGRAMMES_PER_UNIVERSITY})`;
const institutionOfProgramme = (p: string) =>
  institutionNo(universityOfProgramme(p), `(${p} % ${INSTITUTIONS_PER_UNIVERSITY})`);
const typeKeys = seededActivityTypes.map((t) => t.key);
const meetingKeys = seededActivityTypes.filter((t) => t.category === "meeting").map((t) => t.key);
const textArray = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(",")}]`;

function log(message: string) {
  console.log(`[national ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function ensureDatabase() {
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  const found = await admin.query("select 1 from pg_database where datname = $1", [nationalDatabaseName]);
  if (!found.rowCount) await admin.query(`create database ${nationalDatabaseName}`);
  await admin.end();
}

/** The secondary indexes of tables (not those behind a constraint), to drop around a bulk load. */
async function secondaryIndexes(client: pg.Client, tables: string[]) {
  const { rows } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  return rows;
}

/** Runs one generation step in a transaction unless it is recorded as done; indexes dropped around it. */
async function step(client: pg.Client, name: string, tables: string[], statements: string[]) {
  const done = await client.query("select 1 from national_bench_steps where step = $1", [name]);
  if (done.rowCount) return;
  const started = performance.now();
  log(`${name}: start`);
  await client.query("begin");
  try {
    const indexes = await secondaryIndexes(client, tables);
    for (const index of indexes) await client.query(`drop index ${index.name}`);
    for (const statement of statements) {
      const t0 = performance.now();
      const result = await client.query(statement);
      log(
        `${name}: ${result.rowCount ?? ""} rows in ${Math.round(performance.now() - t0)} ms: ${statement.trim().slice(0, 60).replace(/\s+/g, " ")}`,
      );
    }
    for (const index of indexes) {
      const t0 = performance.now();
      await client.query(index.def);
      log(`${name}: index ${index.name} rebuilt in ${Math.round(performance.now() - t0)} ms`);
    }
    await client.query("insert into national_bench_steps (step) values ($1)", [name]);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
  log(`${name}: done in ${Math.round((performance.now() - started) / 1000)} s`);
}

/** Creates and fills samspel_national unless it is complete. Returns true when it generated anything. */
export async function generateNational(): Promise<void> {
  await ensureDatabase();
  const database = await openDatabase({ kind: "postgresql", url: nationalUrl }); // runs the migrations
  await ensureActivityTypes(database.db);
  await database.close();
  const client = new pg.Client({ connectionString: nationalUrl });
  await client.connect();
  // One generator at a time: a second one waits here, then finds the steps done.
  await client.query("select pg_advisory_lock(14082026)");
  await client.query(
    "create table if not exists national_bench_steps (step text primary key, done_at timestamptz not null default now())",
  );
  // A bulk load of generated, consistent rows: foreign keys are not checked row by row.
  await client.query("set session_replication_role = replica");
  await client.query("set maintenance_work_mem = '1GB'");
  await client.query("set work_mem = '256MB'");
  await client.query("set synchronous_commit = off");

  await step(
    client,
    "registers",
    ["organisations", "programmes", "courses", "programme_courses", "people"],
    [
      `insert into organisations (id, name, sort_key, type)
       select ${ids.organisation("u")}, 'Universitet ' || lpad(u::text, 2, '0'), 'universitet ' || lpad(u::text, 2, '0'), 'larosate'
       from generate_series(1, ${UNIVERSITIES}) u`,
      `insert into organisations (id, name, sort_key, type, parent_id)
       select ${ids.organisation(facultyNo("u", "f"))}, 'Fakultet ' || u || '.' || f, 'fakultet ' || lpad(u::text, 2, '0') || '.' || f,
              'fakultet', ${ids.organisation("u")}
       from generate_series(1, ${UNIVERSITIES}) u, generate_series(1, ${FACULTIES_PER_UNIVERSITY}) f`,
      `insert into organisations (id, name, sort_key, type, parent_id)
       select ${ids.organisation(institutionNo("u", "i"))}, 'Institution ' || u || '.' || i,
              'institution ' || lpad(u::text, 2, '0') || '.' || lpad(i::text, 2, '0'), 'institution',
              ${ids.organisation(facultyNo("u", `(1 + i % ${FACULTIES_PER_UNIVERSITY})`))}
       from generate_series(1, ${UNIVERSITIES}) u, generate_series(0, ${INSTITUTIONS_PER_UNIVERSITY - 1}) i`,
      `insert into programmes (id, code, name_sv, sort_key, organisation_id, level)
       select ${ids.programme("p")}, 'P' || lpad(p::text, 5, '0'), 'Program ' || lpad(p::text, 5, '0'),
              'program ' || lpad(p::text, 5, '0'), ${ids.organisation(institutionOfProgramme("p"))}, 'grundniva'
       from generate_series(1, ${PROGRAMMES}) p`,
      `insert into courses (id, code, name_sv, sort_key, organisation_id)
       select ${ids.course("c")}, 'K' || lpad(c::text, 6, '0'), 'Kurs ' || lpad(c::text, 6, '0'), 'kurs ' || lpad(c::text, 6, '0'),
              ${ids.organisation(institutionOfProgramme(`(1 + (c - 1) / ${COURSES_PER_PROGRAMME})`))}
       from generate_series(1, ${PROGRAMMES * COURSES_PER_PROGRAMME}) c`,
      `insert into programme_courses (programme_id, course_id)
       select ${ids.programme(`(1 + (c - 1) / ${COURSES_PER_PROGRAMME})`)}, ${ids.course("c")}
       from generate_series(1, ${PROGRAMMES * COURSES_PER_PROGRAMME}) c`,
      `insert into people (id, name, sort_key, email)
       select ${ids.person("n")}, 'Person ' || n, 'person ' || lpad(n::text, 7, '0'), 'person' || n || '@national.example.se'
       from generate_series(1, ${PEOPLE}) n`,
    ],
  );

  // Dates spread over four years, type by a hash of the number, status from the date (5 % cancelled).
  const start = `(date '2022-01-01' + ((g::bigint * 7919) % ${DAYS})::int)`;
  await step(
    client,
    "activities",
    ["activities"],
    [
      `insert into activities (id, title, sort_key, type_key, description, start_date, end_date, status, mandatory, evaluated, participants)
       select ${ids.activity("g")}, 'Aktivitet ' || g, 'aktivitet ' || lpad(g::text, 7, '0'),
              (${textArray(typeKeys)})[1 + ((hashint4(g)::bigint + 2147483648) % ${typeKeys.length})::int],
              case when g % 4 = 0 then 'Samverkan med arbetslivet, nummer ' || g end,
              ${start}, case when g % 10 = 0 then ${start} + (g % 5) end,
              case when g % 20 = 0 then 'cancelled' when ${start} > date '2025-06-30' then 'planned' else 'done' end,
              g % 37 = 0, g % 11 = 0, 10 + g % 90
       from generate_series(1, ${ACTIVITIES}) g`,
    ],
  );

  await step(
    client,
    "links",
    ["activity_programmes", "activity_courses", "activity_organisations"],
    [
      `insert into activity_programmes (activity_id, programme_id)
       select ${ids.activity("g")}, ${ids.programme(programmeOf("g"))} from generate_series(2, ${ACTIVITIES}, 2) g`,
      `insert into activity_courses (activity_id, course_id)
       select ${ids.activity("g")}, ${ids.course(`((${programmeOf("g")} - 1) * ${COURSES_PER_PROGRAMME} + 1 + (g / 7) % ${COURSES_PER_PROGRAMME})`)}
       from generate_series(1, ${ACTIVITIES}, 2) g`,
      `insert into activity_organisations (activity_id, organisation_id, role)
       select ${ids.activity("g")}, ${ids.organisation(institutionOfProgramme(programmeOf("g")))}, 'organiser'
       from generate_series(1, ${ACTIVITIES}) g`,
      `insert into activity_organisations (activity_id, organisation_id, role)
       select ${ids.activity("g")}, ${ids.organisation(universityOfProgramme(programmeOf("g")))}, 'partner'
       from generate_series(10, ${ACTIVITIES}, 10) g`,
    ],
  );

  await step(
    client,
    "events",
    ["events", "event_sessions"],
    [
      `insert into events (activity_id, visibility, capacity, questions)
       select a.id, case when a.participants % 3 = 0 then 'public' else 'internal' end, 100,
              '{"organisation":"optional","role":"optional","roleFrom":"catalogue","municipality":"off","dietary":false}'::jsonb
       from activities a where a.type_key = any(${textArray(meetingKeys)})`,
      `insert into event_sessions (id, event_id, starts_at, ends_at, place)
       select ${ids.session("row_number() over (order by a.id)")}, a.id, a.start_date + time '09:00', a.start_date + time '16:00', 'Sal ' || a.participants
       from activities a join events e on e.activity_id = a.id`,
      `create table national_event_numbers as
       select (row_number() over (order by activity_id) - 1)::int as k, activity_id from events`,
      "alter table national_event_numbers add primary key (k)",
    ],
  );

  await step(
    client,
    "registrations",
    ["event_registrations"],
    [
      `insert into event_registrations
         (id, event_id, person_id, name, email, role_key, status, source, attended_at, token_hash, checkin_code, created_at)
       select ${ids.registration("r")}, n.activity_id, ${ids.person(`(1 + (r * 7919) % ${PEOPLE})`)},
              'Person ' || (1 + (r * 7919) % ${PEOPLE}), 'person' || (1 + (r * 7919) % ${PEOPLE}) || '@national.example.se',
              (array['verksamhetsansvarig','vagledare','projektledare','larare','kompetensmaklare','ovrig_personal','naringslivsenhet','arbetsformedlingen','foretag'])[1 + (r % 9)::int],
              case when r % 20 = 0 then 'cancelled' else 'confirmed' end, 'form',
              case when r % 4 <> 0 and r % 20 <> 0 then timestamptz '2025-01-01 10:00+01' end,
              md5('t' || r), 'C' || r, timestamptz '2022-01-01 00:00+01' + make_interval(secs => r * 3)
       from generate_series(0::bigint, ${REGISTRATIONS - 1}) r
       join national_event_numbers n on n.k = (r * (select count(*) from national_event_numbers) / ${REGISTRATIONS})::int`,
    ],
  );

  const analysed = await client.query("select 1 from national_bench_steps where step = 'vacuum'");
  if (!analysed.rowCount) {
    log("vacuum analyze: start");
    await client.query("vacuum (analyze)");
    await client.query("insert into national_bench_steps (step) values ('vacuum')");
    log("vacuum analyze: done");
  }
  await client.end();
}

// ---- The bench ------------------------------------------------------------------------------------

const YEAR = 2024;
const RUNS = Number(process.env.NATIONAL_RUNS ?? 7);

function median(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** App and bare timed in turns (app, bare, app, bare …) so both see the same cache and neighbours' load. */
async function compare(app: () => Promise<unknown>, bare: () => Promise<unknown>) {
  for (let i = 0; i < 2; i++) {
    await app();
    await bare();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    await app();
    a.push(performance.now() - t0);
    t0 = performance.now();
    await bare();
    b.push(performance.now() - t0);
  }
  return { app: median(a), bare: median(b) };
}

function line(name: string, { app, bare }: { app: number; bare: number }, same: boolean) {
  const ratio = app / bare;
  return `${name.padEnd(58)} app ${app.toFixed(1).padStart(8)} ms   bare ${bare.toFixed(1).padStart(8)} ms   ratio ${ratio.toFixed(2)}× ${ratio <= 2 ? "≤ 2× ✓" : "> 2× ✗"}   same result: ${same ? "yes" : "NO"}`;
}

const mapping = sql.raw(
  defaultDimensions.flatMap((d) => d.activityTypes.map((t) => `('${d.key}', '${t}')`)).join(", "),
);
const levelCase = sql.raw(`case when s.n is null then 0 when s.mandatory and s.evaluated then 4
  when s.mandatory then 3 when s.courses >= 2 or s.n >= 3 then 2 else 1 end`);

/** Bare SQL of the activity list's first page: the rows and their type, organisations, programmes and courses. */
function activityPageSql(filter: SQL) {
  return sql`
    with page as (
      select a.* from activities a where ${filter}
      order by coalesce(a.start_date, '-infinity'::date) desc, a.id desc limit 51)
    select p.*, t.label_sv, t.label_en, t.category,
      (select json_agg(json_build_object('id', o.id, 'name', o.name, 'role', ao.role) order by o.sort_key)
         from activity_organisations ao join organisations o on o.id = ao.organisation_id where ao.activity_id = p.id) as organisations,
      (select json_agg(json_build_object('id', pr.id, 'code', pr.code, 'nameSv', pr.name_sv) order by pr.sort_key)
         from activity_programmes ap join programmes pr on pr.id = ap.programme_id where ap.activity_id = p.id) as programmes,
      (select json_agg(json_build_object('id', c.id, 'code', c.code, 'nameSv', c.name_sv, 'credits', c.credits,
                'programmeIds', (select json_agg(pc.programme_id) from programme_courses pc where pc.course_id = c.id)) order by c.sort_key)
         from activity_courses ac join courses c on c.id = ac.course_id where ac.activity_id = p.id) as courses
    from page p join activity_types t on t.key = p.type_key
    order by coalesce(p.start_date, '-infinity'::date) desc, p.id desc`;
}

/** Bare SQL: a programme's derived levels and counts for the year and the year before, in one query. */
function programmeSql(programmeId: string, period: { from: string; to: string }) {
  return sql`
    with m(dim, type_key) as (values ${mapping}),
    y(year, from_date, to_date) as (values (0, ${period.from}::date, ${period.to}::date),
                                           (-1, ${period.from}::date - interval '1 year', ${period.to}::date - interval '1 year')),
    links as (
      select ap.activity_id, null::uuid as course_id from activity_programmes ap where ap.programme_id = ${programmeId}::uuid
      union all
      select ac.activity_id, ac.course_id from programme_courses pc
      join activity_courses ac on ac.course_id = pc.course_id where pc.programme_id = ${programmeId}::uuid),
    s as (
      select y.year, m.dim, count(distinct a.id)::int as n, count(distinct l.course_id)::int as courses,
             bool_or(a.mandatory) as mandatory, bool_or(a.evaluated) as evaluated
      from links l join activities a on a.id = l.activity_id join m on m.type_key = a.type_key
      join y on a.start_date <= y.to_date and coalesce(a.end_date, a.start_date) >= y.from_date
      where a.status = 'done'
      group by y.year, m.dim)
    select y.year, d.dim, (${levelCase})::int as level, coalesce(s.n, 0)::int as n
    from y cross join (select distinct dim from m) d left join s on s.dim = d.dim and s.year = y.year
    order by y.year, d.dim`;
}

/** Bare SQL: mean (one decimal) and distribution per dimension over every programme of a unit. */
function unitSql(organisationId: string, period: { from: string; to: string }) {
  return sql`
    with recursive tree as (
      select id from organisations where id = ${organisationId}::uuid
      union select o.id from organisations o join tree t on o.parent_id = t.id),
    progs as (select id from programmes where organisation_id in (select id from tree)),
    m(dim, type_key) as (values ${mapping}),
    links as (
      select ap.programme_id, ap.activity_id, null::uuid as course_id
      from activity_programmes ap where ap.programme_id in (select id from progs)
      union all
      select pc.programme_id, ac.activity_id, ac.course_id from programme_courses pc
      join activity_courses ac on ac.course_id = pc.course_id where pc.programme_id in (select id from progs)),
    s as (
      select l.programme_id, m.dim, count(distinct a.id)::int as n, count(distinct l.course_id)::int as courses,
             bool_or(a.mandatory) as mandatory, bool_or(a.evaluated) as evaluated
      from links l join activities a on a.id = l.activity_id join m on m.type_key = a.type_key
      where a.status = 'done' and a.start_date <= ${period.to}::date and coalesce(a.end_date, a.start_date) >= ${period.from}::date
      group by l.programme_id, m.dim),
    lv as (
      select d.dim, ${levelCase} as level
      from progs p cross join (select distinct dim from m) d
      left join s on s.programme_id = p.id and s.dim = d.dim)
    select dim, round(avg(level), 1)::float8 as mean,
           array[count(*) filter (where level = 0), count(*) filter (where level = 1), count(*) filter (where level = 2),
                 count(*) filter (where level = 3), count(*) filter (where level = 4)]::int[] as distribution
    from lv group by dim order by dim`;
}

/**
 * Bare SQL of the annual report's data: the organisation's activities of the year (linked to it, or
 * events of its projects) with registered and attended counts, co-organisers and sessions.
 */
function annualSql(organisationId: string, year: number) {
  return sql`
    with ids as (
      select activity_id from activity_organisations where organisation_id = ${organisationId}::uuid
      union
      select e.activity_id from projects p join events e on e.project_id = p.id where p.owner_organisation_id = ${organisationId}::uuid
      union
      select e.activity_id from projects p join event_series es on es.project_id = p.id join events e on e.series_id = es.id
      where p.owner_organisation_id = ${organisationId}::uuid and e.project_id is null
      union
      select e.activity_id from projects p join event_networks en on en.project_id = p.id join events e on e.network_id = en.id
      left join event_series es on es.id = e.series_id
      where p.owner_organisation_id = ${organisationId}::uuid and e.project_id is null and es.project_id is null)
    select a.id, a.title, a.type_key, t.label_sv, t.category, a.start_date, a.end_date, a.place, a.participants, a.tags, e.theme,
      (select count(*) from event_registrations r where r.event_id = a.id and r.status <> 'cancelled') as registered,
      (select count(*) from event_registrations r where r.event_id = a.id and r.status <> 'cancelled' and r.attended_at is not null) as attended,
      (select string_agg(o.name, ', ' order by o.sort_key) from activity_organisations ao join organisations o on o.id = ao.organisation_id
         where ao.activity_id = a.id and ao.organisation_id <> ${organisationId}::uuid) as co_organisers,
      (select json_agg(json_build_array(s.starts_at, s.place) order by s.starts_at) from event_sessions s where s.event_id = a.id) as sessions
    from ids join activities a on a.id = ids.activity_id join activity_types t on t.key = a.type_key
    left join events e on e.activity_id = a.id
    where a.status <> 'cancelled' and a.start_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
    order by a.start_date, a.sort_key, a.id`;
}

async function listBench(db: Db, lines: string[], name: string, query: Record<string, string>, filter: SQL) {
  const app = () => listActivities(db, systemActor, query);
  const bare = () => queryRows<{ id: string }>(db, activityPageSql(filter));
  const [mine, theirs] = [await app(), await bare()];
  const same =
    JSON.stringify(mine.items.map((a) => a.id)) === JSON.stringify(theirs.slice(0, 50).map((r) => r.id));
  lines.push(line(name, await compare(app, bare), same));
}

export async function benchNational(): Promise<string[]> {
  if (process.env.BENCH_SCALE !== "national")
    return [
      "skipped: national scale runs only with BENCH_SCALE=national (PostgreSQL at 127.0.0.1:5432, database samspel_national, generated on first run)",
    ];
  const lines: string[] = [];
  let t0 = performance.now();
  // NATIONAL_READS=list,programme,unit,report picks reads; NATIONAL_GENERATE=0 uses the database as it is.
  const reads = (process.env.NATIONAL_READS ?? "list,programme,unit,report").split(",");
  if (process.env.NATIONAL_GENERATE !== "0") await generateNational();
  lines.push(
    `samspel_national ready (generated, or complete from an earlier run) in ${Math.round((performance.now() - t0) / 1000)} s`,
  );
  t0 = performance.now();
  const database = await openDatabase({ kind: "postgresql", url: nationalUrl });
  lines.push(
    `opened with migrations applied in ${Math.round(performance.now() - t0)} ms (${database.version})`,
  );
  const { db } = database;
  try {
    const [counts] = await queryRows<Record<string, number>>(
      db,
      sql`select (select count(*) from organisations where type = 'larosate')::int as universities,
                 (select count(*) from programmes)::int as programmes,
                 (select reltuples::bigint from pg_class where relname = 'activities')::float8 as activities,
                 (select reltuples::bigint from pg_class where relname = 'event_registrations')::float8 as registrations`,
    );
    lines.push(
      `data: ${counts.universities} universities, ${counts.programmes} programmes, ~${Math.round(counts.activities).toLocaleString("en")} activities, ~${Math.round(counts.registrations).toLocaleString("en")} registrations (planner estimates)`,
    );
    lines.push(`each figure: median of ${RUNS} runs after 2 warm-ups, app and bare SQL timed in turns`);
    const [one] = await queryRows<{ programme: string; institution: string; university: string }>(
      db,
      sql`select p.id::text as programme, p.organisation_id::text as institution, f.parent_id::text as university
          from programmes p join organisations i on i.id = p.organisation_id join organisations f on f.id = i.parent_id
          where p.code = 'P05150'`,
    );

    // 1. The activity list, first page (50), newest first.
    if (reads.includes("list"))
      await listBench(db, lines, "activity list, all 8 M, newest first", {}, sql`true`);
    if (reads.includes("list"))
      await listBench(
        db,
        lines,
        "activity list, one institution's, newest first",
        { organisationId: one.institution },
        sql`exists (select 1 from activity_organisations ao where ao.activity_id = a.id and ao.organisation_id = ${one.institution}::uuid)`,
      );
    if (reads.includes("list"))
      await listBench(
        db,
        lines,
        "activity list, one programme's (and its courses'), newest first",
        { programmeId: one.programme },
        sql`(exists (select 1 from activity_programmes ap where ap.activity_id = a.id and ap.programme_id = ${one.programme}::uuid)
           or exists (select 1 from activity_courses ac join programme_courses pc on pc.course_id = ac.course_id
                      where ac.activity_id = a.id and pc.programme_id = ${one.programme}::uuid))`,
      );
    if (reads.includes("list"))
      await listBench(
        db,
        lines,
        "activity list, type seminarium, done, in 2024",
        { typeKey: "seminarium", status: "done", from: "2024-01-01", to: "2024-12-31" },
        sql`a.type_key = 'seminarium' and a.status = 'done' and coalesce(a.end_date, a.start_date) >= '2024-01-01' and a.start_date <= '2024-12-31'
          and coalesce(a.start_date, '-infinity'::date) <= '2024-12-31'`,
      );

    // The default model counts calendar years (the programme's view below says so too).
    const period = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };

    // 2. A programme's compass (this year and last year per dimension).
    if (reads.includes("programme")) {
      const view = await programmeCompass(db, systemActor, one.programme, YEAR);
      const bareProgramme = await queryRows<{ year: number; dim: string; level: number; n: number }>(
        db,
        programmeSql(one.programme, period),
      );
      const sameProgramme =
        view.period.from === period.from &&
        view.dimensions.every((d) => {
          const now = bareProgramme.find((r) => r.year === 0 && r.dim === d.key);
          const before = bareProgramme.find((r) => r.year === -1 && r.dim === d.key);
          return now?.level === d.current && now.n === d.activityCount && before?.level === d.lastYear;
        });
      lines.push(
        line(
          `programme's compass (P05150, ${YEAR} and ${YEAR - 1})`,
          await compare(
            () => programmeCompass(db, systemActor, one.programme, YEAR),
            () => queryRows(db, programmeSql(one.programme, period)),
          ),
          sameProgramme,
        ),
      );
    }
    // 3. A university's compass (250 programmes under 4 faculties and 20 institutions).
    if (reads.includes("unit")) {
      const unit = await unitCompass(db, systemActor, one.university, YEAR, "sv");
      const bareUnit = await queryRows<{ dim: string; mean: number; distribution: number[] }>(
        db,
        unitSql(one.university, period),
      );
      const sameUnit = bareUnit.every((r) => {
        const d = unit.dimensions.find((x) => x.key === r.dim);
        return d && d.mean === r.mean && JSON.stringify(d.distribution) === JSON.stringify(r.distribution);
      });
      lines.push(
        line(
          `university's compass (${unit.programmes} programmes, ${YEAR})`,
          await compare(
            () => unitCompass(db, systemActor, one.university, YEAR, "sv"),
            () => queryRows(db, unitSql(one.university, period)),
          ),
          sameUnit,
        ),
      );
    }
    // 4. The annual report of the programme's institution.
    if (reads.includes("report")) {
      const report = await buildAnnualReport(db, systemActor, one.institution, YEAR, "sv");
      const bareReport = await queryRows<{ id: string; category: string; registered: string }>(
        db,
        annualSql(one.institution, YEAR),
      );
      const meetings = report.blocks.find((b) => b.type === "table" && b.caption.startsWith("Mötesplatser"));
      const meetingRows = meetings?.type === "table" ? meetings.rows.length : -1;
      const bareMeetings = bareReport.filter((r) => r.category === "meeting").length;
      lines.push(
        line(
          `annual report ${YEAR} of an institution (${bareReport.length} activities, ${bareMeetings} meeting places)`,
          await compare(
            () => buildAnnualReport(db, systemActor, one.institution, YEAR, "sv"),
            () => queryRows(db, annualSql(one.institution, YEAR)),
          ),
          meetingRows === bareMeetings,
        ),
      );
    }
  } finally {
    await database.close();
  }
  return lines;
}

if (process.argv[1]?.endsWith("national.ts") && process.argv[2] === "generate") await generateNational();
