import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../src/server/test/harness.ts";
import { loadEventsDemo } from "./events.ts";
import { loadOrganisationsDemo } from "./registers/organisations.ts";
import { loadPeopleDemo } from "./registers/people.ts";

const t = await createTestApp({
  seed: async ({ db }) => {
    await loadOrganisationsDemo(db);
    await loadPeopleDemo(db);
    // Twice: the step is idempotent.
    await loadEventsDemo(db);
    await loadEventsDemo(db);
  },
});
const coordinator = await t.login(demo.coordinator);

describe("demo data of the meeting places (seeds 003 and 004)", () => {
  it("has Samhällskontraktet's 2010 meeting places with dates, places, co-organisers and estimated counts", async () => {
    const res = await t.request({
      method: "GET",
      url: "/api/events?from=2010-01-01&to=2010-12-31&tag=Samh%C3%A4llskontraktet&limit=100",
      as: coordinator,
    });
    const items = res.json().items as {
      title: string;
      startDate: string;
      endDate: string;
      place: string;
      partners: { name: string }[];
      counts: { registered: number; attended: number; estimated: number };
    }[];
    expect(items).toHaveLength(15);
    const conference = items.find((e) => e.title.startsWith("Konferenser ”Bemötande"))!;
    expect(conference).toMatchObject({
      startDate: "2010-11-09",
      endDate: "2010-11-10",
      place: "Eskilstuna resp. Västerås",
      counts: { registered: 0, attended: 0, estimated: 400 },
    });
    const star = items.find((e) => e.title.includes("Stjärnbildning"))!;
    expect(star.partners.map((p) => p.name)).toEqual(["Mälardalsrådet"]);
    expect(star.counts.estimated).toBe(75);
    expect(
      items.filter((e) => e.title === "Nätverksträff för matematikutvecklare").map((e) => e.startDate),
    ).toEqual(["2010-03-25", "2010-05-06", "2010-09-02", "2010-11-11"]);
    expect(items.find((e) => e.startDate === "2010-02-19")?.counts.estimated).toBe(90);
  });

  it("reproduces LC-KOMP's 260 participants by role from attendance: 214 + 46", async () => {
    const res = await t.request({
      method: "GET",
      url: "/api/events/participants-by-role?projectTag=LC-KOMP",
      as: coordinator,
    });
    const table = res.json();
    expect(table.events).toBe(20 + 30 + 12);
    expect(table.participants).toBe(260);
    expect(table.registrations).toBeGreaterThan(table.participants);
    const counts = Object.fromEntries(
      table.groups.flatMap((g: { roles: { roleKey: string; count: number }[] }) =>
        g.roles.map((r) => [r.roleKey, r.count]),
      ),
    );
    expect(table.groups.map((g: { group: string; count: number }) => [g.group, g.count])).toEqual([
      ["larcentrum", 214],
      ["annan_verksamhet", 46],
    ]);
    expect(counts).toEqual({
      verksamhetsansvarig: 30,
      vagledare: 31,
      projektledare: 29,
      larare: 86,
      kompetensmaklare: 6,
      ovrig_personal: 32,
      naringslivsenhet: 13,
      arbetsformedlingen: 4,
      foretag: 29,
      annan: 0,
    });
    expect(table.organisations.length).toBeGreaterThanOrEqual(17);
    const series = (await t.request({ method: "GET", url: "/api/event-series", as: coordinator })).json()
      .items;
    expect(series.map((s: { name: string; events: number }) => [s.name, s.events])).toEqual([
      ["LC-KOMP:s seminarieserie", 20],
      ["LC-KOMP:s tematiska workshops", 30],
    ]);
    const networks = (await t.request({ method: "GET", url: "/api/networks", as: coordinator })).json().items;
    expect(networks.filter((n: { tags: string[] }) => n.tags.includes("LC-KOMP"))).toHaveLength(3);
  });

  it("has upcoming public events open for registration, whenever the demo is loaded", async () => {
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
    const res = await t.request({ method: "GET", url: "/api/public/events?limit=50" });
    const upcoming = res.json().items.filter((e: { startDate: string }) => e.startDate > today);
    expect(upcoming.length).toBeGreaterThanOrEqual(5);
    expect(upcoming.some((e: { registration: string }) => e.registration === "open")).toBe(true);
  });
});
