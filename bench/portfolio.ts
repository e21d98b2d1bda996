import { sql } from "drizzle-orm";
import { loadDemoUsers } from "../demo/users.ts";
import { openDatabase } from "../src/server/db/client.ts";
import { signedInApp } from "./signed-in.ts";

/**
 * The project portfolio over 10 000 projects on a fresh in-memory PGlite: the first page of the list,
 * a filtered page, and the dashboard, each through the whole HTTP stack (app.inject: routing, session,
 * validation, service, presenter, serialisation) beside the bare SQL the service runs.
 */
const PROJECTS = 10_000;
const RUNS = 200;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`;
}

/** Median and p95 of `runs` timed calls after ten warm-ups (other sections use it too). */
export async function time(run: () => Promise<unknown>, runs = RUNS) {
  for (let i = 0; i < 10; i++) await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

export async function benchPortfolio(): Promise<string[]> {
  const lines: string[] = [];
  const database = await openDatabase({ kind: "pglite" });
  const { db } = database;
  await loadDemoUsers(db);

  const started = performance.now();
  // Five owners, seven sectors, a spread of periods, colours and report due dates.
  await db.execute(sql`
    insert into organisations (name, sort_key, type)
    select 'Ägare ' || g, 'agare ' || g, 'larosate' from generate_series(1, 5) g`);
  await db.execute(sql`
    insert into projects (name, sort_key, lead_name, owner_organisation_id, sector, period_start, period_end,
      latest_report_type, latest_report_date, concrete_results, can_scale_up, process_leader_comment, colour,
      report_due_date)
    select 'Projekt ' || lpad(g::text, 5, '0'), 'projekt ' || lpad(g::text, 5, '0'), 'Projektledare ' || (g % 400),
      (select id from organisations where name = 'Ägare ' || (1 + g % 5)),
      (array['Utbildning','Äldreomsorg och socialt arbete','Morgondagens studenter och arbetskraft',
             'Hållbar stadsutveckling','Arbetslivsanknytning','Hälsa och välfärd','Skolutveckling'])[1 + g % 7],
      date '2010-01-01' + ((g % 120) * interval '1 month'),
      date '2011-01-01' + ((g % 120 + g % 36) * interval '1 month'),
      (array['delrapport','slutrapport'])[1 + g % 2], date '2013-04-02',
      (array['Ja','Ej ännu','Nja','Otydligt'])[1 + g % 4], (array['Ja','Kanske','Troligen','Oklart'])[1 + g % 4],
      'Kommentar till projekt ' || g,
      case when g % 13 = 0 then 'red' when g % 4 = 0 then 'yellow' when g % 17 = 0 then null else 'green' end,
      case when g % 9 = 0 then date '2012-01-01' + ((g % 60) * interval '1 month') end
    from generate_series(1, ${PROJECTS}) g`);
  await db.execute(sql`analyze`);
  lines.push(`bulk insert of ${PROJECTS} projects: ${Math.round(performance.now() - started)} ms`);

  const { app, get } = await signedInApp(database);

  const listSql = sql`
    select p.*, pe.name as lead_person_name, o.name as owner_name from projects p
    left join people pe on pe.id = p.lead_person_id left join organisations o on o.id = p.owner_organisation_id`;
  lines.push(
    `GET /api/projects?limit=50 (first page by name):        ${await time(() => get("/api/projects?limit=50"))}`,
  );
  lines.push(
    `  bare SQL, same joins, order by sort_key, id limit 51:    ${await time(() => db.execute(sql`${listSql} order by p.sort_key, p.id limit 51`))}`,
  );
  const middle = (await get("/api/projects?limit=50&sort=periodEnd")).json().nextCursor;
  lines.push(
    `GET /api/projects?sort=periodEnd&cursor=… (second page):    ${await time(() => get(`/api/projects?limit=50&sort=periodEnd&cursor=${middle}`))}`,
  );
  lines.push(
    `GET /api/projects?colour=red&sector=Utbildning&limit=50:  ${await time(() => get("/api/projects?colour=red&sector=Utbildning&limit=50"))}`,
  );
  lines.push(
    `  bare SQL, same filter:                                   ${await time(() => db.execute(sql`${listSql} where p.colour = 'red' and (p.sector = 'Utbildning' or (p.sector is null and (o.name = 'Utbildning' or p.owner_name = 'Utbildning'))) order by p.sort_key, p.id limit 51`))}`,
  );
  lines.push(
    `GET /api/projects/dashboard?asOf=2013-04-02:              ${await time(() => get("/api/projects/dashboard?asOf=2013-04-02"))}`,
  );
  lines.push(
    `  bare SQL, the three queries (counts, ending, overdue):   ${await time(async () => {
      await db.execute(sql`
        select sector, owner_organisation_id, owner_name, colour, count(*) from projects
        group by sector, owner_organisation_id, owner_name, colour`);
      await db.execute(sql`
        select id, name, period_end, colour, sector from projects
        where period_end >= '2013-04-01' and period_end <= '2013-07-01' order by period_end, sort_key limit 100`);
      await db.execute(sql`
        select p.*, pe.name from projects p left join people pe on pe.id = p.lead_person_id
        left join organisations o on o.id = p.owner_organisation_id
        where p.report_due_date is not null and p.report_due_date < '2013-04-02' order by p.report_due_date, p.sort_key
        limit 100`);
    })}`,
  );
  const exportStarted = performance.now();
  const xlsx = await get("/api/projects/export?format=xlsx");
  lines.push(
    `GET /api/projects/export?format=xlsx (all ${PROJECTS} rows, once): ${Math.round(performance.now() - exportStarted)} ms, ${Math.round(xlsx.rawPayload.length / 1024)} KiB`,
  );
  await app.close();
  await database.close();
  return lines;
}
