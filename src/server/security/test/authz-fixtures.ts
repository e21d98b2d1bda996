import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client.ts";
import { demo, type Session, type TestApp } from "../../test/harness.ts";

/**
 * The world the authorisation matrix runs in: the demo users given their scopes (a programme director
 * of programme IN, a partner of organisation IN), and for each scoped kind of record one object inside
 * and one outside those scopes, created through the API as an administrator would.
 */

export const roles = [
  "admin",
  "coordinator",
  "programmeDirector",
  "groupMember",
  "partner",
  "anonymous",
] as const;
export type Role = (typeof roles)[number];
export type Scope = "in" | "out";

/** An id nothing has: routes whose records the matrix does not create are asked about this one. */
export const NO_SUCH_ID = "00000000-0000-4000-8000-00000000abcd";
/** A token, key or code nothing has (long enough for every token schema). */
export const NO_SUCH_TOKEN = "matrix-no-such-token-0000000000";

export interface Fixtures {
  organisation: Record<Scope, string>;
  person: Record<Scope, string>;
  programme: Record<Scope, string>;
  project: Record<Scope, string>;
  /** An agreement whose party is organisation IN / OUT. */
  agreement: Record<Scope, string>;
  /**
   * Governance: the body IN has the group member and the partner as members (matched by e-mail), OUT has
   * none of the matrix's users; each has a non-public meeting with a non-public decision.
   */
  body: Record<Scope, string>;
  meeting: Record<Scope, string>;
  decision: Record<Scope, string>;
  /** Calls of organisation IN (public, open, the programme director on its panel) and OUT (not public). */
  call: Record<Scope, string>;
  /** An idea of organisation IN in call IN, and one of organisation OUT in call OUT. */
  idea: Record<Scope, string>;
  /** The user ids on call IN's panel (the programme director); call OUT has none. */
  panel: Record<Scope, string[]>;
  sessions: Record<Exclude<Role, "anonymous">, Session>;
  /** Fresh records for destructive routes, so that an allowed DELETE never removes the shared ones. */
  fresh: {
    organisation(scope: Scope): Promise<string>;
    person(scope: Scope): Promise<string>;
    programme(scope: Scope): Promise<string>;
    agreement(scope: Scope): Promise<string>;
  };
}

