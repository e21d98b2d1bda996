import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { luhnValid } from "../src/common/organisations.ts";
import { expectNoAxeViolations, heading, setupJourney, signInThroughApi, visible } from "./support/index.ts";

const coordinator = "samordnare@demo.samspel.se";
const journey = setupJourney();

/** The n-th made-up but valid organisation number (digits 3–4 = 60, Luhn check digit). */
function orgNumber(n: number) {
  const body = `5570${String(n).padStart(5, "0")}`;
  const check = [...Array(10).keys()].find((d) => luhnValid(`${body}${d}`))!;
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

/** A thousand organisations as Swedish Excel saves CSV; `bad` replaces rows (Excel numbering: heading = 1). */
function organisationsCsv(bad: Record<number, string> = {}) {
  const lines = ["Namn;Typ;Organisationsnummer;Län"];
  for (let i = 1; i <= 1000; i++)
    lines.push(bad[i + 1] ?? `E2E-bolaget ${i} AB;Företag;${orgNumber(i)};Västernorrlands län`);
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

/** How many organisations the register lists, paging through the API as the logged-in user. */
async function countOrganisations(page: Page) {
  let count = 0;
  let cursor: string | null = null;
  do {
    const url: string = `/api/organisations?limit=500${cursor ? `&cursor=${cursor}` : ""}`;
    const body = (await (await page.request.get(url)).json()) as {
      items: unknown[];
      nextCursor: string | null;
    };
    count += body.items.length;
    cursor = body.nextCursor;
  } while (cursor);
  return count;
}

async function upload(page: Page, name: string, content: Buffer) {
  await page.getByLabel("Fil att importera").setInputFiles({ name, mimeType: "text/csv", buffer: content });
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  await visible(page.getByRole("table", { name: "Kolumner i filen och fälten de importeras till" }));
}

describe("registers: search, import and export as a coordinator", () => {
  it("finds Härnösand, imports a thousand organisations (first with three errors), and exports them", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, coordinator);

    // Search: the results page groups hits by register; a typo-free Swedish name finds the municipality.
    await page.goto("/sok");
    await heading(page, "Sök");
    const box = page.getByRole("main").getByRole("searchbox", { name: "Sök i registren" });
    await box.fill("Härnösand");
    await page.getByRole("main").getByRole("button", { name: "Sök", exact: true }).click();
    await heading(page, "Träffar för ”Härnösand”");
    const organisations = await visible(page.getByRole("region", { name: /^Organisationer/ }));
    await expectNoAxeViolations(page);
    await organisations.getByRole("link", { name: "Härnösands kommun", exact: true }).click();
    await heading(page, "Härnösands kommun");
    // Its people and the eight contract courses made for it (seed 001's SKO agreement, 27 hp).
    const people = page.getByRole("region", { name: /^Personer/ });
    await visible(people.getByRole("link", { name: "Hanna Personaldirektör" }));
    const contractCourses = page.getByRole("region", { name: /^Uppdragsutbildningar för organisationen/ });
    await visible(contractCourses.getByRole("link", { name: "Samtalsmetodik" }));
    expect(await contractCourses.getByRole("listitem").count()).toBe(8);
    await expectNoAxeViolations(page);

    // Import with three bad rows: three clear Swedish errors, and nothing written.
    const before = await countOrganisations(page);
    await page.goto("/register/import?register=organisations");
    await heading(page, "Importera och exportera");
    await visible(page.getByRole("link", { name: "mall som Excel (XLSX)" }));
    await expectNoAxeViolations(page);
    await upload(
      page,
      "organisationer.csv",
      organisationsCsv({
        11: "Felnumret AB;Företag;557000-0011;Västernorrlands län",
        501: `;Företag;${orgNumber(500)};Västernorrlands län`,
        1001: `Typfelet AB;Kommunn;${orgNumber(1000)};Västernorrlands län`,
      }),
    );
    await visible(page.getByText("organisationer.csv har 1 000 rader."));
    expect(await page.getByLabel("Importera kolumnen Organisationsnummer som").inputValue()).toBe(
      "orgNumber",
    );
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Importera 1 000 rader" }).click();
    const errors = await visible(page.getByRole("table", { name: "Fel i filen" }));
    await visible(page.getByRole("alert").filter({ hasText: "Filen innehåller 3 fel." }));
    expect(await errors.getByRole("row").count()).toBe(4);
    await visible(errors.getByRole("row", { name: /^11 Organisationsnummer Kontrollsiffran stämmer inte/ }));
    await visible(errors.getByRole("row", { name: "501 Namn Fältet måste fyllas i." }));
    await visible(errors.getByRole("row", { name: /^1001 Typ ”Kommunn” är inget giltigt värde för Typ\./ }));
    await expectNoAxeViolations(page);
    expect(await countOrganisations(page)).toBe(before);

    // Fixed: the same columns again, a progress bar while it runs, then all thousand are in. The import
    // writes a thousand rows in one batch (issue 14), often before the page first asks how far it has come:
    // the bar, when it shows, counts to a thousand.
    await page.getByRole("button", { name: "Importera en ny fil" }).click();
    await upload(page, "organisationer.csv", organisationsCsv());
    await page.getByRole("button", { name: "Importera 1 000 rader" }).click();
    const bar = page.getByRole("progressbar", { name: "Importens förlopp" });
    const done = page.getByRole("status").filter({ hasText: "1 000 rader importerade." });
    await done.or(bar).first().waitFor({ state: "visible", timeout: 240_000 });
    const max = await bar.getAttribute("aria-valuemax", { timeout: 100 }).catch(() => null);
    if (max !== null) expect(Number(max)).toBe(1000);
    await done.waitFor({ state: "visible", timeout: 240_000 });
    await expectNoAxeViolations(page);
    expect(await countOrganisations(page)).toBe(before + 1000);

    // Export the register as XLSX and open it: the new rows are there, with the right cells.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Excel (XLSX)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^organisationer-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe("Namn");
    expect(sheet.actualRowCount).toBe(before + 1000 + 1);
    const names = new Set(sheet.getColumn(1).values.slice(2).map(String));
    expect(names.has("E2E-bolaget 1 AB")).toBe(true);
    expect(names.has("E2E-bolaget 1000 AB")).toBe(true);
    expect(names.has("Härnösands kommun")).toBe(true);
    const row = sheet
      .getRows(2, sheet.actualRowCount - 1)!
      .find((r) => r.getCell(1).value === "E2E-bolaget 7 AB")!;
    expect(row.getCell(3).value).toBe(orgNumber(7));
    expect(row.getCell(10).value).toBeInstanceOf(Date);

    // From the list itself: filter to municipalities and export what the list shows, no more.
    await page.goto("/register/organisationer");
    await heading(page, "Organisationer");
    await page
      .getByRole("form", { name: "Filtrera" })
      .getByLabel("Typ", { exact: true })
      .selectOption({ label: "Kommun" });
    await page.getByRole("button", { name: "Filtrera" }).click();
    const table = await visible(page.getByRole("table", { name: /Organisationer/ }));
    await visible(table.getByRole("link", { name: "Härnösands kommun" }));
    await expectNoAxeViolations(page);
    const [filteredDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Excel (XLSX)" }).click(),
    ]);
    const filteredBook = new ExcelJS.Workbook();
    await filteredBook.xlsx.load(readFileSync((await filteredDownload.path())!) as unknown as ArrayBuffer);
    const municipalities = filteredBook.worksheets[0];
    const types = new Set(municipalities.getColumn(2).values.slice(2).map(String));
    expect([...types]).toEqual(["Kommun"]);
    const exported = new Set(municipalities.getColumn(1).values.slice(2).map(String));
    expect(exported.has("Härnösands kommun")).toBe(true);
    expect(exported.has("E2E-bolaget 1 AB")).toBe(false);
  }, 600_000);
});
