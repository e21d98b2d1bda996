import { launchBrowser } from "./browser.ts";
import { startApp } from "./server.ts";

const app = await startApp();
const browser = await launchBrowser();
const ctx = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
const shot = async (name: string) => page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
await page.goto("/");
await page.getByRole("heading", { level: 1 }).waitFor();
await shot("start");
await page.goto("/logga-in");
await page.getByText("Demoinloggning").waitFor();
await shot("login");
await page.getByRole("button", { name: "Logga in", exact: true }).click();
await page.getByRole("alert").first().waitFor();
await shot("login-errors");
await page.getByLabel("E-postadress").fill("admin@demo.samspel.se");
await page.getByLabel("Lösenord", { exact: true }).fill("samspel-demo-2026");
await page.getByRole("button", { name: "Logga in", exact: true }).click();
await page.getByRole("button", { name: "Logga ut" }).waitFor();
await page.goto("/admin");
await page.getByRole("table").waitFor();
await shot("admin");
await page.getByRole("button", { name: "Redigera roller för Per Programansvarig" }).click();
await page.getByRole("dialog").waitFor();
await shot("dialog");
await page.keyboard.press("Escape");
await page.goto("/admin/granskningslogg");
await page.getByRole("table").waitFor();
await page.screenshot({ path: "/tmp/shots/audit.png" });
await page
  .getByRole("group")
  .first()
  .click()
  .catch(() => {});
await page.locator("details").first().click();
await page.screenshot({ path: "/tmp/shots/audit-open.png" });
await page.goto("/konto");
await page.getByRole("heading", { level: 1 }).waitFor();
await shot("account");
const phone = await browser.newContext({ baseURL: app.url, viewport: { width: 390, height: 844 } });
const p2 = await phone.newPage();
await p2.goto("/");
await p2.getByRole("heading", { level: 1 }).waitFor();
await p2.screenshot({ path: "/tmp/shots/phone.png", fullPage: true });
await p2.getByRole("button", { name: "Meny" }).click();
await p2.screenshot({ path: "/tmp/shots/phone-menu.png" });
await p2.keyboard.press("Tab");
await p2.screenshot({ path: "/tmp/shots/phone-focus.png" });
await browser.close();
await app.close();
