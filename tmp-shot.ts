import { chromium } from "playwright-core";
const [url, file, width, height, login] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: Number(width ?? 1280), height: Number(height ?? 900) }, locale: "sv-SE" });
if (login) {
  await page.goto("http://127.0.0.1:4173/logga-in");
  await page.getByLabel("E-postadress").fill(login);
  await page.getByLabel("Lösenord", { exact: true }).fill("samspel-demo-2026");
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.getByRole("button", { name: "Logga ut" }).waitFor();
}
await page.goto(url);
await page.waitForTimeout(1500);
await page.screenshot({ path: file, fullPage: true });
await browser.close();
