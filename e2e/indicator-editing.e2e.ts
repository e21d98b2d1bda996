import { describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  heading,
  openProjectGoals,
  setupJourney,
  signInThroughApi,
  visible,
} from "./support/index.ts";

const coordinator = "samordnare@demo.samspel.se";
const journey = setupJourney();
const name = "Seminarier i LC-KOMP";

describe("follow-up: defining, changing and removing an indicator", () => {
  it("creates a computed indicator from LC-KOMP's goals, sees its value, raises the target and deletes it", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, coordinator);
    await openProjectGoals(page, "LC-KOMP");

    // "Ny indikator": count LC-KOMP's seminars; the form says in the server's words what that means.
    await page.getByRole("button", { name: "Ny indikator" }).click();
    const form = await visible(page.getByRole("form", { name: /^Ny indikator för LC-KOMP/ }));
    await form.getByLabel("Namn", { exact: true }).fill(name);
    await form.getByLabel("Enhet", { exact: true }).fill("seminarier");
    await form.getByLabel("Målvärde", { exact: true }).fill("");
    await form.getByRole("button", { name: "Skapa indikatorn" }).click();
    // Nothing is lost on a mistake: the missing target is named beside the field, the rest stays.
    await visible(form.getByRole("alert").getByRole("link", { name: /^Målvärde:/ }));
    await expect.poll(() => form.getByLabel("Namn", { exact: true }).inputValue()).toBe(name);

    await form.getByLabel("Målvärde", { exact: true }).fill("10");
    await expect.poll(() => form.getByLabel("Vad ska räknas?").inputValue()).toBe("count_activities");
    await expect
      .poll(() => form.getByRole("checkbox", { name: "Bara det som hör till projektet LC-KOMP" }).isChecked())
      .toBe(true);
    await form.getByRole("searchbox", { name: /^Sök: aktivitetstyper/ }).fill("Seminarium");
    await form.getByRole("checkbox", { name: "Seminarium", exact: true }).check();
    const preview = await visible(
      form.getByText(/^Värdet räknas som: aktiviteter av typen seminarium i LC-KOMP\. Det ger i dag \d+\./),
    );
    const counted = Number((await preview.innerText()).match(/Det ger i dag (\d+)/)![1]);
    expect(counted).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await form.getByRole("button", { name: "Skapa indikatorn" }).click();

    // The indicator's page: the same value, the definition in the same words.
    await heading(page, name);
    await visible(page.getByText("aktiviteter av typen seminarium i LC-KOMP", { exact: true }));
    const facts = page.locator("dl.facts");
    await expect.poll(() => facts.locator(".actual-value").innerText()).toBe(String(counted));
    await visible(facts.getByText("minst 10 seminarier", { exact: true }));
    await expectNoAxeViolations(page);

    // "Redigera": raise the target; the page shows the new one.
    await page.getByRole("button", { name: "Redigera" }).click();
    const edit = await visible(page.getByRole("form", { name: "Redigera indikatorn" }));
    await expect.poll(() => edit.getByLabel("Namn", { exact: true }).inputValue()).toBe(name);
    await edit.getByLabel("Målvärde", { exact: true }).fill("25");
    await expectNoAxeViolations(page);
    await edit.getByRole("button", { name: "Spara ändringarna" }).click();
    await visible(page.getByText("Ändringarna är sparade."));
    await visible(facts.getByText("minst 25 seminarier", { exact: true }));

    // "Ta bort": the dialog says what goes (only the indicator; the seminars stay), then it is gone.
    await page.getByRole("button", { name: "Ta bort indikatorn" }).click();
    const dialog = await visible(page.getByRole("alertdialog", { name: `Ta bort indikatorn ${name}?` }));
    await visible(dialog.getByText(/^Bara indikatorn tas bort\. Det den räknar/));
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Ta bort", exact: true }).click();
    await visible(page.getByRole("heading", { level: 2, name: /^Mål för LC-KOMP/ }));
    await visible(page.getByRole("row", { name: /Personer i kompetensutvecklingsinsatser/ }));
    expect(await page.getByRole("link", { name }).count()).toBe(0);
  });
});
