import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, setupJourney, signInThroughApi, visible } from "./support/index.ts";

const journey = setupJourney();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe("goals on two levels: LC-KOMP's organisations × goals", () => {
  it("shows all 17 organisations with each cell in words, on a phone, by keyboard", async () => {
    const page = await journey.newPage(phone);
    await signInThroughApi(page, "samordnare@demo.samspel.se");
    const projects = await page.request.get("/api/projects?q=LC-KOMP");
    const lcKomp = (await projects.json()).items.find((p: { name: string }) => p.name.startsWith("LC-KOMP"));
    await page.goto(`/uppfoljning/organisationer?projekt=${lcKomp.id}`);
    await heading(page, "Mål per organisation");
    const table = await visible(page.getByRole("table", { name: /organisationer × mål/ }));
    expect(await table.locator("tbody tr").count()).toBe(17);
    const cells = await table.locator("tbody td a").allInnerTexts();
    expect(cells.length).toBeGreaterThanOrEqual(17 * 7);
    for (const text of cells) expect(text).toMatch(/^(Uppnått|Ej uppnått|Ej mätt)/);
    expect(await table.locator("tfoot").innerText()).toContain("11 av 17 (mål 11)");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
    // By keyboard: a cell's link opens that organisation's indicator.
    const first = table.locator("tbody td a").first();
    await first.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/uppfoljning\/indikatorer\//);
  });
});
