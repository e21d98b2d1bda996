import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { inspectPdf, unzipEntry } from "../src/server/modules/reports/file-checks.ts";
import {
  expectNoAxeViolations,
  heading,
  login,
  openProjectGoals,
  setupJourney,
  signInThroughApi,
  visible,
} from "./support/index.ts";

const coordinator = "samordnare@demo.samspel.se";
const journey = setupJourney();
const nbsp = (s: string) => s.replaceAll("\u00a0", " ");

/** Clicks a download link and returns the file's bytes. */
async function download(page: Page, name: string) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name, exact: true }).click(),
  ]);
  const path = await file.path();
  return readFileSync(path);
}

describe("follow-up: reports generated from data and goals with live indicators", () => {
  it("opens Samhällskontraktet's 2010 annual report with its meeting places and money, and downloads it", async () => {
    const page = await journey.newPage();
    await login(page, coordinator);
    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Uppföljning" })
      .click();
    await heading(page, "Uppföljning");
    await expectNoAxeViolations(page);

    await page
      .getByRole("navigation", { name: "Uppföljning" })
      .getByRole("link", { name: "Rapporter" })
      .click();
    await heading(page, "Rapporter");
    await page.getByLabel("Rapport", { exact: true }).selectOption({ label: "Verksamhetsberättelse" });
    await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Samhällskontraktet" });
    await page.getByLabel("År", { exact: true }).selectOption("2010");
    await page.getByRole("button", { name: "Visa rapporten" }).click();
    await visible(
      page.getByRole("heading", { level: 2, name: "Verksamhetsberättelse för Samhällskontraktet 2010" }),
    );

    await visible(page.getByRole("heading", { name: "Mötesplatser", exact: true }));
    const meetings = await visible(page.getByRole("table", { name: /^Mötesplatser 2010/ }));
    await visible(meetings.getByRole("columnheader", { name: "Uppskattat antal" }));
    expect(await meetings.getByRole("row").count()).toBeGreaterThan(2);

    const money = await visible(page.getByRole("table", { name: "Förbrukade medel 2010 per enhet" }));
    const units = money.getByRole("row");
    expect(await units.count()).toBe(9); // header, seven units, TOTAL
    await visible(money.getByRole("row", { name: /Sektor Utbildning\s+1\s226\s000 kr/ }));
    const total = money.getByRole("row", { name: /^TOTAL/ });
    expect(nbsp(await total.innerText())).toMatch(/TOTAL\s+5 892 500 kr/);
    await expectNoAxeViolations(page);

    const pdf = await download(page, "PDF");
    expect(inspectPdf(pdf)).toEqual({ isPdf: true, drawsText: true, extractableText: true, tagged: true });
    const docx = await download(page, "Word (DOCX)");
    const xml = nbsp(unzipEntry(docx, "word/document.xml")!.toString("utf8"));
    expect(xml).toContain("Verksamhetsberättelse för Samhällskontraktet 2010");
    expect(xml).toContain("5 892 500 kr");
  });

  it("opens LC-KOMP's goals, sees 180 against the actual from attendance, and reaches the people counted", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, coordinator);
    await openProjectGoals(page, "LC-KOMP");
    const people = page.getByRole("row", {
      name: /Personer i kompetensutvecklingsinsatser gentemot arbetslivet/,
    });
    await visible(people.getByRole("cell", { name: "minst 180 personer" }));
    const actual = Number(nbsp(await people.getByRole("cell").nth(1).innerText()).replace(/\s/g, ""));
    expect(actual).toBeGreaterThan(0);
    await visible(page.getByRole("heading", { level: 2, name: "Deltagande organisationers egna mål" }));
    await expectNoAxeViolations(page);

    await people
      .getByRole("link", { name: "Personer i kompetensutvecklingsinsatser gentemot arbetslivet" })
      .click();
    await heading(page, "Personer i kompetensutvecklingsinsatser gentemot arbetslivet");
    await visible(page.getByText(/^distinkta personer som deltog i minst en aktivitet/));
    await visible(page.getByRole("table", { name: "Det som räknas" }));
    await visible(page.getByText(new RegExp(`^${actual} poster som tillsammans ger ${actual}\\.`)));
    await expectNoAxeViolations(page);

    // Someone else attends an LC-KOMP event (checked in at the door): the indicator moves by one.
    const indicatorUrl = page.url();
    const status = await page.evaluate(async () => {
      const me = await (await fetch("/api/auth/me")).json();
      const event = (await (await fetch("/api/events?tag=LC-KOMP&limit=1")).json()).items[0];
      const res = await fetch(`/api/events/${event.id}/walk-ins`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: JSON.stringify({ name: "Ny Deltagare", email: "ny.deltagare@example.se", roleKey: "larare" }),
      });
      return res.status;
    });
    expect(status).toBe(201);
    await page.goto(indicatorUrl);
    await visible(page.getByText(new RegExp(`^${actual + 1} poster som tillsammans ger ${actual + 1}\\.`)));

    const person = page
      .getByRole("table", { name: "Det som räknas" })
      .getByRole("rowheader")
      .getByRole("link")
      .first();
    const name = await person.innerText();
    await person.click();
    await heading(page, name);
    await expectNoAxeViolations(page);
  });

  it("shows the money per unit with its total, and an indicator's history and values", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, coordinator);
    await page.goto("/uppfoljning/ekonomi");
    await heading(page, "Ekonomi");
    await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Samhällskontraktet" });
    await page.getByLabel("År", { exact: true }).selectOption("2010");
    const money = await visible(
      page.getByRole("table", { name: "Förbrukade medel 2010 per enhet, Samhällskontraktet" }),
    );
    expect(nbsp(await money.getByRole("row", { name: /^Totalt/ }).innerText())).toMatch(/5 892 500 kr/);
    await visible(page.getByText(/Varje krona egna medel har växlats upp med/));
    await expectNoAxeViolations(page);

    // A manual indicator: its values with evidence, and a new value entered through the form.
    await openProjectGoals(page, "LC-KOMP");
    // The project's goal (each organisation's own indicator of the same name follows further down).
    await page
      .getByRole("link", { name: "Organisationer med utvecklad mäklande funktion", exact: true })
      .first()
      .click();
    await heading(page, "Organisationer med utvecklad mäklande funktion");
    const values = await visible(page.getByRole("table", { name: "Värden" }));
    await visible(values.getByText(/Lärande utvärdering av LC-KOMP/));
    await page.getByLabel("Datum", { exact: true }).fill("2011-12-31");
    await page.getByLabel("Värde", { exact: true }).fill("13");
    await page.getByLabel("Länk till underlag", { exact: true }).fill("https://example.se/slutrapport");
    await page.getByRole("button", { name: "För in värde" }).click();
    await visible(page.getByRole("status").filter({ hasText: "Värdet är infört." }));
    await visible(values.getByRole("row", { name: /^2011-12-31\s+13/ }));
    await visible(page.getByText("Enligt plan"));
    await expectNoAxeViolations(page);
  });
});
