import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, setupJourney, signInThroughApi, visible } from "./support/index.ts";

const journey = setupJourney();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe("goals A–F in use and a recurring plan item's occurrences", () => {
  it("shows what serves each goal in a year and marks an occurrence of a recurring item done, on a phone", async () => {
    const page = await journey.newPage(phone);
    await signInThroughApi(page, "samordnare@demo.samspel.se");
    await page.goto("/planer");
    await page.getByRole("link", { name: "Utbildningsstrategi 2011–2015 — arbetslivsanknytning" }).click();
    await page.getByRole("link", { name: "Vad tjänar målen i år?" }).click();
    await heading(page, /^Målen i bruk/);
    await page.goto(`${page.url().split("?")[0]}?ar=2014`);
    await visible(page.getByText(/av 6 mål har aktiviteter 2014\./));
    const goalA = await visible(page.getByRole("region", { name: /^A\. / }));
    await visible(goalA.getByRole("link", { name: "7. Internt nätverk för samverkansfrågor" }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);

    await goalA.getByRole("link", { name: "7. Internt nätverk för samverkansfrågor" }).click();
    const occurrences = await visible(page.getByRole("table", { name: /^Tillfällen/ }));
    await visible(page.getByText("0 av 4 tillfällen gjorda"));
    await page.getByRole("button", { name: "Markera tillfället 2014-01-15 som gjort" }).click();
    await visible(page.getByText("Tillfället 2014-01-15 är markerat som gjort."));
    await visible(page.getByText("1 av 4 tillfällen gjorda"));
    const first = occurrences.locator("tbody tr").first();
    expect(await first.innerText()).not.toContain("Inte gjort ännu");
    expect(await page.getByRole("button", { name: "Markera tillfället 2014-01-15 som gjort" }).count()).toBe(
      0,
    );
    // The item page fits the phone too (nothing scrolls sideways) and is axe clean.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
  });
});
