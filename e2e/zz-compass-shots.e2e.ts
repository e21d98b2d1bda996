import { it } from "vitest";
import { heading, login, setupJourney, visible } from "./support/index.ts";
const journey = setupJourney();
it("shots", async () => {
  const page = await journey.newPage();
  await login(page, "programansvarig@demo.samspel.se");
  await page.goto("/kompassen");
  await heading(page, "ALA-kompassen");
  await page.screenshot({ path: "/tmp/compass-scratch/s-home.png", fullPage: true });
  await page.getByRole("link", { name: "Sjuksköterskeprogrammet" }).click();
  await heading(page, "ALA-kompassen – Sjuksköterskeprogrammet");
  await visible(page.getByRole("table", { name: /Arbetsplan/ }).or(page.getByText("Arbetsplanen är tom.")));
  await page.screenshot({ path: "/tmp/compass-scratch/s-prog.png" });
  await page.goto("/kompassen/enhet/" + (await page.evaluate(async () => (await (await fetch("/api/compass/units")).json()).items[0].id)));
  await heading(page, /Kompassen för/);
  await visible(page.getByRole("table", { name: "Medelnivå per dimension och år" }));
  await page.screenshot({ path: "/tmp/compass-scratch/s-unit.png", fullPage: true });
}, 120_000);
