import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { HARNOSAND_AGREEMENT, PACKAGE } from "../demo/agreements.ts";
import { inspectPdf, unzipEntry } from "../src/server/modules/reports/file-checks.ts";
import { expectNoAxeViolations, heading, login, setupJourney, visible } from "./support/index.ts";

const journey = setupJourney();
const nbsp = (s: string) => s.replaceAll("\u00a0", " ");
const PLAN_PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return readFileSync(await file.path());
}

async function openAgreements(page: Page) {
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "SKO-avtal" }).click();
  await heading(page, "SKO-avtal");
  await expectNoAxeViolations(page);
}

describe("SKO agreements (seed 001)", () => {
  it("shows Härnösand's appendix beside its needs, records a dialogue, books spend and downloads the appendix", async () => {
    const page = await journey.newPage();
    await login(page, "samordnare@demo.samspel.se");
    await openAgreements(page);
    await page.getByRole("link", { name: HARNOSAND_AGREEMENT }).click();
    await heading(page, HARNOSAND_AGREEMENT);
    await visible(page.getByRole("heading", { level: 2, name: "Kursbilaga: 8 kurser, 27 hp" }));
    for (const [name, credits] of [
      [PACKAGE.psychology, 12],
      [PACKAGE.law, 12],
      [PACKAGE.economy, 3],
    ] as const) {
      const table = await visible(page.getByRole("table", { name: new RegExp(`^${name}: ${credits}\\shp`) }));
      expect(
        await table
          .getByRole("cell", { name: /Psykologisk kunskap|Förvaltningsrätt|Strategisk ekonomistyrning/ })
          .count(),
      ).toBeGreaterThan(0);
    }
    await expectNoAxeViolations(page);

    // The partner's competence-supply plan: uploaded, then listed as a download.
    const plan = page.locator("details", { hasText: "Ladda upp plan" });
    await plan.locator("summary", { hasText: "Ladda upp plan" }).click();
    await plan.getByLabel("Fil (PDF, Word, Excel eller ODT, högst 10 MB)").setInputFiles({
      name: "Kompetensförsörjningsplan Härnösand 2026.pdf",
      mimeType: "application/pdf",
      buffer: PLAN_PDF,
    });
    await plan.getByRole("button", { name: "Ladda upp plan" }).click();
    await visible(plan.getByText("Sparat."));
    const planFile = await download(page, "Kompetensförsörjningsplan Härnösand 2026.pdf");
    expect(planFile.equals(PLAN_PDF)).toBe(true);
    await expectNoAxeViolations(page);

    // A need the appendix covers cannot be removed: the dialog says which rows cover it.
    await page.getByRole("button", { name: "Ta bort Strategisk ekonomistyrning", exact: true }).click();
    const refusal = page.getByRole("alertdialog");
    await refusal.getByRole("button", { name: "Ta bort" }).click();
    await visible(refusal.getByText(/kan inte tas bort: 1 rader i kursbilagan täcker det/));
    await expectNoAxeViolations(page);
    await refusal.getByRole("button", { name: "Avbryt" }).click();

    const dialogue = page.locator("details", { hasText: "Anteckna dialog" });
    await dialogue.locator("summary", { hasText: "Anteckna dialog" }).click();
    await dialogue.getByLabel("Datum", { exact: true }).fill("2026-11-18");
    await dialogue.getByLabel("Anteckningar").fill("Uppföljning av höstens kurser.");
    await dialogue.getByLabel("Nytt behov (lämna tomt om inget)").fill("Digital kompetens i socialtjänsten");
    await dialogue.getByRole("button", { name: "Anteckna dialog" }).click();
    await visible(dialogue.getByText("Sparat."));
    await visible(page.getByRole("heading", { level: 3, name: "Digital kompetens i socialtjänsten" }));
    await expectNoAxeViolations(page);

    const spend = page.locator("details", { hasText: "Bokför förbrukade medel på avtalet" });
    await spend.locator("summary", { hasText: "Bokför förbrukade medel på avtalet" }).click();
    await spend.getByLabel("Datum", { exact: true }).fill("2026-11-30");
    await spend.getByLabel("Belopp (hela kronor)").fill("20 000");
    await spend.getByRole("button", { name: "Bokför förbrukade medel på avtalet" }).click();
    await visible(spend.getByText("Sparat."));
    await expect
      .poll(async () => nbsp(await page.getByText(/Kvar:/).first().innerText()))
      .toMatch(/Kvar: 600 000 kr/);
    await expectNoAxeViolations(page);

    const docx = await download(page, "Kursbilaga (Word)");
    const xml = nbsp(unzipEntry(docx, "word/document.xml")!.toString("utf8"));
    expect(xml).toContain(`Kursbilaga till ${HARNOSAND_AGREEMENT}`);
    expect(xml).toContain("Strategisk ekonomistyrning");
    const pdf = await download(page, "Kursbilaga (PDF)");
    expect(inspectPdf(pdf)).toMatchObject({ isPdf: true, extractableText: true });
  });

  it("shows Härnösand's partner only Härnösand's agreement", async () => {
    const page = await journey.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, "partner@demo.samspel.se");
    await page.getByRole("button", { name: "Meny" }).click();
    await openAgreements(page);
    const cards = page.locator(".card-list > li");
    await visible(cards.first());
    expect(await cards.count()).toBe(1);
    await page.getByRole("link", { name: HARNOSAND_AGREEMENT }).click();
    await heading(page, HARNOSAND_AGREEMENT);
    await visible(page.locator("summary", { hasText: "Lägg till behov" }));
    expect(await page.locator("summary", { hasText: "Ladda upp plan" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Ta bort / }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // The partner comments on a dialogue of their own agreement.
    const comment = page.locator("details", { hasText: "Kommentera dialogen 2026-06-10" });
    await comment.locator("summary").click();
    await comment.getByLabel("Kommentar").fill("Vi vill gärna ha fler platser i arbetsrätt till hösten.");
    await comment.getByRole("button", { name: "Kommentera" }).click();
    await visible(comment.getByText("Sparat."));
    await visible(page.getByText("Vi vill gärna ha fler platser i arbetsrätt till hösten."));
    await expectNoAxeViolations(page);
  });
});
