import type { Locator, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../demo/users.ts";
import { TestAuthenticator } from "../../src/server/test/totp-client.ts";

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
  const loggedIn = page.getByRole("button", { name: "Logga ut" });
  const secondStep = page.getByRole("heading", {
    level: 2,
    name: /^(Tvåstegsverifiering|Aktivera tvåstegsverifiering)$/,
  });
  await visible(loggedIn.or(secondStep));
  if (await secondStep.isVisible()) await giveSecondFactor(page, email);
  await visible(loggedIn);
}

/**
 * Signs in through the API, as the login form does, without the form: the browser context gets the session
 * cookie and the next page it opens is signed in. For journeys about something else than signing in, by
 * people without a second step (not administrators); `login` is the way a person does it.
 */
export async function signInThroughApi(page: Page, email: string, password = DEMO_PASSWORD) {
  const response = await page.request.post("/api/auth/login", { data: { email, password } });
  if (response.status() !== 200)
    throw new Error(`signing in ${email} through the API: ${response.status()} ${await response.text()}`);
}

// Administrators give a code from an authenticator app after the password; this is the journeys' app.
const authenticator = new TestAuthenticator();

/** The second step as an administrator does it: enrol from the shown key if asked, then type the code. */
export async function giveSecondFactor(page: Page, email: string) {
  const secret = page.locator("#totp-secret");
  const enrolling = await page
    .getByRole("heading", { level: 2, name: "Aktivera tvåstegsverifiering" })
    .isVisible();
  if (enrolling) await visible(secret);
  if (enrolling) authenticator.remember(email, ((await secret.textContent()) ?? "").trim());
  await page.getByLabel("Engångskod").fill(await authenticator.code(email));
  await page.getByRole("button", { name: enrolling ? "Aktivera och logga in" : "Verifiera" }).click();
}

/** Opens the follow-up page's goal dashboard for the first project whose name starts with `project`. */
export async function openProjectGoals(page: Page, project: string) {
  await page.goto("/uppfoljning");
  await heading(page, "Uppföljning");
  await page.getByLabel("Följ upp", { exact: true }).selectOption("project");
  const projectPicker = page.getByLabel("Projekt", { exact: true });
  const value = await projectPicker
    .locator("option", { hasText: new RegExp(`^${project}`) })
    .first()
    .getAttribute("value");
  await projectPicker.selectOption(value!);
  await page.getByRole("button", { name: "Visa" }).click();
  await visible(page.getByRole("heading", { level: 2, name: new RegExp(`^Mål för ${project}`) }));
}
