import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, login, mailsTo, setupJourney, visible } from "./support/index.ts";

const journey = setupJourney();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const BOARD = "Samhällskontraktets styrelse";
const nbsp = (s: string) => s.replaceAll("\u00a0", " ");

async function openGovernance(page: Page, viaMenu = false) {
  if (viaMenu) await page.getByRole("button", { name: "Meny" }).click();
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Styrning" }).click();
  await heading(page, "Styrning");
}

/** Folds open a <details> form by its summary and returns it. */
async function unfold(page: Page, summary: string) {
  const details = page.locator("details", { has: page.locator("summary", { hasText: summary }) });
  await details.locator("summary").click();
  return details;
}

describe("governance: the board, a sector group's year, a meeting from notice to approved minutes", () => {
  it("shows the board's members per party, a sector group's 2010 meetings, and takes a meeting through notice, minutes and a grant decision", async () => {
    const page = await journey.newPage();
    await login(page, "samordnare@demo.samspel.se");
    await openGovernance(page);
    await expectNoAxeViolations(page);

    // The board: two members per party (a deputy and the secretary come on top).
    await page.getByRole("link", { name: BOARD }).click();
    await heading(page, BOARD);
    for (const party of ["Eskilstuna kommun", "Västerås stad", "Mälardalens högskola"]) {
      const table = await visible(page.getByRole("table", { name: new RegExp(`^${party}`) }));
      const roles = await table.locator("tbody tr td:first-of-type").allInnerTexts();
      expect(
        roles.filter((r) => ["ordförande", "vice ordförande", "ledamot"].includes(r)),
        party,
      ).toHaveLength(2);
    }
    await expectNoAxeViolations(page);

    // A sector group's 2010 meetings.
    await openGovernance(page);
    await page.getByRole("link", { name: "Sektorsgrupp Utbildning" }).click();
    await heading(page, "Sektorsgrupp Utbildning");
    await page.getByLabel("År", { exact: true }).selectOption("2010");
    const meetings = page.getByRole("region", { name: "Möten" }).getByRole("link", { name: /^2010-/ });
    await visible(meetings.first());
    expect(await meetings.count()).toBe(5);
    await expectNoAxeViolations(page);

    // A new board meeting with its agenda.
    await openGovernance(page);
    await page.getByRole("link", { name: BOARD }).click();
    await heading(page, BOARD);
    await page.getByRole("link", { name: "Nytt möte" }).click();
    await heading(page, `Nytt möte: ${BOARD}`);
    await page.getByLabel("Rubrik", { exact: true }).fill("Styrelsemöte i december");
    await page.getByLabel("Börjar").fill("2026-12-10 13:00");
    await page.getByLabel("Slutar").fill("2026-12-10 15:00");
    await page.getByLabel("Plats").fill("MDH Västerås");
    await page.getByLabel("Rubrik på punkt 1").fill("Bidrag till Unga matematiker 2027");
    await page.getByLabel("Typ av punkt 1").selectOption("decision");
    await page.getByRole("button", { name: "Lägg till punkt" }).click();
    await page.getByLabel("Rubrik på punkt 2").fill("Övriga frågor");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Skapa mötet" }).click();
    await heading(page, "Styrelsemöte i december 2026-12-10");
    await visible(page.getByRole("heading", { level: 3, name: "1. Bidrag till Unga matematiker 2027" }));
    await expectNoAxeViolations(page);

    // The notice: the agenda and an .ics, through the outbox to the sink.
    await page.getByRole("button", { name: "Skicka kallelsen" }).click();
    await visible(
      page.getByText(/Kallelsen med dagordning och kalenderinbjudan \(\.ics\) har lagts i utkorgen/),
    );
    const [notice] = await mailsTo("styrelse@demo.samspel.se");
    expect(notice.subject).toMatch(/^Kallelse: Styrelsemöte i december/);
    expect(notice.text).toContain("Bidrag till Unga matematiker 2027");
    const ics = notice.attachments.find((a) => a.filename === "kallelse.ics")!;
    const vevent = new ICAL.Component(ICAL.parse(ics.content.toString("utf8"))).getFirstSubcomponent(
      "vevent",
    )!;
    expect(new ICAL.Event(vevent).summary).toContain("Styrelsemöte i december");

    // A grant decision funding a project, the minutes, the adjuster, approval.
    const decision = await unfold(page, "Nytt beslut");
    await decision.getByLabel("Rubrik", { exact: true }).fill("Bidrag till Unga matematiker 2027");
    await decision
      .getByLabel("Beslutstext")
      .fill("Styrelsen beviljar 250 000 kr till Unga matematiker för 2027.");
    await decision.getByLabel("Typ av beslut").selectOption("grant");
    await decision.getByLabel("Belopp (kr)").fill("250 000");
    await decision.getByLabel("Projekt som beslutet gäller").selectOption({ label: "Unga matematiker" });
    await decision.getByRole("button", { name: "Nytt beslut" }).click();
    const added = await visible(decision.getByText(/Beslutet har registrerats som SK 2026\/\d+\./));
    const number = (await added.innerText()).match(/SK 2026\/\d+/)![0];

    await page
      .getByLabel("Protokollet", { exact: true })
      .fill("Styrelsen sammanträdde. Samtliga ledamöter var närvarande.");
    await page
      .getByLabel("Anteckningar till punkt 1: Bidrag till Unga matematiker 2027")
      .fill("Beredd av sektorsgrupp Utbildning.");
    await page.getByRole("group", { name: "Närvarande" }).getByLabel("Pär Eriksson").check();
    await page.getByRole("group", { name: "Justerare" }).getByLabel("Bo Dahllöf").check();
    await page.getByRole("button", { name: "Spara protokollet" }).click();
    await visible(page.getByText("Protokollet är sparat."));
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Justera och fastställ protokollet" }).click();
    await page
      .getByRole("alertdialog")
      .getByRole("button", { name: "Justera och fastställ protokollet" })
      .click();
    await visible(page.getByText(/^Justerat .*Protokollet och besluten är låsta/));
    await expect.poll(() => page.getByRole("button", { name: "Spara protokollet" }).count()).toBe(0);
    await visible(page.getByText("Styrelsen sammanträdde. Samtliga ledamöter var närvarande."));
    await expectNoAxeViolations(page);

    // The decision register: found by its words, with its number and the project it funds.
    await openGovernance(page);
    await page.getByRole("link", { name: "Beslutsregister" }).click();
    await heading(page, "Beslutsregister");
    await page.getByLabel("År", { exact: true }).selectOption("2026");
    await page.getByLabel("Sök", { exact: true }).fill("Unga matematiker");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    const row = await visible(page.getByRole("row", { name: new RegExp(number.replace("/", "\\/")) }));
    expect(nbsp(await row.innerText())).toContain("250 000 kr");
    await visible(row.getByRole("link", { name: "Unga matematiker", exact: true }));
    await expectNoAxeViolations(page);
  });

  it("shows a board member the board's non-public meeting, items and registry entries", async () => {
    const page = await journey.newPage();
    await login(page, "styrelse@demo.samspel.se");
    await openGovernance(page);
    await page.getByRole("link", { name: "Mötenskalender" }).click();
    await heading(page, /^Mötenskalender/);
    await page.getByLabel("År", { exact: true }).selectOption("2010");
    await page.getByRole("link", { name: /Styrelsens planeringsdag/ }).click();
    await heading(page, "Styrelsens planeringsdag 2010-11-11");
    await visible(
      page.getByRole("heading", { level: 3, name: "1. Verksamhetsplan och budget 2011 (utkast)" }),
    );
    await visible(page.getByText("Utkast verksamhetsplan 2011.docx", { exact: false }));
    await expectNoAxeViolations(page);
    await page.goto("/styrning/diarium");
    await heading(page, "Diarium");
    await page.getByLabel("År", { exact: true }).selectOption("2010");
    await visible(page.getByRole("cell", { name: "Projektplaner MOPS med budget och personuppgifter" }));
    await expectNoAxeViolations(page);
  });

  it("shows a partner on a phone only the public minutes, and the confidential entry without its content", async () => {
    const page = await journey.newPage(phone);
    await login(page, "partner@demo.samspel.se");
    await openGovernance(page, true);
    await page.getByRole("link", { name: "Mötenskalender" }).click();
    await heading(page, /^Mötenskalender/);
    await page.getByLabel("År", { exact: true }).selectOption("2010");
    await visible(page.getByRole("link", { name: /Gemensamt möte för sektorsgrupperna/ }));
    expect(await page.getByRole("link", { name: /Styrelsens planeringsdag/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: /2010-09-23.*Samhällskontraktets styrelse/ }).click();
    await heading(page, "Samhällskontraktets styrelse 2010-09-23");
    await visible(page.getByText("Styrelsens protokoll."));
    await visible(page.getByRole("heading", { level: 3, name: "§ 1 Bidrag till fyra MOPS-projekt" }));
    await expectNoAxeViolations(page);
    await page.goto("/styrning/diarium");
    await heading(page, "Diarium");
    await page.getByLabel("År", { exact: true }).selectOption("2010");
    await visible(page.getByText("Sekretessmarkerad handling"));
    expect(await page.getByText("Projektplaner MOPS med budget och personuppgifter").count()).toBe(0);
    expect(await page.getByText("Diarieför en handling").count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
