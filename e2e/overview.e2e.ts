import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, setupJourney, signInThroughApi, visible } from "./support/index.ts";

const journey = setupJourney();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const START = "Välkommen till Samspel";
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Signs in and lands on the start page, which is the user's overview. */
async function signIn(page: Page, email: string) {
  await signInThroughApi(page, email);
  await page.goto("/");
  await heading(page, START);
}

const group = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** What a person reads: no record ids or codes on the page. */
async function expectNoIds(page: Page) {
  const text = await page.getByRole("main").innerText();
  expect(text).not.toMatch(uuid);
}

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

describe("overview: the start page tells each role what needs doing", () => {
  it("shows the coordinator the office's sections, each figure opening its records, on a computer and a phone", async () => {
    const page = await journey.newPage();
    await signIn(page, "samordnare@demo.samspel.se");
    await visible(group(page, "Samverkansavdelningen"));
    for (const name of [
      "Kommande evenemang",
      "Försenade lägesrapporter",
      "Indikatorer som inte når målet",
      "Avtalsdialoger att hålla",
      "Öppna utlysningar",
      "Senaste ändringarna",
    ])
      await visible(section(page, name));
    // Sections of other roles are not there.
    expect(await page.getByRole("heading", { name: "Din organisation", exact: true }).count()).toBe(0);
    // The demo's coming events with their bookings against the places.
    const events = section(page, "Kommande evenemang");
    await visible(events.getByRole("link", { name: /^\d+ kommande evenemang$/ }));
    await visible(events.getByText(/av \d+ platser bokade/).first());
    // Recent changes in words: who did what to which record.
    await visible(
      section(page, "Senaste ändringarna")
        .getByText(/^Samspel \(system\) (skapade|ändrade|tog bort) /)
        .first(),
    );
    await expectNoIds(page);
    await expectNoAxeViolations(page);

    // Keyboard: the figure is a link that Enter follows to the agreements.
    const dialogues = section(page, "Avtalsdialoger att hålla");
    const figure = dialogues.getByRole("link", { name: /avtal har en dialog att hålla/ });
    await figure.focus();
    await page.keyboard.press("Enter");
    await heading(page, "SKO-avtal");
    await page.goBack();
    await heading(page, START);

    // A line opens its record.
    const call = section(page, "Öppna utlysningar").getByRole("link", {
      name: "Idéer för samverkan inom vård, omsorg och socialt arbete",
    });
    await call.click();
    await heading(page, /Idéer för samverkan inom vård, omsorg och socialt arbete/);

    // On a phone the sections stack in one column and nothing scrolls sideways.
    const mobile = await journey.newPage(phone);
    await signIn(mobile, "samordnare@demo.samspel.se");
    await visible(section(mobile, "Kommande evenemang"));
    await expectNoSidewaysScroll(mobile);
    await expectNoAxeViolations(mobile);
  });

  it("shows a programme director their programme's compass gaps and work steps", async () => {
    const page = await journey.newPage();
    await signIn(page, "programansvarig@demo.samspel.se");
    await visible(group(page, "Dina program"));
    const gaps = section(page, "Luckor i kompassen i år");
    await visible(gaps.getByText(/Utan aktiviteter \d{4}: /));
    await visible(section(page, "Arbetssteg att göra i år"));
    expect(await page.getByRole("heading", { name: "Samverkansavdelningen", exact: true }).count()).toBe(0);
    await expectNoIds(page);
    await expectNoAxeViolations(page);
    await gaps.getByRole("link", { name: "Sjuksköterskeprogrammet" }).click();
    await heading(page, /Sjuksköterskeprogrammet/);
  });

  it("shows a board member the next meetings and the documents to read", async () => {
    const page = await journey.newPage();
    await signIn(page, "styrelse@demo.samspel.se");
    await visible(group(page, "Styrelse och grupper"));
    // No meeting is coming in the demo: the empty section says where to look.
    await visible(
      section(page, "Nästa möten").getByText(
        "Inga kommande möten i dina organ — se kalendern under Styrning.",
      ),
    );
    await visible(section(page, "Nästa möten").getByRole("link", { name: "Till kalendern" }));
    const documents = section(page, "Handlingar att läsa");
    await visible(documents.getByRole("link", { name: "Utkast verksamhetsplan 2011.docx" }));
    await expectNoIds(page);
    await expectNoAxeViolations(page);
    await documents.getByRole("link", { name: "Budgetunderlag 2011.xlsx" }).click();
    await heading(page, /Styrelsens planeringsdag/);
  });

  it("shows a partner their own organisation's agreements, events and indicators and nothing of the office's", async () => {
    const page = await journey.newPage();
    await signIn(page, "partner@demo.samspel.se");
    await visible(group(page, "Din organisation"));
    const agreements = section(page, "Din organisations avtal");
    await visible(agreements.getByRole("link", { name: "SKO-avtal Härnösands kommun – pilot 2026–2027" }));
    await visible(section(page, "Din organisations evenemang"));
    await visible(section(page, "Din organisations indikatorer"));
    for (const other of ["Samverkansavdelningen", "Kommande evenemang", "Senaste ändringarna"])
      expect(await page.getByRole("heading", { name: other, exact: true }).count()).toBe(0);
    await expectNoIds(page);
    await expectNoAxeViolations(page);
    await agreements.getByRole("link", { name: "SKO-avtal Härnösands kommun – pilot 2026–2027" }).click();
    await heading(page, "SKO-avtal Härnösands kommun – pilot 2026–2027");
  });
});
