import { describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  heading,
  login,
  setupJourney,
  signInThroughApi,
  visible,
} from "./support/index.ts";

const director = "programansvarig@demo.samspel.se";
const boardMember = "styrelse@demo.samspel.se";
const journey = setupJourney();

describe("ALA-kompassen: a programme director works with their programme's compass", () => {
  it("opens the nursing compass, sets goals, sees gaps and offers, takes one and finds it in the work plan", async () => {
    const page = await journey.newPage();
    await login(page, director);
    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Kompassen" })
      .click();
    await heading(page, "ALA-kompassen");
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Sjuksköterskeprogrammet" }).click();
    await heading(page, "ALA-kompassen – Sjuksköterskeprogrammet");
    // The radar is an image with a text alternative, and its data stand in a table beside it.
    await visible(page.getByRole("img", { name: /Kompassen för Sjuksköterskeprogrammet/ }));
    const table = await visible(page.getByRole("table", { name: "Kompassen i tabellform" }));
    await visible(table.getByRole("rowheader", { name: "Praktik och VFU" }));
    await expectNoAxeViolations(page);

    // Goal picture: aim for level 4 with the alumni and level 2 in entrepreneurship.
    await page.getByLabel("Mål för Alumner").selectOption("4");
    await page.getByLabel("Mål för Entreprenörskap och innovation").selectOption("2");
    await page.getByRole("button", { name: "Spara målbilden" }).click();
    await visible(page.getByRole("status").filter({ hasText: "Målbilden är sparad." }));
    const alumniRow = table.getByRole("row", { name: /^Alumner/ });
    await visible(alumniRow.getByRole("cell", { name: "4", exact: true }).first());

    // The largest gap comes first among the recommendations, with matching offers.
    const recommendations = page.getByRole("region", { name: "Rekommenderade erbjudanden" });
    const alumniGap = await visible(
      recommendations.getByRole("article", { name: /^Alumner: nuläge \d, mål 4/ }),
    );
    const firstGap = recommendations.getByRole("article").first();
    expect(await firstGap.getAttribute("aria-labelledby")).toBe(
      await alumniGap.getAttribute("aria-labelledby"),
    );
    await visible(alumniGap.getByRole("heading", { name: "Alumner i undervisningen" }));
    await expectNoAxeViolations(page);

    await alumniGap.getByRole("button", { name: "Ta erbjudandet Mentorprogrammet" }).click();
    await visible(page.getByRole("status").filter({ hasText: "Erbjudandet är tillagt i arbetsplanen." }));
    await visible(alumniGap.getByText("Taget"));

    const plan = await visible(page.getByRole("table", { name: /^Arbetsplan \d{4}/ }));
    const planned = await visible(plan.getByRole("link", { name: "Mentorprogrammet" }));
    await visible(plan.getByRole("cell", { name: /Från erbjudandet Mentorprogrammet/ }));
    await expectNoAxeViolations(page);

    // The planned activity is a real activity in the register.
    await planned.click();
    await heading(page, "Mentorprogrammet");
    await visible(page.getByText("Planerad", { exact: true }));
  });

  it("records a step of the work process", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, director);
    await page.goto("/kompassen");
    await page.getByRole("link", { name: "Sjuksköterskeprogrammet" }).click();
    await heading(page, "ALA-kompassen – Sjuksköterskeprogrammet");
    await page.getByRole("button", { name: "Ändra Arbetsplan" }).click();
    await page.getByLabel("Status").selectOption("in_progress");
    await page.getByLabel("Ansvarig").fill("Per Programansvarig");
    const save = page.getByRole("button", { name: "Spara steget" });
    await save.click();
    // The form closes once the step is saved; until then its own "Pågår" option is on the page too.
    await save.waitFor({ state: "hidden" });
    const step = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Arbetsplan", exact: true }) });
    await visible(step.getByText("Pågår"));
    await visible(step.getByText("Per Programansvarig", { exact: true }));
    await expectNoAxeViolations(page);
  });
});

describe("ALA-kompassen: the faculty view", () => {
  it("shows the faculty's programmes in the heat-map, with the nursing programme, and compares two", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, boardMember);
    await page.goto("/kompassen");
    await page.getByRole("link", { name: "Fakulteten för humanvetenskap (HUV)" }).click();
    await heading(page, "Kompassen för Fakulteten för humanvetenskap (HUV)");
    await visible(page.getByRole("table", { name: /Medelnivå och fördelning per dimension/ }));
    const heatmap = await visible(
      page.getByRole("table", { name: /Härledd nivå per program och dimension/ }),
    );
    await visible(heatmap.getByRole("rowheader", { name: /Sjuksköterskeprogrammet/ }));
    await visible(page.getByRole("table", { name: "Medelnivå per dimension och år" }));
    await expectNoAxeViolations(page);

    // Filters narrow the heat-map without reloading.
    await page.getByLabel("Sök program").fill("sjuk");
    await visible(page.getByText("1 av", { exact: false }));
    await page.getByLabel("Sök program").fill("");

    await page.getByLabel("Välj Sjuksköterskeprogrammet för jämförelse").check();
    await page.getByLabel("Välj Socionomprogrammet för jämförelse").check();
    await page.getByRole("link", { name: /Jämför valda program/ }).click();
    await heading(page, "Jämför program");
    const compare = await visible(page.getByRole("table", { name: /Nuläge per dimension/ }));
    await visible(compare.getByRole("link", { name: "Socionomprogrammet" }));
    await expectNoAxeViolations(page);
  });

  it("shows the offers and the model", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, boardMember);
    await page.goto("/kompassen/erbjudanden");
    await heading(page, "Erbjudanden");
    await visible(page.getByRole("heading", { name: "Karriärcoachning för programmets studenter" }));
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Kompassens modell" }).click();
    await heading(page, "Kompassens modell");
    await visible(page.getByRole("heading", { name: "Praktik och VFU" }));
    await expectNoAxeViolations(page);
  });
});
