import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { expectNoAxeViolations, heading, setupJourney, signInThroughApi, visible } from "./support/index.ts";
import { settle, sidewaysOverflow, trackRequests } from "./support/reflow.ts";

/**
 * Issue 15 on a 1366 × 768 screen: the columns that matter are in view — the portfolio's colour, the heat
 * map's eight dimensions — and a person's columns are remembered. (At 390 and 320 px: reflow-*.e2e.ts.)
 */
const journey = setupJourney();

/** Where an element's box is, seen from the window: does it end inside the 1366 px screen? */
const rightEdges = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().right)));

it("keeps the columns that matter in view at 1366 × 768, and remembers a person's columns", async () => {
  const page = await journey.newPage({ viewport: { width: 1366, height: 768 } });
  const inFlight = trackRequests(page);
  await signInThroughApi(page, "samordnare@demo.samspel.se");
  const units = (await (await page.request.get("/api/compass/units")).json()) as {
    items: { id: string; type: string }[];
  };
  const faculty = units.items.find((u) => u.type === "fakultet")!;
  const noSideways = async () => expect((await sidewaysOverflow(page)).excess).toBe(0);

  // The portfolio: Grön/Gul/Röd beside the project's name, on screen without scrolling the table.
  await page.goto("/planer/projekt");
  await heading(page, "Projektportfölj");
  await settle(page, inFlight);
  const portfolio = page.getByRole("table", { name: /^Portfölj/ });
  const colourHeader = portfolio.getByRole("columnheader", { name: /Färgkodning/ });
  await visible(colourHeader);
  expect(await colourHeader.evaluate((th) => th.getBoundingClientRect().right)).toBeLessThanOrEqual(1366);
  await expect(
    portfolio
      .getByRole("cell", { name: /^(Grön|Gul|Röd)$/ })
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  await noSideways();

  // The column chooser: hiding the process leader's comments lasts after a reload (stored per user).
  await page.locator("details.column-chooser summary").click();
  await page.getByRole("checkbox", { name: "Processledarens kommentarer" }).uncheck();
  await expect(
    portfolio.getByRole("columnheader", { name: "Processledarens kommentarer" }).count(),
  ).resolves.toBe(0);
  await expectNoAxeViolations(page);
  await page.reload();
  await settle(page, inFlight);
  await visible(colourHeader);
  await expect(
    portfolio.getByRole("columnheader", { name: "Processledarens kommentarer" }).count(),
  ).resolves.toBe(0);

  // The faculty's heat map: all eight dimensions, no column repeating the faculty's name.
  await page.goto(`/kompassen/enhet/${faculty.id}`);
  await settle(page, inFlight);
  const heatmap = page.getByRole("table", { name: /^Härledd nivå per program och dimension/ });
  await visible(heatmap);
  const headers = await heatmap.getByRole("columnheader").allTextContents();
  expect(headers).not.toContain("Enhet");
  const dimensionEdges = (await rightEdges(page, "table.heatmap thead th")).slice(2);
  expect(dimensionEdges).toHaveLength(8);
  for (const edge of dimensionEdges) expect(edge).toBeLessThanOrEqual(1366);
  await noSideways();
  await expectNoAxeViolations(page);

  // A programme's compass table and a plan's tables end inside their frames (nothing cut).
  const programmes = (await (await page.request.get("/api/programmes?limit=1")).json()) as {
    items: { id: string }[];
  };
  await page.goto(`/kompassen/program/${programmes.items[0]!.id}`);
  await settle(page, inFlight);
  await visible(page.getByRole("table", { name: /^Kompassen i tabellform/ }));
  const plans = (await (await page.request.get("/api/plans")).json()) as { items: { id: string }[] };
  const frames = async () =>
    page
      .locator(".table-scroll")
      .evaluateAll((els) => els.map((el) => ({ scroll: el.scrollWidth, client: el.clientWidth })));
  for (const frame of await frames()) expect(frame.scroll).toBeLessThanOrEqual(frame.client);
  await page.goto(`/planer/${plans.items[0]!.id}`);
  await settle(page, inFlight);
  await visible(page.getByRole("columnheader", { name: "Status" }).first());
  for (const frame of await frames()) expect(frame.scroll).toBeLessThanOrEqual(frame.client);

  // The organisation register sorts on the server: Ö–A shows the register's last name first, not the
  // last of the 50 rows loaded.
  const last = (await (await page.request.get("/api/organisations?sort=-name&limit=1")).json()) as {
    items: { name: string }[];
  };
  await page.goto("/register/organisationer");
  await heading(page, "Organisationer");
  await settle(page, inFlight);
  const register = page.getByRole("table", { name: /^Organisationer/ });
  const nameHeader = register.getByRole("columnheader", { name: /^Namn/ });
  await nameHeader.getByRole("button").click(); // ascending is the default: a click turns it around
  await visible(register.getByRole("rowheader", { name: last.items[0]!.name }).first());
  await expect(nameHeader.getAttribute("aria-sort")).resolves.toBe("descending");
  const firstRow = register.getByRole("rowheader").first();
  await expect(firstRow.textContent()).resolves.toBe(last.items[0]!.name);
  await expectNoAxeViolations(page);
}, 180_000);
