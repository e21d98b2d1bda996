import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadDemoData } from "../../../demo/index.ts";
import { createTestApp, demo } from "../test/harness.ts";

/**
 * Issue 11, finding 10, for every editable record type: GET sends an ETag; a PATCH with a stale If-Match
 * answers 412 in Swedish and changes nothing; with the current one 200 and a new ETag. Records come from
 * the demo data; `get` is left out where the record has no GET of its own (the PATCH answer carries the ETag).
 */
const t = await createTestApp({ seed: async ({ db }) => void (await loadDemoData(db)) });
const admin = await t.login(demo.admin);

interface Case {
  name: string;
  /** A row to edit: `select … as id[, … as parent]` */
  row: string;
  url: (r: Row) => string;
  get?: (r: Row) => string;
  patch: Record<string, unknown>;
  /** The field the PATCH changes, as the GET (or PATCH answer) shows it. */
  shows: (body: Record<string, unknown>) => unknown;
}
type Row = { id: string; parent?: string };

const cases: Case[] = [
  {
    name: "organisation",
    row: "select id from organisations",
    url: (r) => `/api/organisations/${r.id}`,
    patch: { description: "Ändrad" },
    shows: (b) => b.description,
  },
  {
    name: "person",
    row: "select id from people",
    url: (r) => `/api/people/${r.id}`,
    patch: { notes: "Ändrad" },
    shows: (b) => b.notes,
  },
  {
    name: "programme",
    row: "select id from programmes",
    url: (r) => `/api/programmes/${r.id}`,
    patch: { nameEn: "Changed" },
    shows: (b) => b.nameEn,
  },
  {
    name: "course",
    row: "select id from courses",
    url: (r) => `/api/courses/${r.id}`,
    patch: { nameEn: "Changed" },
    shows: (b) => b.nameEn,
  },
  {
    name: "activity",
    row: "select id from activities",
    url: (r) => `/api/activities/${r.id}`,
    patch: { description: "Ändrad" },
    shows: (b) => b.description,
  },
  {
    name: "compass offer",
    row: "select id from compass_offers",
    url: (r) => `/api/compass/offers/${r.id}`,
    patch: { description: "Ändrad" },
    shows: (b) => b.description,
  },
  {
    name: "event",
    row: "select activity_id as id from events",
    url: (r) => `/api/events/${r.id}`,
    patch: { description: "Ändrad" },
    shows: (b) => b.description,
  },
  {
    name: "event series",
    row: "select id from event_series",
    url: (r) => `/api/event-series/${r.id}`,
    patch: { description: "Ändrad" },
    shows: (b) => b.description,
  },
  {
    name: "network",
    row: "select id from event_networks",
    url: (r) => `/api/networks/${r.id}`,
    patch: { description: "Ändrad" },
    shows: (b) => b.description,
  },
  {
    name: "goal framework",
    row: "select id from goal_frameworks",
    url: (r) => `/api/frameworks/${r.id}`,
    patch: { description: "Ändrad" },
    shows: (b) => b.description,
  },
  {
    name: "plan",
    row: "select id from plans",
    url: (r) => `/api/plans/${r.id}`,
    patch: { subtitle: "Ändrad" },
    shows: (b) => b.subtitle,
  },
  {
    name: "plan item",
    row: "select id, plan_id as parent from plan_items",
    url: (r) => `/api/plans/${r.parent}/items/${r.id}`,
    patch: { description: "Ändrad" },
    shows: (b) => b.description,
  },
  {
    name: "project",
    row: "select id from projects",
    url: (r) => `/api/projects/${r.id}`,
    patch: { description: "Ändrad" },
    shows: (b) => b.description,
  },
  {
    name: "indicator",
    row: "select id from indicators",
    url: (r) => `/api/indicators/${r.id}`,
    patch: { description: "Ändrad" },
    shows: (b) => b.description,
  },
];
const patchOnly: Case[] = [
  {
    name: "spend",
    row: "select id from spend_entries",
    url: (r) => `/api/spend/${r.id}`,
    patch: { note: "Ändrad" },
    shows: (b) => b.note,
  },
  {
    name: "project report",
    row: "select id, project_id as parent from project_reports",
    url: (r) => `/api/projects/${r.parent}/reports/${r.id}`,
    patch: { deviations: "Ändrad" },
    shows: (b) => b.deviations,
  },
  {
    name: "news item",
    row: "select id from site_news",
    url: (r) => `/api/news/${r.id}`,
    patch: { text: "Ändrad" },
    shows: (b) => b.text,
  },
];

async function rowOf(query: string): Promise<Row> {
  // A project's report: written by its lead, then edited; the demo holds none.
  if (query.includes("project_reports") && !(await rows(query)).length) {
    const [project] = await rows("select id from projects");
    const res = await t.request({
      method: "POST",
      url: `/api/projects/${project.id}/reports`,
      as: admin,
      payload: { doneSinceLast: "Gjort" },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const found = await rows(query);
  expect(found.length).toBeGreaterThan(0);
  return found[0];
}

async function rows(query: string): Promise<Row[]> {
  const result = (await t.database.db.execute(sql.raw(`${query} order by 1 limit 1`))) as unknown as {
    rows: Row[];
  };
  return result.rows;
}

const request = (method: "GET" | "PATCH", url: string, payload?: object, ifMatch?: string) =>
  t.request({ method, url, as: admin, payload, headers: ifMatch ? { "if-match": ifMatch } : {} });

describe.each(cases)("ETag on one $name", (c) => {
  it("GET has an ETag; a stale If-Match → 412 in Swedish, unchanged; the current one → 200 and a new ETag", async () => {
    const r = await rowOf(c.row);
    const first = await request("GET", c.url(r));
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"\d+"$/);

    const ok = await request("PATCH", c.url(r), c.patch, etag);
    expect(ok.statusCode, ok.body).toBe(200);
    const next = ok.headers.etag as string;
    expect(next).toMatch(/^"\d+"$/);
    expect(next).not.toBe(etag);
    const after = await request("GET", c.url(r));
    expect(after.headers.etag).toBe(next);

    const stale = await request("PATCH", c.url(r), { ...c.patch, ...changed(c.patch) }, etag);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().detail).toMatch(
      /^Någon annan (ändrade|har ändrat) posten .*Ladda om för att se ändringarna\.$/,
    );
    const unchanged = await request("GET", c.url(r));
    expect(c.shows(unchanged.json())).toEqual(c.shows(after.json()));
    expect(unchanged.headers.etag).toBe(next);
  });
});

describe.each(patchOnly)("If-Match on one $name (edited from a list, no GET of its own)", (c) => {
  it("the PATCH answer carries the ETag; a stale one → 412 and nothing changes", async () => {
    const r = await rowOf(c.row);
    const ok = await request("PATCH", c.url(r), c.patch);
    expect(ok.statusCode, ok.body).toBe(200);
    const etag = ok.headers.etag as string;
    expect(etag).toMatch(/^"\d+"$/);
    const again = await request("PATCH", c.url(r), c.patch, etag);
    expect(again.statusCode).toBe(200);
    const stale = await request("PATCH", c.url(r), changed(c.patch), etag);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe("preconditionFailed");
    const current = await request("PATCH", c.url(r), c.patch, again.headers.etag as string);
    expect(current.statusCode).toBe(200);
    expect(c.shows(current.json())).toEqual(c.shows(ok.json()));
  });
});

const changed = (patch: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, `${v} igen`]));
