import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, setupJourney, visible } from "./support/index.ts";

const journey = setupJourney();

describe("administration: roles and access of existing users", () => {
  it("edits a user's roles in a dialog, picking the programme by its name", async () => {
    const page = await journey.signedInPage("admin@demo.samspel.se");
    await page.goto("/admin");
    await heading(page, "Administration");
    await page.getByRole("button", { name: "Redigera roller för Per Programansvarig" }).click();
    const dialog = await visible(
      page.getByRole("dialog", { name: "Redigera roller för Per Programansvarig" }),
    );
    // Add a role row at the end (the demo data may already give Per roles).
    await dialog.getByRole("button", { name: "Lägg till roll" }).click();
    const rows = dialog.getByRole("group");
    const n = await rows.count();
    const row = rows.nth(n - 1);
    await row.getByLabel("Roll", { exact: true }).selectOption({ label: "Programansvarig" });
    await row.getByLabel("Avgränsning", { exact: true }).selectOption({ label: "Program" });
    // The scope is found by its name (issue 15), never typed as an id.
    const picker = row.getByRole("combobox", { name: "Program" });
    await picker.fill("Socionom");
    const option = await visible(page.getByRole("option", { name: /Socionomprogrammet/ }).first());
    await expectNoAxeViolations(page);
    await option.click();
    await dialog.getByRole("button", { name: "Spara roller" }).click();
    await visible(page.getByRole("status").filter({ hasText: "Rollerna är sparade." }));
    expect(await page.getByRole("dialog").count()).toBe(0);
    const per = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Per Programansvarig" }) });
    await visible(
      per.getByRole("listitem").filter({ hasText: "Programansvarig (Program: Socionomprogrammet)" }).first(),
    );
  });

  it("deactivates a user after asking, and the user can no longer log in", async () => {
    const page = await journey.signedInPage("admin@demo.samspel.se");
    await page.goto("/admin");
    await heading(page, "Administration");
    await page.getByRole("button", { name: "Inaktivera Greta Styrelseledamot" }).click();
    const confirm = await visible(
      page.getByRole("alertdialog", { name: "Inaktivera Greta Styrelseledamot" }),
    );
    await expectNoAxeViolations(page);
    await confirm.getByRole("button", { name: "Bekräfta" }).click();
    await visible(page.getByRole("status").filter({ hasText: "Greta Styrelseledamot är inaktiverad." }));
    await visible(page.getByRole("button", { name: "Aktivera Greta Styrelseledamot" }));

    const greta = await journey.newPage();
    await greta.goto("/logga-in");
    await greta.getByLabel("E-postadress").fill("styrelse@demo.samspel.se");
    await greta.getByLabel("Lösenord", { exact: true }).fill("samspel-demo-2026");
    await greta.getByRole("button", { name: "Logga in", exact: true }).click();
    await visible(greta.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." }));
  });

  it("sorts the users table by a header button that reports its order", async () => {
    const page = await journey.signedInPage("admin@demo.samspel.se");
    await page.goto("/admin");
    const table = await visible(page.getByRole("table", { name: /Alla användare/ }));
    const emailHeader = table.getByRole("columnheader", { name: "E-post" });
    await emailHeader.getByRole("button").click();
    expect(await emailHeader.getAttribute("aria-sort")).toBe("ascending");
    await emailHeader.getByRole("button").click();
    expect(await emailHeader.getAttribute("aria-sort")).toBe("descending");
    const first = await table.getByRole("row").nth(1).getByRole("cell").first().textContent();
    expect(first).toBe("styrelse@demo.samspel.se");
  });
});