async function created(t: TestApp, as: Session, url: string, payload: Record<string, unknown>) {
  const res = await t.request({ method: "POST", url, as, payload });
  if (res.statusCode !== 201) throw new Error(`fixture ${url}: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

let serial = 0;

export async function createFixtures(t: TestApp): Promise<Fixtures> {
  const admin = await t.login(demo.admin);
  const organisationName: Partial<Record<Scope, string>> = {};
  const organisation = async (scope?: Scope) => {
    const name = `Matrisorganisation ${++serial}`;
    if (scope) organisationName[scope] = name;
    return created(t, admin, "/api/organisations", { name, type: "kommun" });
  };
  const org = { in: await organisation("in"), out: await organisation("out") };
  const person = async (scope: Scope) =>
    created(t, admin, "/api/people", {
      name: `Matrisperson ${++serial}`,
      email: `matris${serial}@example.se`,
      memberships: [{ organisationId: org[scope], role: "Handläggare" }],
    });
  const programme = async (scope: Scope) =>
    created(t, admin, "/api/programmes", {
      code: `MX${++serial}`,
      nameSv: `Matrisprogram ${serial}`,
      organisationId: org[scope],
    });
  const people = { in: await person("in"), out: await person("out") };
  const programmes = { in: await programme("in"), out: await programme("out") };
  const project = async (scope: Scope) =>
    created(t, admin, "/api/projects", {
      name: `Matrisprojekt ${scope}`,
      ownerOrganisationId: org[scope],
      leadPersonId: people[scope],
      funding: [{ kind: "own", amount: 250_000 }],
    });
  const projects = { in: await project("in"), out: await project("out") };

  const users = (await t.request({ method: "GET", url: "/api/admin/users?limit=100", as: admin })).json()
    .items;
  const userId = (email: string) => users.find((u: { email: string }) => u.email === email).id as string;

  const agreement = (scope: Scope) =>
    created(t, admin, "/api/agreements", {
      title: `Matrisavtal ${++serial}`,
      partyIds: [org[scope]],
      startDate: "2026-01-01",
      endDate: "2028-12-31",
      budget: 100_000,
    });
  const agreements = { in: await agreement("in"), out: await agreement("out") };

  const member = (email: string, organisationId?: string) =>
    created(t, admin, "/api/people", {
      name: `Matrisledamot ${++serial}`,
      email,
      memberships: organisationId ? [{ organisationId, role: "Ledamot" }] : [],
    });
  const seated = [await member(demo.groupMember), await member(demo.partner, org.in)];
  const body = async (scope: Scope) => {
    const id = await created(t, admin, "/api/bodies", {
      name: `Matrisorgan ${++serial}`,
      kind: "reference_group",
      organisationId: org[scope],
    });
    for (const personId of scope === "in" ? seated : [])
      await created(t, admin, `/api/bodies/${id}/members`, { personId });
    return id;
  };
  const bodies = { in: await body("in"), out: await body("out") };
  const meeting = (scope: Scope) =>
    created(t, admin, "/api/meetings", {
      bodyId: bodies[scope],
      title: `Matrismöte ${scope}`,
      startsAt: "2026-03-02T10:00:00+01:00",
      public: false,
    });
  const meetings = { in: await meeting("in"), out: await meeting("out") };
  const decision = (scope: Scope) =>
    created(t, admin, `/api/meetings/${meetings[scope]}/decisions`, {
      title: `Matrisbeslut ${scope}`,
      text: "Organet beslutar.",
      public: false,
    });
  const decisions = { in: await decision("in"), out: await decision("out") };

  const call = (scope: Scope) =>
    created(t, admin, "/api/calls", {
      title: `Matrisutlysning ${scope}`,
      organisationId: org[scope],
      opensAt: "2026-01-01T00:00:00+01:00",
      closesAt: "2099-12-31T00:00:00+01:00",
      public: scope === "in",
    });
  const calls = { in: await call("in"), out: await call("out") };
  const idea = (scope: Scope) =>
    created(t, admin, `/api/calls/${calls[scope]}/ideas`, {
      title: `Matrisidé ${scope}`,
      summary: "En idé.",
      organisation: organisationName[scope],
    });
  const ideas = { in: await idea("in"), out: await idea("out") };
  // No route links an idea to the register yet (the demo sets it when it loads): set as the demo does.
  for (const scope of ["in", "out"] as const)
    await t.database.db.execute(
      sql`update ideas set organisation_id = ${org[scope]}::uuid where id = ${ideas[scope]}::uuid`,
    );
  const setRoles = async (email: string, roles: unknown[]) => {
    const res = await t.request({
      method: "PUT",
      url: `/api/admin/users/${userId(email)}/roles`,
      as: admin,
      payload: { roles },
    });
    if (res.statusCode !== 200) throw new Error(`roles ${email}: ${res.statusCode} ${res.body}`);
  };
  await setRoles(demo.programmeDirector, [
    { role: "programme_director", scopeType: "programme", scopeId: programmes.in },
  ]);
  await setRoles(demo.partner, [{ role: "partner", scopeType: "organisation", scopeId: org.in }]);
  const panel = { in: [userId(demo.programmeDirector)], out: [] };
  const panelSet = await t.request({
    method: "PUT",
    url: `/api/calls/${calls.in}/reviewers`,
    as: admin,
    payload: { userIds: panel.in },
  });
  if (panelSet.statusCode !== 204) throw new Error(`panel: ${panelSet.statusCode} ${panelSet.body}`);

  return {
    organisation: org,
    person: people,
    programme: programmes,
    project: projects,
    agreement: agreements,
    body: bodies,
    meeting: meetings,
    decision: decisions,
    call: calls,
    idea: ideas,
    panel,
    sessions: {
      admin,
      coordinator: await t.login(demo.coordinator),
      programmeDirector: await t.login(demo.programmeDirector),
      groupMember: await t.login(demo.groupMember),
      partner: await t.login(demo.partner),
    },
    fresh: { organisation: async () => organisation(), person, programme, agreement },
  };
}

/**
 * Counts every row written to the database from now on, so that a refused write can be shown to have changed
 * nothing: a row-level trigger on every table adds one to a counter in the same transaction as the write (a
 * write that is rolled back takes its count with it). Sessions (touched by every request) are left out, and so
 * are the request counters (`rate_limits`), which count refused requests too. It sees more than row counts and
 * `updated_at` would (an update that leaves both alone), and reading it is a few rows instead of a scan of
 * every table before and after thousands of cells. `stop()` removes the triggers: the database goes back to the pool
 * for the next test file.
 */
export async function watchWrites(t: TestApp) {
  const db = t.database.db;
  // One statement (a prepared statement holds one command): DDL runs inside a DO block.
  await db.execute(
    sql.raw(`do $$
    declare t record;
    begin
      create schema ${WATCH};
      create table ${WATCH}.writes (table_name text primary key, n bigint not null);
      create function ${WATCH}.count_write() returns trigger language plpgsql as $f$
        begin
          insert into ${WATCH}.writes values (tg_table_name, 1)
            on conflict (table_name) do update set n = ${WATCH}.writes.n + 1;
          return null;
        end $f$;
      for t in select tablename from pg_tables
        where schemaname = 'public' and tablename not like '%session%' and tablename <> 'rate_limits' loop
        execute format('create trigger samspel_count_write after %s on public.%I
          for each row execute function ${WATCH}.count_write()',
          case when t.tablename in (${BACKGROUND.map((name) => `'${name}'`).join(", ")})
            then 'insert or delete' else 'insert or update or delete' end,
          t.tablename);
      end loop;
    end $$`),
  );
  return {
    /** Rows written since the watch began, by table: `"audit_log:3 organisations:2"`. */
    async written(): Promise<string> {
      const rows = await queryRows<{ table_name: string; n: string }>(
        db,
        sql.raw(`select table_name, n from ${WATCH}.writes order by table_name`),
      );
      return rows.map((row) => `${row.table_name}:${row.n}`).join(" ");
    },
    async stop() {
      // Dropping the function drops the triggers that call it.
      await db.execute(sql.raw(`drop schema ${WATCH} cascade`));
    },
  };
}
const WATCH = "samspel_test_watch";
/**
 * Tables that workers update in the background while the matrix runs (the mail outbox delivering what earlier
 * cells sent, the scheduler, the import runner): only a row added or removed there is the request's doing.
 */
const BACKGROUND = ["mail_outbox", "scheduled_tasks", "jobs"];
