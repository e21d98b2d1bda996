import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, setupJourney, signInThroughApi, visible } from "./support/index.ts";

const coordinator = "samordnare@demo.samspel.se";
const journey = setupJourney();
/** sv-SE amounts carry no-break spaces ("5 892 500 kr"); compare them as a person reads them. */
const nbsp = (s: string) => s.replaceAll("\u00a0", " ").replaceAll("\u202f", " ");

const moneyTable = (page: Page) =>
  page.getByRole("table", { name: "Förbrukade medel 2010 per enhet, Samhällskontraktet" });

/** Waits until the money table's total row shows this amount (it is fetched again after each change). */
async function expectTotal(page: Page, amount: string) {
  await visible(
    moneyTable(page).getByRole("row", { name: new RegExp(`^Totalt.*${amount.replaceAll(" ", "\\s")} kr`) }),
  );
  const row = moneyTable(page).getByRole("row", { name: /^Totalt/ });
  expect(nbsp(await row.innerText())).toContain(`${amount} kr`);
}

describe("money: budgets and spend entries are added, corrected and removed on the money page", () => {
  it("books spend on Samhällskontraktet 2010, sees the total move, corrects it, removes it and sees the total return", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, coordinator);
    await page.goto("/uppfoljning/ekonomi");
    await heading(page, "Ekonomi");
    await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Samhällskontraktet" });
    await page.getByLabel("År", { exact: true }).selectOption("2010");
    await visible(moneyTable(page));
    await expectTotal(page, "5 892 500");
    await visible(page.getByRole("table", { name: "Bokningar 2010, Samhällskontraktet" }));
    await expectNoAxeViolations(page);

    // Book 12 500 kr on Forskargruppen STAMP, typed the Swedish way with a space.
    const book = page.getByRole("region", { name: "Bokför förbrukade medel" });
    await book.getByLabel("Enhet", { exact: true }).selectOption({ label: "Forskargruppen STAMP" });
    await book.getByLabel("Datum", { exact: true }).fill("2010-06-15");
    await book.getByLabel("Belopp", { exact: true }).fill("12 500");
    await book.getByLabel("Kategori", { exact: true }).fill("Resor");
    await book.getByRole("button", { name: "Bokför förbrukade medel" }).click();
    await visible(book.getByRole("status").filter({ hasText: "Beloppet är bokfört." }));
    await expectTotal(page, "5 905 000");
    await visible(moneyTable(page).getByRole("row", { name: /^Forskargruppen STAMP.*1\s012\s500 kr/ }));

    // Correct it in the dialog: a part krona is refused next to the field, then 20 000 kr is saved.
    const entries = page.getByRole("table", { name: "Bokningar 2010, Samhällskontraktet" });
    const row = entries.getByRole("row", { name: /^2010-06-15\s+Forskargruppen STAMP/ });
    await row
      .getByRole("button", { name: /^Ändra bokningen Forskargruppen STAMP 2010-06-15, 12\s500 kr$/ })
      .click();
    const edit = await visible(page.getByRole("dialog", { name: /^Ändra bokningen Forskargruppen STAMP/ }));
    const amount = edit.getByLabel("Belopp", { exact: true });
    expect(await amount.inputValue()).toBe("12 500");
    await amount.fill("12,5");
    await edit.getByRole("button", { name: "Spara" }).click();
    await visible(edit.getByText("Ange ett belopp i hela kronor.").first());
    await expectNoAxeViolations(page);
    await amount.fill("20 000");
    await edit.getByRole("button", { name: "Spara" }).click();
    await visible(page.getByRole("status").filter({ hasText: "Bokningen är ändrad." }));
    await expectTotal(page, "5 912 500");
    await visible(row.getByRole("cell", { name: /^20\s000 kr$/ }));

    // Remove it with the keyboard; the question names the entry and its amount.
    await row
      .getByRole("button", { name: /^Ta bort bokningen Forskargruppen STAMP 2010-06-15, 20\s000 kr$/ })
      .focus();
    await page.keyboard.press("Enter");
    const confirm = await visible(page.getByRole("alertdialog", { name: "Ta bort bokningen?" }));
    expect(nbsp(await confirm.innerText())).toContain(
      "Bokningen på 20 000 kr för Forskargruppen STAMP den 2010-06-15 tas bort",
    );
    await expectNoAxeViolations(page);
    await confirm.getByRole("button", { name: "Ta bort" }).click();
    await visible(page.getByRole("status").filter({ hasText: "Bokningen är borttagen." }));
    // The pressed button left with its row: the focus waits on the message, not lost on the page.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Bokningen är borttagen.");
    await expectTotal(page, "5 892 500");
    expect(await entries.getByRole("row", { name: /^2010-06-15/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it("sets a budget for a unit and year, sees what remains, changes it and removes it", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, coordinator);
    await page.goto("/uppfoljning/ekonomi");
    await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Samhällskontraktet" });
    await page.getByLabel("År", { exact: true }).selectOption("2010");
    await visible(page.getByText("Inga budgetar för året."));

    const add = page.getByRole("region", { name: "Lägg in budget" });
    await add.getByLabel("Enhet", { exact: true }).selectOption({ label: "Sektor Utbildning" });
    await add.getByLabel("Budgetår", { exact: true }).selectOption("2010");
    await add.getByLabel("Belopp", { exact: true }).fill("1 300 000 kr");
    await add.getByRole("button", { name: "Lägg in budget" }).click();
    await visible(add.getByRole("status").filter({ hasText: "Budgeten är inlagd." }));
    const utbildning = moneyTable(page).getByRole("row", { name: /^Sektor Utbildning/ });
    await visible(utbildning.getByRole("cell", { name: /^74\s000 kr$/ }));
    await expectNoAxeViolations(page);

    const budgets = page.getByRole("table", { name: "Budgetar 2010, Samhällskontraktet" });
    await budgets.getByRole("button", { name: "Ändra budgeten för Sektor Utbildning 2010" }).click();
    const edit = await visible(
      page.getByRole("dialog", { name: "Ändra budgeten för Sektor Utbildning 2010" }),
    );
    await edit.getByLabel("Belopp", { exact: true }).fill("1 250 000");
    await edit.getByRole("button", { name: "Spara" }).click();
    await visible(page.getByRole("status").filter({ hasText: "Budgeten är ändrad." }));
    await visible(utbildning.getByRole("cell", { name: /^24\s000 kr$/ }));

    await budgets.getByRole("button", { name: "Ta bort budgeten för Sektor Utbildning 2010" }).click();
    const confirm = await visible(page.getByRole("alertdialog", { name: "Ta bort budgeten?" }));
    expect(nbsp(await confirm.innerText())).toContain("Budgeten på 1 250 000 kr för Sektor Utbildning 2010");
    await confirm.getByRole("button", { name: "Ta bort" }).click();
    await visible(page.getByText("Inga budgetar för året."));
    await expectNoAxeViolations(page);
  });
});
