import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { systemActor } from "../../platform/actor.ts";
import { Scheduler } from "../../platform/scheduler.ts";
import { createTestApp, type Session } from "../../test/harness.ts";
import { createEvent, register } from "../events/test/events.fixture.ts";
import { retentionTask } from "./retention.jobs.ts";
import { runRetention } from "./retention.service.ts";

/**
 * Retention that runs (issue 20, item 3): each category's purge (the dry run announces exactly what the
 * run then does), the rules API with its exact field names and who may use it, the reports, and a run
 * interrupted mid-way that the next run finishes without anything half-erased.
 */
const t = await createTestApp();
const db = t.database.db;
let admin: Session;
let coordinator: Session;
let member: Session;
const ids = { oldPublic: "", oldInternal: "", upcoming: "", oldCall: "", recentCall: "" };

async function rows<T>(query: ReturnType<typeof sql>) {
  return queryRows<T>(db, query);
}

/** Moves an event's sessions `years` back: the event is over, long ago. */
async function moveBack(eventId: string, years: number) {
  await db.execute(
    sql`update event_sessions set starts_at = starts_at - ${`${years} years`}::interval,
          ends_at = ends_at - ${`${years} years`}::interval where event_id = ${eventId}`,
  );
}

async function registerMany(eventId: string, prefix: string, n: number, dietaryEvery = 0) {
  for (let i = 1; i <= n; i++) {
    const res = await register(t, eventId, {
      name: `${prefix} Deltagare${i}`,
      email: `${prefix.toLowerCase()}.${i}@example.se`,
      role: "Lärare",
      ...(dietaryEvery && i % dietaryEvery === 0 ? { dietary: "Glutenfritt" } : {}),
    });
    if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  }
}

async function dryRunCounts(as: Session = admin) {
  const res = await t.request({ method: "GET", url: "/api/admin/retention/dry-run", as });
  expect(res.statusCode).toBe(200);
  return Object.fromEntries(
    (res.json().categories as { key: string; count: number }[]).map((c) => [c.key, c.count]),
  );
}

beforeAll(async () => {
  admin = await t.login("admin@demo.samspel.se");
  coordinator = await t.login("samordnare@demo.samspel.se");
  member = await t.login("styrelse@demo.samspel.se");

  const food = { questions: { dietary: true } };
  ids.oldPublic = (await createEvent(t, coordinator, food)).id;
  ids.oldInternal = (await createEvent(t, coordinator, { ...food, visibility: "internal" })).id;
  ids.upcoming = (await createEvent(t, coordinator, food)).id;
  await registerMany(ids.oldPublic, "Publik", 5, 2); // two with dietary needs
  await registerMany(ids.upcoming, "Kommande", 2, 1); // two with dietary needs, event not over
  // Internal events take registrations from staff; the public form does not open for them.
  await db.execute(
    sql`insert into event_registrations (event_id, name, email, status, source, token_hash, checkin_code)
        values (${ids.oldInternal}, 'Intern Deltagare', 'intern@example.se', 'confirmed', 'staff', 'intern-token', 'INT001')`,
  );
  await db.execute(
    sql`insert into event_dietary_needs (registration_id, needs)
        select id, 'Vegetariskt' from event_registrations where email = 'intern@example.se'`,
  );
  await moveBack(ids.oldPublic, 3);
  await moveBack(ids.oldInternal, 3);

  // Newsletter: one old unconfirmed, one recent unconfirmed, one unsubscribed, one active.
  for (const email of ["gammal@example.se", "ny@example.se", "avslutad@example.se", "aktiv@example.se"]) {
    const res = await t.request({
      method: "POST",
      url: "/api/public/newsletter/subscriptions",
      payload: { email, name: "Prenumerant" },
    });
    expect(res.statusCode).toBe(202);
  }
  await db.execute(
    sql`update newsletter_subscribers set created_at = now() - interval '25 months' where email = 'gammal@example.se'`,
  );
  await db.execute(
    sql`update newsletter_subscribers set status = 'unsubscribed', unsubscribed_at = now() where email = 'avslutad@example.se'`,
  );
  await db.execute(
    sql`update newsletter_subscribers set status = 'active', confirmed_at = now(), created_at = now() - interval '5 years'
        where email = 'aktiv@example.se'`,
  );

  // Ideas: a call that closed two years ago (two never granted, one granted) and one that closed last month.
  const [org] = await rows<{ id: string }>(
    sql`insert into organisations (name, sort_key, type) values ('Testkommunen', 'testkommunen', 'municipality') returning id`,
  );
  const call = (title: string, closes: string) =>
    rows<{ id: string }>(
      sql`insert into idea_calls (title, organisation_id, opens_at, closes_at, template, criteria)
          values (${title}, ${org.id}, ${closes}::timestamptz - interval '2 months', ${closes}::timestamptz, '[]', '[]')
          returning id`,
    );
  ids.oldCall = (
    await call("Äldreomsorgens idéer", new Date(Date.now() - 730 * 86_400_000).toISOString())
  )[0].id;
  ids.recentCall = (await call("Skolans idéer", new Date(Date.now() - 30 * 86_400_000).toISOString()))[0].id;
  const idea = (callId: string, title: string, stage: string, n: number) =>
    db.execute(
      sql`insert into ideas (call_id, title, summary, stage, submitter_name, submitter_email, token_hash)
          values (${callId}, ${title}, 'Sammanfattning', ${stage}, ${`Idégivare ${n}`}, ${`idegivare${n}@example.se`}, ${`idea-token-${n}`})`,
    );
  await idea(ids.oldCall, "Trygg hemgång", "submitted", 1);
  await idea(ids.oldCall, "Digital fika", "rejected", 2);
  await idea(ids.oldCall, "Vårdlotsar", "granted", 3);
  await idea(ids.recentCall, "Läxhjälp", "submitted", 4);

  // The outbox: two mails that failed 40 days ago, one 5 days ago, and one sent 40 days ago.
  const mail = (recipient: string, status: string, daysAgo: number) =>
    db.execute(
      sql`insert into mail_outbox (purpose, recipient, subject, text, status, created_at)
          values ('events.confirmation', ${recipient}, 'Bekräftelse', 'Text', ${status}, now() - ${`${daysAgo} days`}::interval)`,
    );
  await mail("fel1@example.se", "failed", 40);
  await mail("fel2@example.se", "failed", 40);
  await mail("fel3@example.se", "failed", 5);
  await mail("skickad@example.se", "sent", 40);
});

