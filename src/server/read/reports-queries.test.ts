import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/client.ts";
import { openTestDatabase } from "../test/harness.ts";
import { organisationActivities } from "./reports-queries.ts";

/**
 * The annual report's activities of an organisation: those linked to it and the events of its projects,
 * where an event's project is its own, else its series', else its network's. Every combination of the
 * three links is built, owned by the organisation or by another, and the read must return exactly the
 * activities the rule names.
 */
const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.close());

const ORG = "00000000-0000-4000-8000-0000000e0001";
const OTHER = "00000000-0000-4000-8000-0000000e0002";
const uuid = (kind: string, n: number) => `00000000-0000-4000-8${kind}-${n.toString(16).padStart(12, "0")}`;

await db.execute(sql`insert into organisations (id, name, sort_key, type) values
  (${ORG}::uuid, 'Årsrapportorganisationen', 'arsrapportorganisationen', 'annan'),
  (${OTHER}::uuid, 'Annan organisation', 'annan organisation', 'annan')`);
const projects = { mine: uuid("101", 1), theirs: uuid("101", 2) };
await db.execute(sql`insert into projects (id, name, sort_key, owner_organisation_id) values
  (${projects.mine}::uuid, 'Eget projekt', 'eget projekt', ${ORG}::uuid),
  (${projects.theirs}::uuid, 'Annat projekt', 'annat projekt', ${OTHER}::uuid)`);
// A series and a network per owner (mine, theirs) and one of each without a project.
const series = { mine: uuid("102", 1), theirs: uuid("102", 2), none: uuid("102", 3) };
const networks = { mine: uuid("103", 1), theirs: uuid("103", 2), none: uuid("103", 3) };
await db.execute(sql`insert into event_series (id, name, sort_key, project_id) values
  (${series.mine}::uuid, 'S1', 's1', ${projects.mine}::uuid), (${series.theirs}::uuid, 'S2', 's2', ${projects.theirs}::uuid),
  (${series.none}::uuid, 'S3', 's3', null)`);
await db.execute(sql`insert into event_networks (id, name, sort_key, project_id) values
  (${networks.mine}::uuid, 'N1', 'n1', ${projects.mine}::uuid), (${networks.theirs}::uuid, 'N2', 'n2', ${projects.theirs}::uuid),
  (${networks.none}::uuid, 'N3', 'n3', null)`);

type Owner = "mine" | "theirs" | "none" | null;
const owners: Owner[] = [null, "mine", "theirs"];
const linkOwners: Owner[] = [null, "mine", "theirs", "none"];
const expected: string[] = [];
let n = 0;
for (const project of owners)
  for (const inSeries of linkOwners)
    for (const inNetwork of linkOwners)
      for (const linked of [false, true]) {
        n++;
        const id = uuid("104", n);
        await db.execute(sql`insert into activities (id, title, sort_key, type_key, start_date, status)
          values (${id}::uuid, ${`Möte ${n}`}, ${`mote ${String(n).padStart(3, "0")}`}, 'seminarium', date '2024-01-01' + ${n}::int, 'done')`);
        await db.execute(sql`insert into events (activity_id, questions, project_id, series_id, network_id)
          values (${id}::uuid, '{}'::jsonb,
                  ${project && project !== "none" ? projects[project] : null}::uuid,
                  ${inSeries ? series[inSeries] : null}::uuid, ${inNetwork ? networks[inNetwork] : null}::uuid)`);
        if (linked)
          await db.execute(
            sql`insert into activity_organisations (activity_id, organisation_id, role) values (${id}::uuid, ${ORG}::uuid, 'partner')`,
          );
        // The project that counts: the event's own, else its series', else its network's.
        const seriesProject = inSeries === "mine" || inSeries === "theirs" ? inSeries : null;
        const networkProject = inNetwork === "mine" || inNetwork === "theirs" ? inNetwork : null;
        if (linked || (project ?? seriesProject ?? networkProject) === "mine") expected.push(id);
      }
// One linked to the organisation but cancelled, and one outside the year: never listed.
await db.execute(sql`insert into activities (id, title, sort_key, type_key, start_date, status) values
  (${uuid("104", 900)}::uuid, 'Inställt', 'installt', 'workshop', '2024-03-01', 'cancelled'),
  (${uuid("104", 901)}::uuid, 'Förra året', 'forra aret', 'workshop', '2023-03-01', 'done')`);
await db.execute(sql`insert into activity_organisations (activity_id, organisation_id, role) values
  (${uuid("104", 900)}::uuid, ${ORG}::uuid, 'organiser'), (${uuid("104", 901)}::uuid, ${ORG}::uuid, 'organiser')`);

describe("organisationActivities (the annual report's activities)", () => {
  it("returns the linked activities and the events whose project that counts is the organisation's, in date order", async () => {
    const rows = await organisationActivities(db, ORG, "2024-01-01", "2024-12-31");
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(n);
  });

  it("agrees with the rule written as one condition over the joined project", async () => {
    const oracle = await queryRows<{ id: string }>(
      db,
      sql`select a.id::text as id from activities a
        left join events e on e.activity_id = a.id
        left join event_series es on es.id = e.series_id
        left join event_networks en on en.id = e.network_id
        left join projects ep on ep.id = coalesce(e.project_id, es.project_id, en.project_id)
        where a.status <> 'cancelled' and a.start_date between '2024-01-01' and '2024-12-31'
          and (exists (select 1 from activity_organisations ao where ao.activity_id = a.id and ao.organisation_id = ${ORG}::uuid)
               or ep.owner_organisation_id = ${ORG}::uuid)
        order by a.start_date, a.sort_key, a.id`,
    );
    const rows = await organisationActivities(db, ORG, "2024-01-01", "2024-12-31");
    expect(rows.map((r) => r.id)).toEqual(oracle.map((r) => r.id));
  });
});
