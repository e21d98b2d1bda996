import type { Locator, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../demo/users.ts";

/** Waits until the element is visible (Playwright's own polling; no fixed sleeps). */
export async function visible(locator: Locator) {
  await locator.waitFor({ state: "visible" });
  return locator;
}

/** The page's <h1> with this name, once it is there. */
export function heading(page: Page, name: string | RegExp) {
  return visible(page.getByRole("heading", { level: 1, name }));
}

/** Logs in through the login form, as a person would, and waits for the logged-in header. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/logga-in");
  await heading(page, "Logga in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await visible(page.getByRole("button", { name: "Logga ut" }));
}
