import { sql } from "drizzle-orm";
import { loadDemoUsers } from "../demo/users.ts";
import { openDatabase, queryRows } from "../src/server/db/client.ts";
import { sharedCourseRows } from "../src/server/modules/agreements/index.ts";
import { time } from "./portfolio.ts";
import { signedInApp } from "./signed-in.ts";

/**
 * SKO agreements over 2 000 agreements with 40 000 appendix rows (20 each) on a fresh in-memory
 * PGlite: the first page of the list and one agreement's detail (parties, needs, appendix with
 * courses, dialogues, spend per year) through the whole HTTP stack, beside the bare SQL.
 */
const AGREEMENTS = 2_000;
const ROWS_EACH = 20;

export async function benchAgreements(): Promise<string[]> {
  const lines: string[] = [];
  const database = await openDatabase({ kind: "pglite" });
  const { db } = database;
  await loadDemoUsers(db);

  const started = performance.now();
  await db.execute(sql`
    insert into organisations (name, sort_key, type)
    select 'Kommun ' || g, 'kommun ' || g, 'kommun' from generate_series(1, 200) g`);
  await db.execute(sql`
    insert into courses (code, name_sv, sort_key, credits, contract)
    select 'SK' || lpad(g::text, 4, '0'), 'Kurs ' || g, 'kurs ' || g, (array[3, 6, 7.5])[1 + g % 3], true
    from generate_series(1, 400) g`);
  await db.execute(sql`
    insert into agreements (title, start_date, end_date, budget, phase, status)
    select 'Avtal ' || lpad(g::text, 5, '0'), date '2020-01-01' + (g % 1500), date '2022-01-01' + (g % 1500),
      500000 + g * 100, 'execution', 'active'
    from generate_series(1, ${AGREEMENTS}) g`);
  await db.execute(sql`
    insert into agreement_parties (agreement_id, organisation_id, role)
    select a.id, o.id, 'partner' from
      (select id, row_number() over (order by id) n from agreements) a
      join (select id, row_number() over (order by id) n from organisations where type = 'kommun') o
      on o.n = 1 + a.n % 200`);
  await db.execute(sql`
    insert into agreement_needs (agreement_id, title, target_group)
    select a.id, 'Behov ' || k, 'Målgrupp ' || k from agreements a, generate_series(1, 5) k`);
  await db.execute(sql`
    insert into agreement_appendix (agreement_id, course_id, term, places, price, package)
    select a.id, c.id, 'vt 2027', 10 + k % 20, 60000, 'Paket ' || (k % 4)
    from (select id, row_number() over (order by id) n from agreements) a
      cross join generate_series(0, ${ROWS_EACH - 1}) k
      join (select id, row_number() over (order by id) n from courses) c on c.n = 1 + (a.n * 7 + k) % 400`);
  await db.execute(sql`
    insert into agreement_appendix_needs (appendix_id, need_id)
    select distinct on (ap.id) ap.id, n.id from agreement_appendix ap
      join agreement_needs n on n.agreement_id = ap.agreement_id order by ap.id, n.id`);
  await db.execute(sql`
    insert into agreement_dialogues (agreement_id, date, notes)
    select a.id, date '2026-01-01' + k * 90, 'Dialog ' || k from agreements a, generate_series(1, 3) k`);
  await db.execute(sql`analyze`);
  const [{ rows }] = await queryRows<{ rows: number }>(
    db,
    sql`select count(*)::int as rows from agreement_appendix`,
  );
  lines.push(
    `bulk insert of ${AGREEMENTS} agreements, ${rows} appendix rows: ${Math.round(performance.now() - started)} ms`,
  );

  const { app, get } = await signedInApp(database);

  lines.push(
    `GET /api/agreements?limit=50 (first page):        ${await time(() => get("/api/agreements?limit=50"))}`,
  );
  lines.push(
    `  bare SQL, page + parties:                        ${await time(async () => {
      await db.execute(sql`select * from agreements order by start_date, id limit 51`);
      await db.execute(sql`
        select p.*, o.name from agreement_parties p join organisations o on o.id = p.organisation_id
        where p.agreement_id in (select id from agreements order by start_date, id limit 50)`);
    })}`,
  );
  const id = (await get("/api/agreements?limit=1")).json().items[0].id as string;
  lines.push(
    `GET /api/agreements/{id} (20 rows, 5 needs):       ${await time(() => get(`/api/agreements/${id}`))}`,
  );
  lines.push(
    `  bare SQL, the same reads:                        ${await time(async () => {
      await db.execute(sql`select * from agreements where id = ${id}`);
      await db.execute(
        sql`select p.*, o.name from agreement_parties p join organisations o on o.id = p.organisation_id where p.agreement_id = ${id}`,
      );
      await db.execute(sql`select * from agreement_history where agreement_id = ${id}`);
      await db.execute(sql`select * from agreement_needs where agreement_id = ${id}`);
      await db.execute(
        sql`select a.*, c.code, c.name_sv, c.credits from agreement_appendix a join courses c on c.id = a.course_id where a.agreement_id = ${id}`,
      );
      await db.execute(
        sql`select l.* from agreement_appendix_needs l join agreement_appendix a on a.id = l.appendix_id where a.agreement_id = ${id}`,
      );
      await db.execute(sql`select * from agreement_dialogues where agreement_id = ${id}`);
      await db.execute(
        sql`select extract(year from date), sum(amount) from spend_entries where agreement_id = ${id} group by 1`,
      );
    })}`,
  );
  lines.push(
    `GET /api/agreements/shared-courses (all 40 000 rows): ${await time(() => get("/api/agreements/shared-courses"), 20)}`,
  );
  lines.push(
    `  its two queries (sharedCourseRows):              ${await time(() => sharedCourseRows(db), 20)}`,
  );
  // The query it replaced: every row joined with its parties before grouping, a correlated sum per course.
  lines.push(
    `  the former single query, for comparison:         ${await time(
      () =>
        db.execute(sql`select a.course_id, array_agg(distinct a.agreement_id::text),
          array_agg(distinct p.organisation_id::text),
          (select coalesce(sum(a2.places), 0)::int from agreement_appendix a2 where a2.course_id = a.course_id)
        from agreement_appendix a
        join agreement_parties p on p.agreement_id = a.agreement_id and p.role = 'partner'
        group by a.course_id having count(distinct a.agreement_id) > 1`),
      20,
    )}`,
  );
  await app.close();
  await database.close();
  return lines;
}
