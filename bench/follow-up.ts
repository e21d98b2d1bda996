import { sql } from "drizzle-orm";
import type { IndicatorDefinition } from "../src/common/indicators.ts";
import { type Database, type Db, openDatabase, queryRows } from "../src/server/db/client.ts";
import { ensureActivityTypes } from "../src/server/modules/activities/index.ts";
import { computeValue, evaluateIndicators, findIndicators } from "../src/server/modules/indicators/index.ts";
import { buildAnnualReport, finishDocument, render } from "../src/server/modules/reports/index.ts";
import { systemActor } from "../src/server/platform/actor.ts";

/**
 * Follow-up at scale, on PGlite: 1 000 events (one a day from 2020), 200 000 people and 1 000 000
 * registrations (80 % attended), 10 000 spend entries; then (1) 1 000 indicators of mixed kinds,
 * each scoped as indicators are in practice (a month-long period, some activity types or roles),
 * computed through the service and as hand-written SQL; (2) one indicator over all 1 000 000
 * registrations; (3) the annual report of an organisation that organised all 366 events of 2020,
 * built and rendered in every format, beside the bare SQL of its two heavy tables. Registrations are
 * stored event by event, as they arrive in practice.
 */

const ms = (n: number) => `${Math.round(n)} ms`;
const ORG = "00000000-0000-4000-8000-00000000b0b0";
/** The thousand indicators belong elsewhere: the report's organisation has a realistic twenty. */
const OWNER = "00000000-0000-4000-8000-00000000b0b1";
const TYPES = ["seminarium", "workshop", "konferens", "natverkstraff"];
const ROLES = ["verksamhetsansvarig", "projektledare", "larare", "kompetensmaklare", "foretag"];

async function seed(db: Db) {
  await ensureActivityTypes(db);
  const started = performance.now();
  await db.execute(
    sql`insert into organisations (id, name, sort_key, type) values
      (${ORG}::uuid, 'Benchorganisationen', 'benchorganisationen', 'annan'),
      (${OWNER}::uuid, 'Indikatorägaren', 'indikatoragaren', 'annan')`,
  );
  await db.execute(sql`insert into activities (id, title, sort_key, type_key, start_date, status, participants, tags)
    select md5('a' || g)::uuid, 'Mötesplats ' || g, 'motesplats ' || g,
           (array['seminarium','workshop','konferens','natverkstraff'])[1 + g % 4], date '2020-01-01' + g, 'done', 20 + g % 80, '["BENCH"]'::jsonb
    from generate_series(0, 999) g`);
  await db.execute(sql`insert into activity_organisations (activity_id, organisation_id, role)
    select md5('a' || g)::uuid, ${ORG}::uuid, 'organiser' from generate_series(0, 999) g`);
  await db.execute(sql`insert into events (activity_id, visibility, questions)
    select md5('a' || g)::uuid, 'internal', '{"organisation":"optional","role":"optional","roleFrom":"catalogue","municipality":"off","dietary":false}'::jsonb
    from generate_series(0, 999) g`);
  await db.execute(sql`insert into people (id, name, sort_key, email)
    select md5('p' || g)::uuid, 'Person ' || g, 'person ' || g, 'person' || g || '@bench.example.se' from generate_series(1, 200000) g`);
  await db.execute(sql`insert into event_registrations
      (event_id, person_id, name, role_key, status, source, attended_at, token_hash, checkin_code)
    select md5('a' || ((g - 1) / 1000))::uuid, md5('p' || (1 + (g::bigint * 7919) % 200000))::uuid, 'Person',
           (array['verksamhetsansvarig','vagledare','projektledare','larare','kompetensmaklare','ovrig_personal','naringslivsenhet','arbetsformedlingen','foretag'])[1 + (g % 9)],
           'confirmed', 'list', case when g % 5 = 0 then null else timestamptz '2020-06-01' end, md5('t' || g), 'C' || g
    from generate_series(1, 1000000) g`);
  await db.execute(sql`insert into finance_units (id, organisation_id, name, sort_order)
    select md5('u' || g)::uuid, ${ORG}::uuid, 'Enhet ' || g, g from generate_series(1, 7) g`);
  await db.execute(sql`insert into spend_entries (organisation_id, unit_id, date, amount, category)
    select ${ORG}::uuid, md5('u' || (1 + g % 7))::uuid, date '2020-01-01' + (g % 1000), 1000 + g % 5000, (array['Lön','Lokaler','Resor'])[1 + g % 3]
    from generate_series(1, 10000) g`);
  await db.execute(sql`analyze`);
  return performance.now() - started;
}

