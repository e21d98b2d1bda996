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
  sessions: Record<Exclude<Role, "anonymous">, Session>;
  /** Fresh records for destructive routes, so that an allowed DELETE never removes the shared ones. */
  fresh: {
    organisation(scope: Scope): Promise<string>;
    person(scope: Scope): Promise<string>;
    programme(scope: Scope): Promise<string>;
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
  const organisation = async () =>
    created(t, admin, "/api/organisations", { name: `Matrisorganisation ${++serial}`, type: "kommun" });
  const org = { in: await organisation(), out: await organisation() };
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

  return {
    organisation: org,
    person: people,
    programme: programmes,
    project: projects,
    sessions: {
      admin,
      coordinator: await t.login(demo.coordinator),
      programmeDirector: await t.login(demo.programmeDirector),
      groupMember: await t.login(demo.groupMember),
      partner: await t.login(demo.partner),
    },
    fresh: { organisation: async () => organisation(), person, programme },
  };
}

/**
 * A cheap fingerprint of the whole database: every table's row count, and the latest `updated_at` of
 * tables that have one, in one query. Sessions (touched by every request) are left out.
 */
export async function databaseDigest(t: TestApp): Promise<string> {
  const db = t.database.db;
  const tables = await queryRows<{ table_name: string; has_updated: boolean }>(
    db,
    sql`select t.table_name,
          exists (select 1 from information_schema.columns c
                   where c.table_schema = t.table_schema and c.table_name = t.table_name
                     and c.column_name = 'updated_at') as has_updated
        from information_schema.tables t
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE' and t.table_name not like '%session%'
        order by t.table_name`,
  );
  const parts = tables.map(({ table_name: name, has_updated }) => {
    const id = sql.identifier(name);
    return has_updated
      ? sql`${name} || ':' || (select count(*) from ${id}) || ':' || coalesce((select max(updated_at)::text from ${id}), '')`
      : sql`${name} || ':' || (select count(*) from ${id})`;
  });
  const [row] = await queryRows<{ digest: string }>(
    db,
    sql`select concat_ws(' ', ${sql.join(parts, sql`, `)}) as digest`,
  );
  return row.digest;
}
