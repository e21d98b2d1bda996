import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  heading,
  login,
  setupJourney,
  signInThroughApi,
  visible,
} from "./support/index.ts";

const coordinator = "samordnare@demo.samspel.se";
const journey = setupJourney();
const PLAN = "Handlingsplan 2013–2015 — Arbetslivsanknytning";

describe("plans and the portfolio: a coordinator follows up the 2013–2015 plan and the projects", () => {
  it("opens the plan as the seed's table, its timeline, and sees which goals no communication item serves", async () => {
    const page = await journey.newPage();
    await login(page, coordinator);
    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Planer och projekt" })
      .click();
    await heading(page, "Planer och projekt");
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: PLAN }).click();
    await heading(page, PLAN);
    const communication = await visible(page.getByRole("table", { name: "Kommunikationsinsatser" }));
    const item8 = communication.getByRole("row", { name: /^8\. Paketera ALA-kompassens arbetsprocess/ });
    await visible(item8.getByRole("cell", { name: "100 000 kr" }));
    await visible(item8.getByRole("cell", { name: "Lärare", exact: true }));
    const development = page.getByRole("table", { name: "Utvecklingsinsatser" });
    const item1 = development.getByRole("row", { name: /^1\. Forma organisationsstruktur/ });
    await visible(item1.getByRole("cell", { name: "Q4 2013" }));
    await visible(item1.getByRole("cell", { name: "SAM", exact: true }));
    expect(await communication.getByRole("row").count()).toBe(10); // header + items 7–15
    expect(await development.getByRole("row").count()).toBe(7); // header + items 1–6
    await visible(page.getByRole("link", { name: "Ladda ner som Excel (XLSX)" }));
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Tidplan" }).click();
    await heading(page, `Tidplan: ${PLAN}`);
    await visible(page.getByRole("img", { name: /Faser och insatser som staplar/ }));
    const timeline = await visible(page.getByRole("table", { name: "Tidplanen som tabell" }));
    await visible(timeline.getByRole("rowheader", { name: "Fas: Implementering" }));
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Mål och insatser" }).click();
    await heading(page, `Mål och insatser: ${PLAN}`);
    await page.getByLabel("Avsnitt", { exact: true }).selectOption({ label: "Kommunikationsinsatser" });
    await visible(
      page.getByRole("heading", { name: "Mål som ingen insats tjänar (Kommunikationsinsatser)" }),
    );
    await visible(
      page.getByRole("status").filter({ hasText: "Alla mål tjänas av minst en insats i urvalet." }),
    );
    const matrix = await visible(
      page.getByRole("table", { name: "Mål och insatser (Kommunikationsinsatser)" }),
    );
    await visible(matrix.getByRole("row", { name: /^D / }).getByRole("cell", { name: "12, 13" }));
    await expectNoAxeViolations(page);

    // Development items alone leave no goal unserved either; the matrix shows which serve F.
    await page.getByLabel("Avsnitt", { exact: true }).selectOption({ label: "Utvecklingsinsatser" });
    const dev = await visible(page.getByRole("table", { name: "Mål och insatser (Utvecklingsinsatser)" }));
    await visible(dev.getByRole("row", { name: /^F / }).getByRole("cell", { name: "1, 2, 3, 4, 5" }));
  });

  it("shows the portfolio table, downloads its XLSX and changes a project from Gul to Grön with a reason", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, coordinator);
    await page.goto("/planer");
    await heading(page, "Planer och projekt");
    await page.getByRole("link", { name: "Portfölj" }).click();
    await heading(page, "Projektportfölj");
    await page.getByLabel("Ägare").selectOption({ label: "Mittuniversitetet" });
    const table = await visible(page.getByRole("table", { name: "Portfölj (13)" }));
    const row = table.getByRole("row", { name: /^Distansarbetsplatser \(Jan Eriksson\)/ });
    await visible(row.getByRole("cell", { name: "feb 2012 – apr 2013" }));
    await visible(row.getByRole("cell", { name: "Gul" }));
    await expectNoAxeViolations(page);

    // The download is the appendix: header and thirteen rows.
    const href = await page.getByRole("link", { name: "Ladda ner som Excel (XLSX)" }).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.body()) as never);
    expect(workbook.worksheets[0].rowCount).toBe(14);

    await row.getByRole("link", { name: "Distansarbetsplatser" }).click();
    await heading(page, "Distansarbetsplatser");
    const history = await visible(page.getByRole("table", { name: "Färghistorik" }));
    expect(await history.getByRole("row").count()).toBe(2);
    await expectNoAxeViolations(page);

    const reason = "Kopplat närmare Alumni; slutrapporten visar tydliga resultat.";
    const form = page.getByRole("form", { name: "Ändra status" });
    await form.getByLabel("Ny färg").selectOption({ label: "Grön" });
    await form.getByLabel("Motivering").fill(reason);
    await form.getByRole("button", { name: "Ändra status" }).click();
    await visible(page.getByRole("status").filter({ hasText: "Statusen är ändrad." }));
    const newest = history.getByRole("row").nth(1);
    await visible(newest.getByRole("cell", { name: reason }));
    await visible(newest.getByRole("cell", { name: "Gul" }));
    await visible(newest.getByRole("cell", { name: "Grön" }));
    await visible(newest.getByRole("cell", { name: /Sara Samordnare/ }));
    expect(await history.getByRole("row").count()).toBe(3);
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Tillbaka till portföljen" }).click();
    await heading(page, "Projektportfölj");
    await page.getByLabel("Ägare").selectOption({ label: "Mittuniversitetet" });
    const after = await visible(page.getByRole("table", { name: "Portfölj (13)" }));
    await visible(
      after.getByRole("row", { name: /^Distansarbetsplatser/ }).getByRole("cell", { name: "Grön" }),
    );
  });

  it("shows the overview with counts by colour and overdue reports, the timeline and a goal framework", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, coordinator);
    await page.goto("/planer/projekt/oversikt");
    await heading(page, "Översikt");
    await page.getByLabel("Ägare").selectOption({ label: "Mittuniversitetet" });
    await page.getByLabel("Per datum").fill("2013-04-03");
    const sectors = await visible(page.getByRole("table", { name: "Antal per sektor" }));
    await visible(
      sectors.getByRole("row", { name: /^Arbetslivsanknytning/ }).getByRole("cell", { name: "13" }),
    );
    const overdue = await visible(page.getByRole("table", { name: "Försenade lägesrapporter" }));
    await visible(overdue.getByRole("rowheader", { name: "HUM" }));
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Tidslinje" }).click();
    await heading(page, "Tidslinje");
    await visible(page.getByRole("img", { name: /Projektens perioder/ }));
    await visible(page.getByRole("table", { name: "Perioderna som tabell" }));
    await expectNoAxeViolations(page);

    await page.goto("/planer");
    await page.getByRole("link", { name: "Utbildningsstrategi 2011–2015 — arbetslivsanknytning" }).click();
    await heading(page, "Utbildningsstrategi 2011–2015 — arbetslivsanknytning");
    const goals = await visible(page.getByRole("table", { name: /Mål – Version 1/ }));
    expect(await goals.getByRole("row").count()).toBe(7);
    await expectNoAxeViolations(page);
  });

  it("opens a Samhällskontraktet project's outputs: each article with its authors, journal, year and DOI", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, coordinator);
    await page.goto("/planer");
    await page.getByRole("link", { name: "Portfölj" }).click();
    await heading(page, "Projektportfölj");
    await page.getByLabel("Ägare").selectOption({ label: "Samhällskontraktet" });
    await page.getByRole("link", { name: "Yrkesstolthet och organisationsidentitet (STOLT)" }).click();
    await heading(page, "Yrkesstolthet och organisationsidentitet (STOLT)");
    const outputs = await visible(page.getByRole("region", { name: "Resultat" }));
    await visible(outputs.getByText(/Welander, J\., Berglund, M\. · Arbetsliv i omvandling · 2011/));
    await visible(outputs.getByRole("link", { name: "DOI 10.5555/sk.2011.010" }));
    await expectNoAxeViolations(page);
  });

  it("opens the review round of 2 April 2013 on a phone by keyboard: its nine conclusions and the seed's table", async () => {
    const page = await journey.newPage({ viewport: { width: 390, height: 844 } });
    await signInThroughApi(page, coordinator);
    await page.goto("/planer/projekt/avrapporteringar");
    await heading(page, "Avrapporteringar");
    const rounds = await visible(page.getByRole("table", { name: "Avrapporteringar" }));
    const row = rounds.getByRole("row", { name: /^Avrapportering av arbetslivsanknytning våren 2013/ });
    await visible(row.getByRole("cell", { name: "2013-04-02" }));
    await expectNoAxeViolations(page);

    const link = row.getByRole("link", { name: "Avrapportering av arbetslivsanknytning våren 2013" });
    await link.focus();
    await page.keyboard.press("Enter");
    await heading(page, "Avrapportering av arbetslivsanknytning våren 2013 (2013-04-02)");
    const conclusions = await visible(page.getByRole("region", { name: "Generella slutsatser" }));
    expect(await conclusions.getByRole("listitem").count()).toBe(9);
    await visible(conclusions.getByText(/främsta frågetecknen runt HUM-projektet/));
    const table = await visible(
      page.getByRole("region", { name: "Projektens bedömningar" }).getByRole("table"),
    );
    expect(await table.getByRole("row").count()).toBe(14); // header + 13 projects
    const hum = table.getByRole("row", { name: /^HUM/ });
    await visible(hum.getByRole("cell", { name: "Slutrapport?" }));
    await visible(hum.getByRole("cell", { name: "Röd" }));
    // The wide table scrolls inside its frame; the page itself fits the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
  });
});
