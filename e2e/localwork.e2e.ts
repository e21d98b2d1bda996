import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, setupJourney, signInThroughApi, visible } from "./support/index.ts";

const journey = setupJourney();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe("local development work: a municipality's page lists its process support", () => {
  it("shows LC-KOMP's local plans and Sala's process support on a phone", async () => {
    const page = await journey.newPage(phone);
    await signInThroughApi(page, "samordnare@demo.samspel.se");
    await page.goto("/lokalt-utvecklingsarbete");
    await heading(page, "Lokalt utvecklingsarbete");
    const plans = await visible(page.getByRole("table", { name: /^Lokala utvecklingsplaner/ }));
    expect(await plans.locator("tbody tr").count()).toBe(17);
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Sala kommun" }).click();
    await heading(page, "Lokalt utvecklingsarbete: Sala kommun");
    const support = await visible(page.getByRole("table", { name: /^Processtöd till Sala kommun/ }));
    const kinds = await support.locator("tbody tr td:nth-of-type(2)").allInnerTexts();
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    for (const kind of kinds)
      expect(["Handledning", "Mentorskap", "Experter", "Studiebesök", "Auskultation"]).toContain(kind);
    // The page fits the phone: wide tables scroll inside their own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
  });
});
