import { describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  heading,
  login,
  setupJourney,
  signInThroughApi,
  visible,
} from "./support/index.ts";

const journey = setupJourney();

// Issue 15: human words (no code or id on screen) and accessible menus (Escape, one aria-current).
describe("words and accessibility", () => {
  it("closes the phone menu with Escape and gives the focus back to its button", async () => {
    const page = await journey.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, "samordnare@demo.samspel.se");
    const toggle = page.getByRole("button", { name: "Meny" });
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await visible(nav.getByRole("link").first());
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await nav.getByRole("link").first().isVisible()).toBe(false);
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("marks one menu item and one tab as current under Hantera evenemang", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, "samordnare@demo.samspel.se");
    await page.goto("/evenemang/hantera");
    await heading(page, /Hantera evenemang/);
    const menu = page.getByRole("navigation", { name: "Huvudmeny" });
    const current = menu.locator('[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect((await current.textContent())?.trim()).toBe("Hantera evenemang");
    const views = page.getByRole("main").getByRole("navigation");
    expect(await views.locator('[aria-current="page"]').count()).toBe(1);
    expect(await page.locator('[aria-current="page"]').count()).toBe(2); // one per navigation
    await expectNoAxeViolations(page);
  });

  it("tells the audit log in Swedish sentences, with filters in words and no codes", async () => {
    const page = await journey.signedInPage("admin@demo.samspel.se");
    await page.goto("/admin/granskningslogg");
    await heading(page, "Granskningslogg");
    const table = await visible(page.getByRole("table", { name: /Händelser/ }));
    await page.getByLabel("Händelse", { exact: true }).selectOption({ label: "Inloggning" });
    await page.getByRole("button", { name: "Filtrera" }).click();
    await visible(
      table
        .getByRole("cell")
        .filter({ hasText: / loggade in/ })
        .first(),
    );
    const text = (await page.getByRole("main").textContent()) ?? "";
    expect(text).not.toMatch(/\b(auth|user|invitation)\.[a-z_]+/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectNoAxeViolations(page);
  });

  it("shows a role's scope by its name and picks a new one by typing its name", async () => {
    const page = await journey.signedInPage("admin@demo.samspel.se");
    await page.goto("/admin");
    await heading(page, "Administration");
    const per = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Per Programansvarig" }) });
    await visible(
      per.getByRole("listitem").filter({ hasText: "Programansvarig (Program: Sjuksköterskeprogrammet)" }),
    );
    expect(await page.getByRole("main").textContent()).not.toMatch(/[0-9a-f]{8}…/);
    await expectNoAxeViolations(page);

    // The invitation form: the scope is a search by name, not an id to type.
    const invite = page.getByRole("region", { name: "Bjud in användare" });
    await invite.getByLabel("Avgränsning", { exact: true }).selectOption({ label: "Organisation" });
    const picker = invite.getByRole("combobox", { name: "Organisation" });
    await picker.fill("Mittuniv");
    const option = await visible(page.getByRole("option", { name: /Mittuniversitetet/ }).first());
    await option.click();
    await expect.poll(() => picker.inputValue()).toMatch(/^Mittuniversitetet/);
    // Scanned once the list has closed: while open, React Aria hides the rest of the page on purpose.
    await expectNoAxeViolations(page);
    expect(await page.getByText("Avgränsningens id").count()).toBe(0);
  });

  it("states the known accessibility shortcomings with a date", async () => {
    const page = await journey.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto("/tillganglighet");
    await heading(page, "Tillgänglighetsredogörelse");
    const main = page.getByRole("main");
    await visible(main.getByText(/delvis förenlig med EN 301 549 och WCAG 2\.1 nivå AA/));
    expect(await main.getByRole("listitem").count()).toBeGreaterThanOrEqual(4);
    expect(await main.textContent()).not.toContain("Inga kända brister");
    await visible(main.getByText(/Redogörelsen uppdaterades \d{4}-\d{2}-\d{2}\./));
    await expectNoAxeViolations(page);
  });
});
