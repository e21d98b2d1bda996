import { sql } from "drizzle-orm";
import { loadDemoUsers } from "../demo/users.ts";
import { defaultCriteria, defaultTemplate } from "../src/common/ideas.ts";
import { openDatabase, queryRows } from "../src/server/db/client.ts";
import { time } from "./portfolio.ts";
import { signedInApp } from "./signed-in.ts";

/**
 * Calls for ideas: one call with 10 000 ideas (spread over MOPS' stages, 20 000 panel reviews) on a
 * fresh in-memory PGlite: the first page of the list, the list filtered by stage and organisation, and
 * the funnel, through the whole HTTP stack, beside the bare SQL of the same reads.
 */
const IDEAS = 10_000;

export async function benchIdeas(): Promise<string[]> {
  const lines: string[] = [];
  const database = await openDatabase({ kind: "pglite" });
  const { db } = database;
  await loadDemoUsers(db);

  const started = performance.now();
  await db.execute(sql`
    insert into organisations (name, sort_key, type) values ('Samhällskontraktet', 'samhällskontraktet', 'annan')`);
  await db.execute(sql`
    insert into idea_calls (title, organisation_id, opens_at, closes_at, budget, template, criteria)
    select 'Framtidens vård, omsorg och socialt arbete', id, '2010-02-01', '2010-04-30', 1300000000,
      ${JSON.stringify(defaultTemplate)}::jsonb, ${JSON.stringify(defaultCriteria)}::jsonb
    from organisations`);
  // Ranks 0–6 thinning out like a funnel; every fifth idea past submitted ended rejected.
  await db.execute(sql`
    insert into ideas (call_id, title, summary, stage, reached_rank, submitter_name, submitter_email,
      organisation_text, fields, consent_at, submitted_at, granted_amount)
    select c.id, 'Idé ' || g, 'Sammanfattning av idé ' || g,
      case when r > 0 and g % 5 = 0 then 'rejected'
        else (array['submitted','selected','developing','pitched','planned','prepared','granted'])[r + 1] end,
      r, 'Idégivare ' || g, 'ide' || g || '@example.se',
      (array['Eskilstuna kommun','Västerås stad','Mälardalens högskola','Region Västmanland'])[1 + g % 4],
      jsonb_build_object('purpose', 'Syfte ' || g), now(), timestamptz '2010-02-01' + g * interval '1 minute',
      case when r = 6 and g % 5 <> 0 then 50000 end
    from idea_calls c, generate_series(1, ${IDEAS}) g,
      lateral (select least(6, floor(-ln(((g * 7919) % ${IDEAS} + 0.5) / ${IDEAS}) * 1.4))::int as r) rr`);
  await db.execute(sql`
    insert into idea_reviews (idea_id, reviewer_user_id, reviewer_name, scores)
    select i.id, u.id, u.name, jsonb_build_object('relevance', 1 + (abs(hashtext(i.id::text || u.id::text)) % 5),
      'feasibility', 3, 'impact', 4)
    from ideas i, (select id, name from users order by email limit 2) u`);
  await db.execute(sql`
    insert into idea_call_reviewers (call_id, user_id) select c.id, u.id from idea_calls c, users u`);
  await db.execute(sql`analyze`);
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from idea_reviews`);
  lines.push(`bulk insert of ${IDEAS} ideas, ${n} reviews: ${Math.round(performance.now() - started)} ms`);
  const [{ id: callId }] = await queryRows<{ id: string }>(db, sql`select id from idea_calls`);

  const { app, get } = await signedInApp(database);
  const listSql = (where = sql``) =>
    db.execute(sql`
      select i.*,
        (select count(*)::int from idea_reviews r where r.idea_id = i.id) review_count,
        (select round(avg(s.value::numeric), 2)::float from idea_reviews r, jsonb_each_text(r.scores) s
          where r.idea_id = i.id) average_score
      from ideas i where i.call_id = ${callId} ${where}
      order by i.submitted_at, i.id limit 51`);

  lines.push(
    `GET /api/ideas?callId=&limit=50 (first page):           ${await time(() => get(`/api/ideas?callId=${callId}&limit=50`))}`,
  );
  lines.push(`  bare SQL, the same page with review summaries:        ${await time(() => listSql())}`);
  const filtered = `/api/ideas?callId=${callId}&stage=planned&organisation=v%C3%A4ster%C3%A5s&limit=50`;
  lines.push(`GET /api/ideas (stage=planned, organisation=västerås):  ${await time(() => get(filtered))}`);
  lines.push(
    `  bare SQL, the same filter:                            ${await time(() =>
      listSql(sql`and i.stage = 'planned' and i.organisation_text ilike '%västerås%'`),
    )}`,
  );
  const funnel = (await get(`/api/calls/${callId}/funnel`)).json();
  lines.push(
    `GET /api/calls/{id}/funnel (${funnel.submitted} → ${funnel.selected} → ${funnel.planned} → ${funnel.granted}): ${await time(() => get(`/api/calls/${callId}/funnel`))}`,
  );
  lines.push(
    `  bare SQL, the funnel's one aggregate:                 ${await time(async () => {
      await db.execute(sql`select * from idea_calls where id = ${callId}`);
      await db.execute(sql`
        select ${sql.join(
          [0, 1, 2, 3, 4, 5, 6].map((r) => sql.raw(`count(*) filter (where reached_rank >= ${r})`)),
          sql`, `,
        )}, sum(granted_amount), array_agg(project_id) filter (where project_id is not null)
        from ideas where call_id = ${callId}`);
    })}`,
  );
  lines.push(
    `GET /api/ideas/by-organisation?callId=:                ${await time(() => get(`/api/ideas/by-organisation?callId=${callId}`))}`,
  );
  await app.close();
  await database.close();
  return lines;
}
