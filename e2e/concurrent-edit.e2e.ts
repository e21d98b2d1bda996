import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, login, setupJourney, visible } from "./support/index.ts";

const journey = setupJourney();

/** Issue 11, finding 10: two people edit the same organisation; the second save is told, and keeps its text. */
describe("two people edit the same organisation", () => {
  it("the second save shows who changed what, keeps what was typed, and saves after fetching the latest version", async () => {
    const anna = await journey.newPage();
    const sara = await journey.newPage();
    await login(anna, "admin@demo.samspel.se");
    await login(sara, "samordnare@demo.samspel.se");
    const id = await anna.evaluate(async () => {
      const res = await fetch("/api/organisations?type=kommun&limit=1");
      return ((await res.json()) as { items: { id: string }[] }).items[0].id;
    });

    for (const page of [anna, sara]) {
      await page.goto(`/register/organisationer/${id}/redigera`);
      await heading(page, "Redigera organisation");
    }
    await anna.getByLabel("Taggar").fill("SKO-avtal, Annas tagg");
    await anna.getByRole("button", { name: "Spara", exact: true }).click();
    await anna.waitForURL(`**/register/organisationer/${id}`);

    const saraText = "Saras beskrivning som inte får försvinna";
    await sara.getByLabel("Beskrivning").fill(saraText);
    await sara.getByRole("button", { name: "Spara", exact: true }).click();
    const alert = await visible(sara.getByRole("alert").filter({ hasText: "Någon annan ändrade posten kl" }));
    expect(await alert.textContent()).toMatch(
      /\(Anna Processledare\): taggar\. Ladda om för att se ändringarna\./,
    );
    expect(await sara.getByLabel("Beskrivning").inputValue()).toBe(saraText);
    await expectNoAxeViolations(sara);

    await sara.getByRole("button", { name: "Hämta den senaste versionen" }).click();
    await visible(sara.getByRole("status").filter({ hasText: "Den senaste versionen är hämtad." }));
    expect(await sara.getByLabel("Beskrivning").inputValue()).toBe(saraText);
    await sara.getByRole("button", { name: "Spara", exact: true }).click();
    await sara.waitForURL(`**/register/organisationer/${id}`);
    await visible(sara.getByText(saraText));
  });
});
