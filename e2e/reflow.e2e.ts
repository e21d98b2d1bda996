import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { expectNoAxeViolations, heading, login, setupJourney, visible } from "./support/index.ts";
import {
  concretePaths,
  navigateInApp,
  nextFrames,
  settle,
  sidewaysOverflow,
  trackRequests,
  webRoutePaths,
} from "./support/reflow.ts";

/**
 * Issue 15, WCAG 1.4.10 (reflow): every web route, at a 390 px phone and at 320 px, may not scroll
 * sideways — a wide table scrolls inside its own frame, the page never. And on a 1366 px screen the
 * columns that matter are in view: the portfolio's colour, the heat map's eight dimensions.
 */
const journey = setupJourney();
const widths = [390, 320];
const height = 844;

type Visit = { pattern: string; path: string };

/** Visits each route once at 390 px, measures, narrows the window to 320 px and measures again. */
async function sidewaysScrolling(page: Page, who: string, routes: Visit[], inFlight: () => number) {
  const failures: string[] = [];
  let visited = 0;
  for (const [i, route] of routes.entries()) {
    await page.setViewportSize({ width: widths[0]!, height });
    // The first page loads from the server; the others are opened by the router, as a click on a link does:
    // the same page at the same width, without loading and starting the app again for each (twice as fast).
    if (i === 0) await page.goto(route.path);
    else await navigateInApp(page, route.path);
    await settle(page, inFlight, route.path);
    // A page the person may not open sends them to sign in: that page is measured on its own.
    if (new URL(page.url()).pathname === "/logga-in" && route.path !== "/logga-in") continue;
    visited++;
    for (const width of widths) {
      await page.setViewportSize({ width, height });
      await nextFrames(page);
      const { excess, culprits } = await sidewaysOverflow(page);
      if (excess > 0)
        failures.push(
          `${route.pattern} (${route.path}) as ${who} at ${width} px: ${excess} px sideways — ${culprits.join("; ")}`,
        );
    }
  }
  return { failures, visited };
}

it("lets no web route scroll sideways at 390 or 320 px, signed in or not", async () => {
  const page = await journey.newPage({ viewport: { width: widths[0]!, height } });
  const inFlight = trackRequests(page);
  const patterns = webRoutePaths();
  expect(patterns.length).toBeGreaterThan(80); // the router's declarations were read

  await login(page, "samordnare@demo.samspel.se");
  const routes = await concretePaths(page.request, patterns);
  const admin = routes.filter((r) => r.pattern.startsWith("/admin"));
  const coordinator = await sidewaysScrolling(page, "the coordinator", routes, inFlight);

  // Administration as an administrator (the audit log, retention, users), in the same window.
  await page.context().clearCookies();
  await login(page, "admin@demo.samspel.se");
  const administrator = await sidewaysScrolling(page, "an administrator", admin, inFlight);

  // The public face, signed out: every route anyone may open.
  await page.context().clearCookies();
  const anonymous = await sidewaysScrolling(page, "a visitor", routes, inFlight);

  expect(coordinator.visited).toBeGreaterThan(80);
  expect(administrator.visited).toBe(admin.length);
  expect(anonymous.visited).toBeGreaterThan(15);
  expect([...coordinator.failures, ...administrator.failures, ...anonymous.failures]).toEqual([]);
}, 600_000); // some 200 page loads

/** Where an element's box is, seen from the window: does it end inside the 1366 px screen? */
const rightEdges = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().right)));

it("keeps the columns that matter in view at 1366 × 768, and remembers a person's columns", async () => {
  const page = await journey.newPage({ viewport: { width: 1366, height: 768 } });
  const inFlight = trackRequests(page);
  await login(page, "samordnare@demo.samspel.se");
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
