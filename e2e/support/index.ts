import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { login } from "./actions.ts";
import { sharedBrowser } from "./browser.ts";
import { type RunningApp, startApp } from "./server.ts";

export { heading, login, openProjectGoals, signInThroughApi, visible } from "./actions.ts";
export { expectNoAxeViolations } from "./axe.ts";
export { mailsTo } from "./mail.ts";

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../screenshots");

export interface Journey {
  /** Base address of the running app. */
  readonly url: string;
  /** A page in a fresh browser context (its own cookies and storage: a different person). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /**
   * A page in a fresh context, signed in as `email`: through the login form (`login`, with the second step
   * for an administrator) the first time in this file, then with the session that sign-in opened. An
   * administrator's third sign-in within a 30 s step waits for a new one-time code (the replay guard), so
   * journeys about something else than signing in sign in once per file.
   */
  signedInPage(email: string, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * A journey file (`e2e/<journey>.e2e.ts`) looks like this:
 *
 *   const journey = setupJourney();
 *   it("lets a coordinator record an activity", async () => {
 *     const page = await journey.newPage();
 *     await login(page, "samordnare@demo.samspel.se");
 *     await page.getByRole("link", { name: "Aktiviteter" }).click();
 *     await heading(page, "Aktiviteter");
 *     await expectNoAxeViolations(page); // on every page the journey visits
 *   });
 *
 * Use role-based locators, wait with `visible`/`heading` (never fixed sleeps), no retries.
 *
 * Starts the app once for the file and shares the worker's Chromium; each test gets fresh contexts from `newPage`,
 * closed after the test, with a full-page screenshot of every open page when the test failed.
 */
export function setupJourney(): Journey {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  const sessions = new Map<string, Awaited<ReturnType<BrowserContext["storageState"]>>>();

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(inject("e2eSnapshot")), sharedBrowser()]);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") await screenshotAll(contexts, task.name);
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  afterAll(async () => {
    // The browser stays for the worker's next file (browser.ts sharedBrowser).
    await Promise.all(contexts.map((c) => c.close()));
    await app?.close();
  });

  const journey: Journey = {
    get url() {
      if (!app) throw new Error("the app is not started yet (use the journey inside tests)");
      return app.url;
    },
    async newPage(options = {}) {
      if (!browser || !app) throw new Error("the browser is not started yet (use newPage inside tests)");
      const context = await browser.newContext({
        baseURL: app.url,
        locale: "sv-SE",
        timezoneId: "Europe/Stockholm",
        viewport: { width: 1280, height: 900 },
        ...options,
      });
      // A ceiling for each wait, not a pause: generous because CI machines can be slow and busy.
      context.setDefaultTimeout(30_000);
      contexts.push(context);
      return context.newPage();
    },
    async signedInPage(email, options = {}) {
      const session = sessions.get(email);
      const page = await journey.newPage(session ? { ...options, storageState: session } : options);
      if (!session) {
        await login(page, email);
        sessions.set(email, await page.context().storageState());
      }
      return page;
    },
  };
  return journey;
}

async function screenshotAll(contexts: BrowserContext[], testName: string) {
  mkdirSync(screenshots, { recursive: true });
  const slug = testName.replace(/[^a-zA-Z0-9åäöÅÄÖ]+/g, "-").slice(0, 80);
  const pages = contexts.flatMap((c) => c.pages());
  await Promise.all(
    pages.map(
      (page, i) =>
        page
          .screenshot({ path: path.join(screenshots, `${slug}-${i + 1}.png`), fullPage: true })
          .catch(() => {}), // a crashed page cannot be photographed; the test error says enough
    ),
  );
  if (pages.length) console.error(`Screenshots of the failed test: ${screenshots}/${slug}-*.png`);
}