describe("retention rules", () => {
  it("lists every category's rule with its default, for coordinators too", async () => {
    const res = await t.request({ method: "GET", url: "/api/admin/retention/rules", as: coordinator });
    expect(res.statusCode).toBe(200);
    const byKey = Object.fromEntries(res.json().items.map((r: { key: string }) => [r.key, r]));
    expect(Object.keys(byKey).sort()).toEqual([
      "event_dietary_needs",
      "event_registrations",
      "idea_submitters",
      "newsletter_subscribers",
      "outbox_failed",
    ]);
    expect(byKey.event_registrations).toEqual({
      key: "event_registrations",
      months: 24,
      days: 0,
      enabled: true,
      isDefault: true,
      minDays: 30,
      updatedBy: null,
      updatedAt: null,
    });
    expect(byKey.idea_submitters).toMatchObject({ months: 12, days: 0 });
    expect(byKey.outbox_failed).toMatchObject({ months: 0, days: 30 });
    expect(byKey.event_dietary_needs).toMatchObject({ months: 0, days: 0 });
  });

  it("refuses the rules to other roles and to the public", async () => {
    expect(
      (await t.request({ method: "GET", url: "/api/admin/retention/rules", as: member })).statusCode,
    ).toBe(403);
    expect((await t.request({ method: "GET", url: "/api/admin/retention/rules" })).statusCode).toBe(401);
  });

  it("lets an administrator change a rule (audited), and only an administrator", async () => {
    const payload = { rules: [{ key: "outbox_failed", months: 0, days: 45, enabled: true }] };
    const refused = await t.request({
      method: "PUT",
      url: "/api/admin/retention/rules",
      as: coordinator,
      payload,
    });
    expect(refused.statusCode).toBe(403);
    const res = await t.request({ method: "PUT", url: "/api/admin/retention/rules", as: admin, payload });
    expect(res.statusCode).toBe(200);
    const rule = res.json().items.find((r: { key: string }) => r.key === "outbox_failed");
    expect(rule).toMatchObject({
      months: 0,
      days: 45,
      enabled: true,
      isDefault: false,
      updatedBy: "Anna Processledare",
    });
    const [entry] = await rows<{ before: unknown; after: unknown }>(
      sql`select before, after from audit_log where action = 'retention.rule.update' and entity_id = 'outbox_failed'`,
    );
    expect(entry).toEqual({
      before: { months: 0, days: 30, enabled: true },
      after: { months: 0, days: 45, enabled: true },
    });
    // Back to the default for the runs below.
    payload.rules[0].days = 30;
    expect(
      (await t.request({ method: "PUT", url: "/api/admin/retention/rules", as: admin, payload })).statusCode,
    ).toBe(200);
  });

  it("answers bad rules with Swedish field messages", async () => {
    const put = (rules: unknown) =>
      t.request({ method: "PUT", url: "/api/admin/retention/rules", as: admin, payload: { rules } });
    const negative = await put([{ key: "outbox_failed", months: 0, days: -1, enabled: true }]);
    expect(negative.statusCode).toBe(422);
    expect(negative.json().errors["rules.0.days"]).toEqual(["Värdet kan inte vara negativt."]);
    const unknown = await put([{ key: "people", months: 1, days: 0, enabled: true }]);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors["rules.0.key"]).toEqual(["Välj en av gallringskategorierna."]);
    const short = await put([{ key: "event_registrations", months: 0, days: 7, enabled: true }]);
    expect(short.statusCode).toBe(422);
    expect(short.json().errors["rules.0.months"]).toEqual([
      "Den här kategorin måste sparas minst 30 dagar innan den gallras.",
    ]);
    const twice = await put([
      { key: "outbox_failed", months: 0, days: 30, enabled: true },
      { key: "outbox_failed", months: 0, days: 31, enabled: true },
    ]);
    expect(twice.statusCode).toBe(422);
  });
});