/** A thousand definitions as they are used: a month, some types or roles, mixed kinds. */
function definitions(): IndicatorDefinition[] {
  const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: 1000 }, (_, i) => {
    const from = day((i * 37) % 960);
    const to = day(((i * 37) % 960) + 30);
    const activityTypes = [TYPES[i % 4], TYPES[(i + 1) % 4]];
    switch (i % 4) {
      case 0:
        return { kind: "count_distinct_people_attended", filters: { activityTypes, from, to } };
      case 1:
        return { kind: "count_distinct_people_attended", filters: { roleKeys: [ROLES[i % 5]], from, to } };
      case 2:
        return { kind: "sum_participants", filters: { organisationId: ORG, activityTypes, from, to } };
      default:
        return { kind: "sum_kronor", filters: { organisationId: ORG, from, to } };
    }
  });
}

/** The same figures written by hand, without the records layer (the floor the service is compared with). */
function bareSql(d: IndicatorDefinition) {
  const f = d.filters;
  const list = (v: string[]) =>
    sql`array[${sql.join(
      v.map((x) => sql`${x}`),
      sql`, `,
    )}]::text[]`;
  const period = sql`a.start_date <= ${f.to}::date and coalesce(a.end_date, a.start_date) >= ${f.from}::date`;
  if (d.kind === "sum_kronor")
    return sql`select coalesce(sum(amount), 0)::float8 as value from spend_entries
      where organisation_id = ${ORG}::uuid and date between ${f.from}::date and ${f.to}::date`;
  if (d.kind === "sum_participants")
    return sql`select coalesce(sum(a.participants), 0)::float8 as value from activities a
      where ${period} and a.status <> 'cancelled' and a.type_key = any(${list(f.activityTypes!)})
        and exists (select 1 from activity_organisations ao where ao.activity_id = a.id and ao.organisation_id = ${ORG}::uuid)`;
  const scope = f.activityTypes ? sql`and a.type_key = any(${list(f.activityTypes)})` : sql``;
  const roles = f.roleKeys ? sql`and r.role_key = any(${list(f.roleKeys)})` : sql``;
  // The same join strategy as the service (registrations fetched per event), so the difference is the layer.
  return sql`select count(distinct coalesce(r.person_id::text, lower(r.email), r.id::text))::float8 as value
    from activities a cross join lateral (
      select * from event_registrations r where r.event_id = a.id and r.attended_at is not null and r.status <> 'cancelled' ${roles} offset 0
    ) r
    where ${period} and a.status <> 'cancelled' ${scope}`;
}

async function insertIndicators(db: Db, defs: IndicatorDefinition[], owner: string) {
  for (const [i, d] of defs.entries())
    await db.execute(sql`insert into indicators (name, sort_key, unit, organisation_id, target, start_date, deadline, kind, definition, sort_order)
      values (${`Indikator ${i}`}, ${`indikator ${String(i).padStart(4, "0")}`}, 'st', ${owner}::uuid, 100,
              ${d.filters.from ?? null}, ${d.filters.to ?? null}, 'computed', ${JSON.stringify(d)}::jsonb, ${i})`);
}

