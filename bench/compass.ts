import { type SQL, sql } from "drizzle-orm";
import { loadDemoUsers } from "../demo/users.ts";
import { buildApp } from "../src/server/app.ts";
import { openDatabase, queryRows } from "../src/server/db/client.ts";
import { ensureActivityTypes } from "../src/server/modules/activities/index.ts";
import { defaultDimensions } from "../src/server/modules/compass/index.ts";

/**
 * ALA-kompassen over a university of 300 programmes (6 courses each, in 20 departments under 5
 * faculties) and 200 000 activities 2023–2025 on a fresh in-memory PGlite. Measured through the whole
 * HTTP stack (app.inject: session, validation, service, presenter, serialisation), each beside one
 * bare SQL query that computes the same numbers with the level rule written as a CASE — and the two
 * answers are compared, so the figures are for the same work.
 */
const PROGRAMMES = 300;
const COURSES_PER_PROGRAMME = 6;
const ACTIVITIES = 200_000;
const YEAR = 2024;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n=${samples.length})`;
}

async function time(run: () => Promise<unknown>, runs: number) {
  for (let i = 0; i < 3; i++) await run(); // warm-up (the first call also fixes the year's model version)
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

const types = defaultDimensions.flatMap((d) => d.activityTypes);
/** The default model's type → dimension mapping as a VALUES list for the bare queries. */
const mapping = sql.raw(
  defaultDimensions.flatMap((d) => d.activityTypes.map((t) => `('${d.key}', '${t}')`)).join(", "),
);
const levelCase = sql.raw(`case when s.n is null then 0 when s.mandatory and s.evaluated then 4
  when s.mandatory then 3 when s.courses >= 2 or s.n >= 3 then 2 else 1 end`);

/** Bare SQL: the derived levels of one programme in one query. */
export function programmeSql(programmeId: string): SQL {
  return sql`
    with m(dim, type_key) as (values ${mapping}),
    links as (
      select ap.activity_id, null::uuid as course_id from activity_programmes ap where ap.programme_id = ${programmeId}::uuid
      union all
      select ac.activity_id, ac.course_id from programme_courses pc
      join activity_courses ac on ac.course_id = pc.course_id where pc.programme_id = ${programmeId}::uuid),
    s as (
      select m.dim, count(distinct a.id)::int as n, count(distinct l.course_id)::int as courses,
             bool_or(a.mandatory) as mandatory, bool_or(a.evaluated) as evaluated
      from links l join activities a on a.id = l.activity_id join m on m.type_key = a.type_key
      where a.status = 'done' and a.start_date <= ${`${YEAR}-12-31`}::date
        and coalesce(a.end_date, a.start_date) >= ${`${YEAR}-01-01`}::date
      group by m.dim)
    select d.dim, (${levelCase})::int as level, coalesce(s.n, 0)::int as n
    from (select distinct dim from m) d left join s on s.dim = d.dim order by d.dim`;
}

/** Bare SQL: mean (one decimal) and distribution per dimension over every programme of a unit. */
function unitSql(organisationId: string): SQL {
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
      where a.status = 'done' and a.start_date <= ${`${YEAR}-12-31`}::date
        and coalesce(a.end_date, a.start_date) >= ${`${YEAR}-01-01`}::date
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

export async function seed(db: Parameters<typeof queryRows>[0]) {
  await db.execute(
    sql`insert into organisations (name, sort_key, type) values ('Benchuniversitetet', 'benchuniversitetet', 'larosate')`,
  );
  await db.execute(sql`
    insert into organisations (name, sort_key, type, parent_id)
    select 'Fakultet ' || g, 'fakultet ' || g, 'fakultet', (select id from organisations where name = 'Benchuniversitetet')
    from generate_series(1, 5) g`);
  await db.execute(sql`
    insert into organisations (name, sort_key, type, parent_id)
    select 'Institution ' || g, 'institution ' || lpad(g::text, 2, '0'), 'institution',
           (select id from organisations where name = 'Fakultet ' || (1 + g % 5))
    from generate_series(1, 20) g`);
  await db.execute(sql`
    insert into programmes (code, name_sv, sort_key, organisation_id, level)
    select 'P' || lpad(g::text, 3, '0'), 'Program ' || lpad(g::text, 3, '0'), 'program ' || lpad(g::text, 3, '0'),
           (select id from organisations where name = 'Institution ' || (1 + g % 20)), 'grundniva'
    from generate_series(1, ${PROGRAMMES}) g`);
  await db.execute(sql`
    insert into courses (code, name_sv, sort_key)
    select 'P' || lpad(g::text, 3, '0') || 'K' || k, 'Kurs ' || g || '.' || k, 'kurs ' || lpad(g::text, 3, '0') || '.' || k
    from generate_series(1, ${PROGRAMMES}) g, generate_series(1, ${COURSES_PER_PROGRAMME}) k`);
  await db.execute(sql`
    insert into programme_courses (programme_id, course_id)
    select p.id, c.id from programmes p join courses c on c.code like p.code || 'K%'`);
  // participants carries the generator's number so the links below can find each activity again.
  await db.execute(sql`
    insert into activities (title, sort_key, type_key, start_date, status, mandatory, evaluated, participants)
    select 'Aktivitet ' || g, 'aktivitet ' || lpad(g::text, 6, '0'),
           (${sql.raw(`array[${types.map((t) => `'${t}'`).join(",")}]`)})[1 + g % ${types.length}],
           date '2023-01-01' + ((g * 7919) % 1095),
           case when g % 20 = 0 then 'cancelled' when g % 7 = 0 then 'planned' else 'done' end,
           g % 37 = 0, g % 11 = 0, g
    from generate_series(1, ${ACTIVITIES}) g`);
  // Half the activities are linked to a programme, half to one of its courses.
  await db.execute(sql`
    insert into activity_programmes (activity_id, programme_id)
    select a.id, p.id from activities a
    join programmes p on p.code = 'P' || lpad((1 + ((a.participants / 2) * 31) % ${PROGRAMMES})::text, 3, '0')
    where a.participants % 2 = 0`);
  await db.execute(sql`
    insert into activity_courses (activity_id, course_id)
    select a.id, c.id from activities a
    join courses c on c.code = 'P' || lpad((1 + ((a.participants / 2) * 31) % ${PROGRAMMES})::text, 3, '0')
                                 || 'K' || (1 + (a.participants / 5) % ${COURSES_PER_PROGRAMME})
    where a.participants % 2 = 1`);
  await db.execute(sql`analyze`);
}

export async function benchCompass(): Promise<string[]> {
  const lines: string[] = [];
  const database = await openDatabase({ kind: "pglite" });
  const { db } = database;
  await loadDemoUsers(db);
  await ensureActivityTypes(db);
  const started = performance.now();
  await seed(db);
  lines.push(
    `bulk insert of ${PROGRAMMES} programmes, ${PROGRAMMES * COURSES_PER_PROGRAMME} courses, ${ACTIVITIES} activities with links: ${Math.round(performance.now() - started)} ms`,
  );

  const app = await buildApp({ database, webRoot: null, config: { loginRateLimit: 1_000_000 } });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: "styrelse@demo.samspel.se", password: "samspel-demo-2026" },
  });
  const cookie = `samspel_session=${login.cookies.find((c) => c.name === "samspel_session")!.value}`;
  const get = async (url: string) => {
    const res = await app.inject({ method: "GET", url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const [programme] = await queryRows<{ id: string }>(
    db,
    sql`select id::text as id from programmes where code = 'P150'`,
  );
  const [university] = await queryRows<{ id: string }>(
    db,
    sql`select id::text as id from organisations where name = 'Benchuniversitetet'`,
  );

  // Same numbers: the service's levels and counts against the bare query's.
  const view = await get(`/api/compass/programmes/${programme.id}?year=${YEAR}`);
  const bare = await queryRows<{ dim: string; level: number; n: number }>(db, programmeSql(programme.id));
  const agree = bare.every((r) => {
    const d = view.dimensions.find((x: { key: string }) => x.key === r.dim);
    return d && d.current === r.level && d.activityCount === r.n;
  });
  const links = await queryRows<{ n: number }>(
    db,
    sql`select (select count(*) from activity_programmes ap join programmes p on p.id = ap.programme_id where p.code = 'P150')
             + (select count(*) from activity_courses ac join programme_courses pc on pc.course_id = ac.course_id
                join programmes p on p.id = pc.programme_id where p.code = 'P150') as n`,
  );
  lines.push(`one programme (P150, ${links[0].n} linked activities over three years), year ${YEAR}:`);
  lines.push(`  GET /api/compass/programmes/{id}?year=${YEAR} (this and last year, goals, assessments):`);
  lines.push(
    `                                                  ${await time(() => get(`/api/compass/programmes/${programme.id}?year=${YEAR}`), 100)}`,
  );
  lines.push(
    `  bare SQL, levels and counts in one query:       ${await time(() => db.execute(programmeSql(programme.id)), 100)}`,
  );
  lines.push(
    `  same numbers: ${agree ? "yes" : "NO"} (${bare.map((r) => `${r.dim} ${r.level}`).join(", ")})`,
  );

  const unit = await get(`/api/compass/units/${university.id}?year=${YEAR}`);
  const bareUnit = await queryRows<{ dim: string; mean: number; distribution: number[] }>(
    db,
    unitSql(university.id),
  );
  const unitAgree = bareUnit.every((r) => {
    const d = unit.dimensions.find((x: { key: string }) => x.key === r.dim);
    return d && d.mean === r.mean && JSON.stringify(d.distribution) === JSON.stringify(r.distribution);
  });
  lines.push(`the university (${unit.programmes} programmes, ${ACTIVITIES} activities), year ${YEAR}:`);
  lines.push(
    `  GET /api/compass/units/{id}?year=${YEAR}:        ${await time(() => get(`/api/compass/units/${university.id}?year=${YEAR}`), 20)}`,
  );
  lines.push(
    `  bare SQL, means and distributions in one query: ${await time(() => db.execute(unitSql(university.id)), 20)}`,
  );
  lines.push(
    `  same numbers: ${unitAgree ? "yes" : "NO"} (means ${bareUnit.map((r) => `${r.dim} ${r.mean}`).join(", ")})`,
  );
  const heatStarted = performance.now();
  await get(`/api/compass/units/${university.id}/heatmap?year=${YEAR}`);
  lines.push(`  GET …/heatmap (300 × 8, once): ${Math.round(performance.now() - heatStarted)} ms`);
  await app.close();
  await database.close();
  return lines;
}
