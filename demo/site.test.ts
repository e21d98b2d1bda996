import { describe, expect, it } from "vitest";
import { createTestApp } from "../src/server/test/harness.ts";
import { loadGovernanceDemo } from "./governance.ts";
import { loadOrganisationsDemo } from "./registers/organisations.ts";
import { loadPeopleDemo } from "./registers/people.ts";
import { loadSiteDemo, NEWS_2010 } from "./site.ts";

const t = await createTestApp({
  seed: async ({ db }) => {
    await loadOrganisationsDemo(db);
    await loadPeopleDemo(db);
    await loadGovernanceDemo(db);
    // Twice: the step is idempotent.
    await loadSiteDemo(db);
    await loadSiteDemo(db);
  },
});

describe("demo data of the public face (seed 003)", () => {
  it("the public start page shows a call open today and the latest news of 2010", async () => {
    const start = (await t.request({ method: "GET", url: "/api/public/start" })).json();
    expect(start.calls.filter((c: { open: boolean }) => c.open)).toHaveLength(1);
    expect(start.news.map((n: { title: string }) => n.title)).toEqual([
      "Branschmingel för studenter i informationsdesign",
      "400 deltagare på konferenserna Bemötande av varandra och andra",
      "Etienne Wenger: Communities of practice – är det modellen?",
    ]);
    const all = (await t.request({ method: "GET", url: "/api/public/news?limit=100" })).json().items;
    expect(all).toHaveLength(NEWS_2010.length);
    expect(all.every((n: { publishedAt: string }) => n.publishedAt.startsWith("2010-"))).toBe(true);
    expect(all[0].authorName).toBe("Informatören, Samhällskontraktet");
  });

  it("has the about and parties texts, and the sector groups with their contacts", async () => {
    const about = (await t.request({ method: "GET", url: "/api/public/pages/about" })).json();
    expect(about.body).toContain("Mötesplats");
    const parties = (await t.request({ method: "GET", url: "/api/public/pages/parties" })).json();
    expect(parties.body).toContain("Västerås stad");
    const groups = (await t.request({ method: "GET", url: "/api/public/sector-groups" })).json().items;
    expect(groups.map((g: { name: string }) => g.name)).toContain(
      "Sektorsgrupp Äldreomsorg och socialt arbete",
    );
  });
});