async function thousandIndicators(database: Database): Promise<string[]> {
  const { db } = database;
  const defs = definitions();
  await insertIndicators(db, defs, OWNER);
  await insertIndicators(db, defs.slice(0, 20), ORG);
  const asOf = "2026-01-01";
  let t0 = performance.now();
  const viaService: number[] = [];
  for (const d of defs) viaService.push((await computeValue(db, d, asOf)).value);
  const service = performance.now() - t0;
  t0 = performance.now();
  const bare: number[] = [];
  for (const d of defs) bare.push(Number((await queryRows<{ value: number }>(db, bareSql(d)))[0].value));
  const hand = performance.now() - t0;
  const differ = viaService.filter((v, i) => v !== bare[i]).length;
  t0 = performance.now();
  const records = await findIndicators(db, [sql`indicators.organisation_id = ${OWNER}`]);
  const evaluated = await evaluateIndicators(db, records, "sv");
  const full = performance.now() - t0;
  const all: IndicatorDefinition = { kind: "count_distinct_people_attended", filters: {} };
  t0 = performance.now();
  const whole = await computeValue(db, all, asOf);
  const wholeService = performance.now() - t0;
  t0 = performance.now();
  await queryRows(
    db,
    bareSql({ kind: "count_distinct_people_attended", filters: { from: "2000-01-01", to: asOf } }),
  );
  const wholeBare = performance.now() - t0;
  return [
    `1 000 indicators (mixed kinds, each over a month of the data), values only: service ${ms(service)} (${ms(service / 1000)} each), bare SQL ${ms(hand)} (${ms(hand / 1000)} each); ${differ} of 1 000 values differ between the two`,
    `the same 1 000 evaluated for display (value, status, 12-point history, definition in words): ${ms(full)} (${ms(full / evaluated.length)} each)`,
    `one indicator over all 1 000 000 registrations (${whole.value} distinct people): service ${ms(wholeService)}, bare SQL ${ms(wholeBare)}`,
  ];
}

async function annualReport(database: Database): Promise<string[]> {
  const { db } = database;
  let t0 = performance.now();
  const content = await buildAnnualReport(db, systemActor, ORG, 2020, "sv");
  const doc = await finishDocument(db, content, "sv");
  const built = performance.now() - t0;
  const timings: string[] = [];
  for (const format of ["html", "docx", "xlsx", "pdf"] as const) {
    t0 = performance.now();
    const file = await render(doc, format);
    timings.push(
      `${format} ${ms(performance.now() - t0)} (${Math.round(Buffer.byteLength(file.body) / 1024)} kB)`,
    );
  }
  t0 = performance.now();
  await queryRows(
    db,
    sql`select a.id, a.title, a.start_date, a.participants,
          (select count(*) from event_registrations r where r.event_id = a.id and r.status <> 'cancelled') as registered,
          (select count(*) from event_registrations r where r.event_id = a.id and r.attended_at is not null) as attended
        from activities a join activity_organisations ao on ao.activity_id = a.id and ao.organisation_id = ${ORG}::uuid
        where a.start_date between '2020-01-01' and '2020-12-31' order by a.start_date, a.id`,
  );
  await queryRows(
    db,
    sql`select u.name, sum(s.amount) from spend_entries s join finance_units u on u.id = s.unit_id
        where s.organisation_id = ${ORG}::uuid and s.date between '2020-01-01' and '2020-12-31' group by u.name, u.sort_order order by u.sort_order`,
  );
  const bare = performance.now() - t0;
  const meetings = content.blocks.find((b) => b.type === "table" && b.caption.startsWith("Mötesplatser"));
  return [
    `annual report 2020 (${meetings?.type === "table" ? meetings.rows.length : 0} meeting places with registered/attended counts over the registrations, 20 indicators as of the year's end, money per unit over 10 000 entries): built from data ${ms(built)}; bare SQL of its two heavy tables ${ms(bare)}`,
    `rendered: ${timings.join(", ")}`,
  ];
}

export async function benchFollowUp(): Promise<string[]> {
  const database = await openDatabase({ kind: "pglite" });
  try {
    const seeding = await seed(database.db);
    return [
      `pglite: seeded 1 000 events, 200 000 people, 1 000 000 registrations, 10 000 spend entries by SQL in ${ms(seeding)}`,
      ...(await thousandIndicators(database)),
      ...(await annualReport(database)),
    ];
  } finally {
    await database.close();
  }
}
