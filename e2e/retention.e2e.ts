import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, setupJourney, visible } from "./support/index.ts";

const journey = setupJourney();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe("gallring (issue 20, items 3 and 6)", () => {
  it("an administrator reads the dry run on a phone, runs retention by keyboard and reads the report", async () => {
    const page = await journey.signedInPage("admin@demo.samspel.se", phone);
    await page.goto("/admin/gallring");
    await heading(page, "Gallring");
    await visible(page.getByRole("group", { name: "Idégivare vars idé inte beviljats" }));
    await visible(page.getByRole("textbox", { name: "Månader för Anmälningar till publika evenemang" }));
    const dryRun = await visible(page.getByRole("table", { name: /Antal poster per kategori/ }));
    // Every category has its row, with the cut-off date the rule gives.
    for (const category of [
      "Specialkost vid evenemang",
      "Prenumeranter på nyhetsbrevet",
      "E-post som inte gick att skicka",
    ])
      await visible(dryRun.getByRole("rowheader", { name: category }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Kör gallring nu" }).focus();
    await page.keyboard.press("Enter");
    const confirm = await visible(page.getByRole("alertdialog", { name: "Kör gallring nu" }));
    await confirm.getByRole("button", { name: "Kör gallring nu" }).focus();
    await page.keyboard.press("Enter");
    await visible(page.getByRole("status").filter({ hasText: /Gallringen är klar: \d+ poster gallrades\./ }));
    const runs = await visible(page.getByRole("table", { name: /De senaste gallringskörningarna/ }));
    const latest = runs.getByRole("row").nth(1);
    await visible(latest.getByRole("cell", { name: "Klar" }));
    await visible(latest.getByRole("cell", { name: "Manuell · Anna Processledare" }));
    await expectNoAxeViolations(page);
  });

  it("an administrator changes a rule and meets a Swedish message for a too short period", async () => {
    const page = await journey.signedInPage("admin@demo.samspel.se");
    await page.goto("/admin/gallring");
    const months = page.getByRole("textbox", { name: "Månader för Anmälningar till publika evenemang" });
    await months.fill("0");
    await page.getByRole("button", { name: "Spara reglerna" }).click();
    await visible(page.getByText("Den här kategorin måste sparas minst 30 dagar innan den gallras."));
    await months.fill("36");
    await page.getByRole("button", { name: "Spara reglerna" }).click();
    await visible(page.getByRole("status").filter({ hasText: "Reglerna är sparade." }));
    const rule = page.getByRole("group", { name: "Anmälningar till publika evenemang" });
    await visible(rule.getByText(/Ändrad av Anna Processledare/));
    // Only the rule changed is stored; the others keep their default.
    await visible(page.getByRole("group", { name: "Prenumeranter på nyhetsbrevet" }).getByText("Standard"));
  });

  it("the public newsletter form says what is kept, why and for how long", async () => {
    const page = await journey.newPage(phone);
    await page.goto("/nyhetsbrev");
    const notice = await visible(page.getByRole("region", { name: "Så hanterar vi dina uppgifter" }));
    await visible(notice.getByText("Hur länge"));
    await visible(notice.getByText(/obekräftad|aldrig bekräftas/));
    await visible(page.getByRole("textbox", { name: "Namn (frivilligt)" }));
    await expectNoAxeViolations(page);
  });
});
