import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, setupJourney, visible } from "./support/index.ts";

const journey = setupJourney();

/** The names of the script files the page fetched, e.g. "calendar-page" for assets/calendar-page-AbC1.js. */
function scriptsFetched(page: Page): string[] {
  const names: string[] = [];
  page.on("response", (response) => {
    const file = /\/assets\/(.+)-[\w-]{8}\.js$/.exec(new URL(response.url()).pathname);
    if (file) names.push(file[1]!);
  });
  return names;
}

describe("pages load in their own chunks", () => {
  it("gives a visitor to the calendar its page, not every module's pages", async () => {
    const page = await journey.newPage();
    const scripts = scriptsFetched(page);
    await page.goto("/evenemang");
    await heading(page, "Evenemang");
    expect(scripts).toContain("calendar-page");
    for (const other of ["login-page", "users-page", "manage-page", "money-page", "import-page"]) {
      expect(scripts).not.toContain(other);
    }

    // Following a link loads that page's chunk, and focus moves to the new page's heading.
    await page.getByRole("banner").getByRole("link", { name: "Logga in" }).click();
    await heading(page, "Logga in");
    expect(scripts).toContain("login-page");
    await page.waitForFunction(() => document.activeElement?.textContent === "Logga in");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  });

  it("shows an anonymous visitor the login page and the calendar without a 401 or an error in the console", async () => {
    const page = await journey.newPage({ viewport: { width: 412, height: 823 } });
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });

    await page.goto("/logga-in");
    await heading(page, "Logga in");
    await visible(page.getByLabel("E-postadress"));
    await page.goto("/evenemang");
    await heading(page, "Evenemang");
    await visible(page.getByRole("main").getByRole("listitem").first());
    // The calendar's own links work as a visitor's first page too: on to the login page in the app.
    await page.getByRole("banner").getByRole("link", { name: "Logga in" }).click();
    await heading(page, "Logga in");
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
  });

  it("shows the login page before its scripts have arrived, and keeps what was typed, in place, once they have", async () => {
    const page = await journey.newPage({ viewport: { width: 390, height: 844 } });
    // Hold the login page's chunk: until it arrives, the page on screen is the one the server sent drawn.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/login-page-[\w-]{8}\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/logga-in", { waitUntil: "commit" });
    await heading(page, "Logga in");
    const email = page.getByLabel("E-postadress");
    await email.fill("partner@example.org");
    // Enter sends nothing yet (the browser would send the form as a GET, the fields in the address).
    await email.press("Enter");
    expect(page.url()).not.toContain("partner");
    const where = await email.boundingBox();

    release();
    // React's page is there once its submit button can be pressed (the drawn one cannot).
    await visible(page.getByRole("button", { name: "Logga in", exact: true }).and(page.locator(":enabled")));
    expect(await email.inputValue()).toBe("partner@example.org");
    expect(await email.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await email.boundingBox()).toEqual(where);
    // What was carried over is the form's own value: an empty password is the error, not the address.
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await visible(page.getByRole("alert").first());
    expect(await page.getByRole("alert").first().textContent()).not.toContain("E-postadress");
  });

  it("shows that a slow page is loading, then the page", async () => {
    const page = await journey.newPage();
    await page.goto("/");
    await heading(page, "Välkommen till Samspel");
    // Hold the calendar's chunk until the loading message is on screen.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/calendar-page-[\w-]{8}\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Evenemang" })
      .click();
    await visible(page.getByRole("main").getByRole("status").filter({ hasText: "Laddar…" }));
    await expectNoAxeViolations(page);
    release();
    await heading(page, "Evenemang");
  });

  it("says in Swedish when a page could not be loaded, and offers a reload that works", async () => {
    const page = await journey.newPage();
    await page.goto("/");
    await heading(page, "Välkommen till Samspel");
    // As after a redeploy: the old chunk's address no longer answers.
    const gone = /\/assets\/login-page-[\w-]{8}\.js$/;
    await page.route(gone, (route) => route.fulfill({ status: 404, body: "" }));
    await page.getByRole("banner").getByRole("link", { name: "Logga in" }).click();
    // The router reloads once by itself; when that fails too, the message stays inside the layout.
    await heading(page, "Sidan kunde inte laddas");
    await visible(page.getByRole("alert").filter({ hasText: "Ladda om sidan för att fortsätta." }));
    await visible(page.getByRole("navigation", { name: "Huvudmeny" }));
    await expectNoAxeViolations(page);

    await page.unroute(gone);
    await page.getByRole("button", { name: "Ladda om sidan" }).click();
    await heading(page, "Logga in");
  });
});