describe("a retention run", () => {
  it("does per category exactly what the dry run announced, and keeps the counts", async () => {
    const dry = await t.request({ method: "GET", url: "/api/admin/retention/dry-run", as: coordinator });
    expect(dry.statusCode).toBe(200);
    const expected = {
      event_dietary_needs: 3, // two of the old public event, one of the old internal one
      event_registrations: 5, // the old public event's; internal and upcoming ones stay
      newsletter_subscribers: 2, // the old unconfirmed and the unsubscribed
      idea_submitters: 2, // the old call's ideas never granted
      outbox_failed: 2, // failed more than 30 days ago
    };
    expect(await dryRunCounts(coordinator)).toEqual(expected);
    // Examples tell what and when, never who.
    const text = dry.body;
    for (const secret of [
      "Publik Deltagare1",
      "publik.1@example.se",
      "gammal@example.se",
      "Idégivare 1",
      "fel1@",
    ])
      expect(text).not.toContain(secret);
    const registrations = dry.json().categories.find((c: { key: string }) => c.key === "event_registrations");
    expect(registrations.examples).toEqual([
      { label: expect.stringMatching(/^Seminarium/), date: expect.any(String), count: 5 },
    ]);

    const before = await rows<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from event_registrations where event_id = ${ids.oldPublic} group by status`,
    );
    const run = await t.request({ method: "POST", url: "/api/admin/retention/run", as: coordinator });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({
      trigger: "manual",
      status: "completed",
      startedBy: "Sara Samordnare",
      counts: expected,
      total: 14,
      error: null,
    });

    // Registrations: the rows and their statuses stay, the people are gone.
    expect(
      await rows(
        sql`select status, count(*)::int as n from event_registrations where event_id = ${ids.oldPublic} group by status`,
      ),
    ).toEqual(before);
    const left = await rows<{ name: string; email: string | null; role: string | null }>(
      sql`select name, email, role from event_registrations where event_id = ${ids.oldPublic}`,
    );
    expect(left.every((r) => r.name === "(anonymiserad)" && r.email === null && r.role === null)).toBe(true);
    expect(
      await rows(
        sql`select name from event_registrations where event_id in (${ids.oldInternal}, ${ids.upcoming}) order by name`,
      ),
    ).toEqual([
      { name: "Intern Deltagare" },
      { name: "Kommande Deltagare1" },
      { name: "Kommande Deltagare2" },
    ]);
    expect(await rows(sql`select needs from event_dietary_needs`)).toHaveLength(2); // the upcoming event's
    expect(await rows(sql`select email from newsletter_subscribers order by email`)).toEqual([
      { email: "aktiv@example.se" },
      { email: "ny@example.se" },
    ]);
    expect(
      await rows(sql`select title, submitter_name, submitter_email, token_hash from ideas order by title`),
    ).toEqual([
      { title: "Digital fika", submitter_name: null, submitter_email: null, token_hash: null },
      {
        title: "Läxhjälp",
        submitter_name: "Idégivare 4",
        submitter_email: "idegivare4@example.se",
        token_hash: "idea-token-4",
      },
      { title: "Trygg hemgång", submitter_name: null, submitter_email: null, token_hash: null },
      {
        title: "Vårdlotsar",
        submitter_name: "Idégivare 3",
        submitter_email: "idegivare3@example.se",
        token_hash: "idea-token-3",
      },
    ]);
    expect(
      await rows(
        sql`select recipient from mail_outbox where recipient in ('fel1@example.se', 'fel2@example.se', 'fel3@example.se', 'skickad@example.se') order by recipient`,
      ),
    ).toEqual([{ recipient: "fel3@example.se" }, { recipient: "skickad@example.se" }]);

    // Nothing is left for the next run, and the report is listed and audited.
    expect(Object.values(await dryRunCounts())).toEqual([0, 0, 0, 0, 0]);
    const reports = await t.request({ method: "GET", url: "/api/admin/retention/runs", as: coordinator });
    expect(reports.statusCode).toBe(200);
    expect(reports.json().items[0]).toEqual(run.json());
    const audited = await rows<{ action: string; n: number }>(
      sql`select action, count(*)::int as n from audit_log where entity_id = ${run.json().id} group by action order by action`,
    );
    expect(audited).toEqual([
      { action: "retention.purge", n: 5 },
      { action: "retention.run", n: 1 },
    ]);
  });

  it("resumes a run interrupted mid-way, and never leaves a record half-erased", async () => {
    const event = (await createEvent(t, coordinator, { questions: { dietary: true } })).id;
    await registerMany(event, "Avbruten", 5);
    await moveBack(event, 3);
    expect((await dryRunCounts()).event_registrations).toBe(5);

    // The second batch of two fails after its changes (a crash, a lost connection): rolled back whole.
    let batches = 0;
    const interrupted = await runRetention(db, systemActor, {
      trigger: "manual",
      batchSize: 2,
      onBatch: (category, count) => {
        if (category === "event_registrations" && count && ++batches === 2)
          throw new Error("anslutningen bröts");
      },
    });
    expect(interrupted).toMatchObject({
      status: "failed",
      error: "anslutningen bröts",
      counts: { event_registrations: 2 },
    });
    const state = await rows<{ name: string; email: string | null; token_hash: string }>(
      sql`select name, email, token_hash from event_registrations where event_id = ${event} order by name`,
    );
    const done = state.filter((r) => r.name === "(anonymiserad)");
    expect(done).toHaveLength(2);
    expect(done.every((r) => r.email === null && r.token_hash.startsWith("anonymised:"))).toBe(true);
    const untouched = state.filter((r) => r.name !== "(anonymiserad)");
    expect(untouched).toHaveLength(3);
    expect(
      untouched.every((r) => r.email?.startsWith("avbruten.") && !r.token_hash.startsWith("anonymised:")),
    ).toBe(true);
    expect((await dryRunCounts()).event_registrations).toBe(3);

    const next = await t.request({ method: "POST", url: "/api/admin/retention/run", as: admin });
    expect(next.json()).toMatchObject({
      status: "completed",
      counts: { event_registrations: 3 },
      startedBy: "Anna Processledare",
    });
    expect((await dryRunCounts()).event_registrations).toBe(0);
    const failed = (await t.request({ method: "GET", url: "/api/admin/retention/runs", as: admin })).json()
      .items[1];
    expect(failed).toMatchObject({ id: interrupted.id, status: "failed", total: 2 });
  });

  it("refuses a second run while one is under way, and takes over from one that died", async () => {
    await db.execute(sql`insert into retention_runs (trigger, status) values ('manual', 'running')`);
    const refused = await t.request({ method: "POST", url: "/api/admin/retention/run", as: admin });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe("En gallring pågår redan. Vänta tills den är klar och försök igen.");
    // Its process died three hours ago: the next run marks it interrupted and runs.
    await db.execute(
      sql`update retention_runs set started_at = now() - interval '3 hours' where status = 'running'`,
    );
    const run = await t.request({ method: "POST", url: "/api/admin/retention/run", as: admin });
    expect(run.statusCode).toBe(200);
    const items = (await t.request({ method: "GET", url: "/api/admin/retention/runs", as: admin })).json()
      .items;
    expect(items.map((r: { status: string }) => r.status)).toContain("interrupted");
  });

  it("is refused to roles other than coordinators and administrators", async () => {
    for (const url of ["/api/admin/retention/dry-run", "/api/admin/retention/runs"])
      expect((await t.request({ method: "GET", url, as: member })).statusCode).toBe(403);
    expect(
      (await t.request({ method: "POST", url: "/api/admin/retention/run", as: member })).statusCode,
    ).toBe(403);
    expect((await t.request({ method: "POST", url: "/api/admin/retention/run" })).statusCode).toBe(401);
  });

  it("runs daily on the durable scheduler, as the system", async () => {
    const scheduler = new Scheduler(db, { log: () => {} }).register(retentionTask(() => {}));
    // A new installation waits a day before its first run.
    expect(await scheduler.tick()).toEqual([]);
    await db.execute(
      sql`update scheduled_tasks set next_run_at = now() - interval '1 minute' where name = 'retention.daily'`,
    );
    expect(await scheduler.tick()).toEqual(["retention.daily"]);
    const [latest] = (await t.request({ method: "GET", url: "/api/admin/retention/runs", as: admin })).json()
      .items;
    expect(latest).toMatchObject({ trigger: "scheduled", status: "completed", startedBy: null });
    const [task] = await rows<{ last_status: string }>(
      sql`select last_status from scheduled_tasks where name = 'retention.daily'`,
    );
    expect(task.last_status).toBe("ok");
  });
});
