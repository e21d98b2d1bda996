import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { APIRequestContext, Page } from "playwright-core";
import { expect } from "vitest";
import { signInThroughApi } from "./actions.ts";
import type { Journey } from "./index.ts";

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/web");

/**
 * Every path the web router knows, read from where routes are declared: src/web/router.tsx, the places of
 * the main navigation (routes/places.ts, a "being built" page until a feature claims one) and each feature's
 * routes.tsx (`path: "/…"` or the features' `page("/…", …)` helper). The router cannot be built outside a
 * browser (its pages touch `window` when imported), so its declarations are read instead: a new route is
 * visited by the reflow test as soon as it is declared, and one with a parameter fails until it has an id.
 */
export function webRoutePaths(): string[] {
  const files = [
    path.join(web, "router.tsx"),
    ...readdirSync(path.join(web, "features"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.join(web, "features", d.name, "routes.tsx"))
      .filter((file) => existsSync(file)),
  ];
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:\bpath:\s*|\bpage\(\s*)"(\/[^"]*)"/g)) found.add(m[1]!);
  }
  const places = readFileSync(path.join(web, "routes/places.ts"), "utf8");
  for (const m of places.matchAll(/\bto:\s*"(\/[^"]*)"/g)) found.add(m[1]!);
  return [...found].sort();
}

type Json = Record<string, unknown>;
const firstId = (list: { items: Json[] }, where: (item: Json) => boolean = () => true) => {
  const item = list.items.find(where);
  if (!item) throw new Error("the demo data has no such record");
  return String(item.id);
};

/**
 * Real ids from the demo data (through the API, as the signed-in coordinator) for every route parameter,
 * keyed by the route's path. Token routes get a token that is not valid: the page shows its "link not
 * valid" state, which must fit too.
 */
export async function concretePaths(request: APIRequestContext, patterns: string[]) {
  const get = async (url: string) => {
    const res = await request.get(url);
    if (!res.ok()) throw new Error(`GET ${url}: ${res.status()}`);
    return (await res.json()) as Json & { items: Json[] };
  };
  const [
    activities,
    agreements,
    events,
    calls,
    spaces,
    localPlans,
    news,
    plans,
    frameworks,
    projects,
    rounds,
    bodies,
    meetings,
    organisations,
    people,
    programmes,
    courses,
    indicators,
    units,
  ] = await Promise.all(
    [
      "activities?limit=1",
      "agreements?limit=1",
      "events?limit=1",
      "calls?limit=200",
      "learning/spaces",
      "local-plans",
      "news?limit=1",
      "plans",
      "frameworks",
      "projects?limit=1",
      "review-rounds",
      "bodies",
      "meetings",
      "organisations?limit=1",
      "people?limit=1",
      "programmes?limit=1",
      "courses?limit=1",
      "indicators?limit=1",
      "compass/units",
    ].map((p) => get(`/api/${p}`)),
  );
  // The plan with the most items (its goals page is the widest), a call with ideas, a faculty's compass.
  const plan = await get(
    `/api/plans/${firstId({ items: [...plans!.items].sort((a, b) => Number(b.itemCount) - Number(a.itemCount)) })}`,
  );
  const call = firstId(calls!, (c) => Number(c.ideaCount) > 0);
  const idea = firstId(await get(`/api/ideas?callId=${call}&limit=1`));
  const token = "ogiltig-lank-0000000000000000";
  const ids: Record<string, Record<string, string>> = {
    "/aktiviteter/$id": { id: firstId(activities!) },
    "/avtal/$id": { id: firstId(agreements!) },
    "/evenemang/$id": { id: firstId(events!) },
    "/evenemang/hantera/$id": { id: firstId(events!) },
    "/evenemang/anmalan/$token": { token },
    "/idee/$id": { id: idea },
    "/ideer/utlysning/$id": { id: call },
    "/ideer/$token": { token },
    "/utlysningar/$id": { id: call },
    "/inbjudan/$token": { token },
    "/logga-in/lank/$token": { token },
    "/nyhetsbrev/bekrafta/$token": { token },
    "/nyhetsbrev/avregistrera/$token": { token },
    "/kompassen/enhet/$organisationId": { organisationId: firstId(units!, (u) => u.type === "fakultet") },
    "/kompassen/program/$programmeId": { programmeId: firstId(programmes!) },
    "/larplattform/$id": { id: firstId(spaces!) },
    "/lokalt-utvecklingsarbete/$id": { id: firstId(localPlans!) },
    "/nyheter/$id": { id: firstId(news!) },
    "/planer/$planId": { planId: String(plan.id) },
    "/planer/ramverk/$frameworkId": { frameworkId: firstId(frameworks!) },
    "/planer/projekt/$projectId": { projectId: firstId(projects!) },
    "/planer/projekt/avrapporteringar/$roundId": { roundId: firstId(rounds!) },
    "/register/organisationer/$id": { id: firstId(organisations!) },
    "/register/personer/$id": { id: firstId(people!) },
    "/register/program/$id": { id: firstId(programmes!) },
    "/register/kurser/$id": { id: firstId(courses!) },
    "/styrning/organ/$id": { id: firstId(bodies!) },
    "/styrning/moten/$id": { id: firstId(meetings!) },
    "/uppfoljning/indikatorer/$id": { id: firstId(indicators!) },
  };
  const planItem: Record<string, string> = {
    planId: String(plan.id),
    itemId: firstId({ items: plan.items as Json[] }),
  };
  return patterns.map((pattern) => {
    if (!pattern.includes("$")) return { pattern, path: pattern };
    // A sub-page takes the ids of the route it hangs under (/x/$id/redigera → /x/$id).
    const base = Object.keys(ids)
      .filter((k) => pattern === k || pattern.startsWith(`${k}/`))
      .sort((a, b) => b.length - a.length)[0];
    const params = pattern === "/planer/$planId/insats/$itemId" ? planItem : base && ids[base];
    if (!params)
      throw new Error(`The reflow test has no demo id for ${pattern}: add one in e2e/support/reflow.ts`);
    const concrete = pattern.replace(/\$(\w+)/g, (_, name: string) => {
      const value = params[name];
      if (!value) throw new Error(`No demo value for ${name} in ${pattern}`);
      return encodeURIComponent(value);
    });
    return { pattern, path: concrete };
  });
}

/** Follows the page's requests, so a check can wait until none is in flight. */
export function trackRequests(page: Page) {
  let inFlight = 0;
  page.on("request", () => inFlight++);
  const done = () => inFlight--;
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return () => inFlight;
}

/**
 * Opens `path` in the running app through the browser's history, which the router follows as it follows a
 * link. The heading of the page being left is marked with its text, so `settle` waits for the new page.
 */
export async function navigateInApp(page: Page, path: string) {
  await page.evaluate((to) => {
    for (const h1 of document.querySelectorAll("main h1")) h1.setAttribute("data-left", h1.textContent ?? "");
    (window as { reflowNavigatedAt?: number }).reflowNavigatedAt = performance.now();
    window.history.pushState(null, "", to);
  }, path);
}

/**
 * Until the page has its h1, no spinner and no request in flight, twice in a row 50 ms apart. After
 * `navigateInApp`, the h1 must be the new page's: not the marked one — unless React kept the element for a page
 * of the same kind and only its text changed, or the router sent the visitor elsewhere (to sign in), where
 * the same page may show again; a new page with the very same heading, or an error, gets a second. Until the page first looks so, it is watched from inside, every frame (not a
 * round trip and a 50 ms pause each time).
 */
export async function settle(page: Page, inFlight: () => number, to?: string) {
  const target = to ? new URL(to, "http://x").pathname : null;
  const looksReady = (path: string | null) => {
    const h1 = document.querySelector("main h1");
    const left = h1?.getAttribute("data-left");
    const isNew =
      !!h1 &&
      (left == null || left !== h1.textContent || (path !== null && window.location.pathname !== path));
    // A page whose heading reads as the one left (sign-in after sign-in) cannot be told from it by the heading,
    // and a record the visitor may not see shows an error in place of the page, without a heading: a second at
    // its address with either and no spinner counts as arrived.
    const navigatedAt = (window as { reflowNavigatedAt?: number }).reflowNavigatedAt ?? 0;
    const arrived = window.location.pathname === path && performance.now() - navigatedAt > 1000;
    const shown = !!h1 || !!document.querySelector("main [role=alert]");
    return (isNew || (arrived && shown)) && !document.querySelector(".loading");
  };
  // As long as 300 checks 50 ms apart took (a page that never looks ready is measured as it is then).
  const until = Date.now() + 20_000;
  let calm = 0;
  while (calm < 2 && Date.now() < until) {
    const ready =
      calm === 0
        ? await page
            .waitForFunction(looksReady, target, { polling: "raf", timeout: Math.max(1, until - Date.now()) })
            .then(
              () => true,
              () => false,
            )
        : await page.evaluate(looksReady, target);
    calm = ready && inFlight() <= 0 ? calm + 1 : 0;
    if (calm < 2) await page.waitForTimeout(50);
  }
}

/**
 * Waits two frames: after the window changes size, charts redraw at the new width in the frame after
 * (their ResizeObserver), as a person sees the page, not the instant in between.
 */
export function nextFrames(page: Page) {
  return page.evaluate(
    "new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))",
  );
}

/**
 * How far the document is wider than the viewport (0 when it fits), and where: the outermost elements
 * that stick out, or else the boxes whose text runs out of them. Frames that scroll by themselves
 * (.table-scroll) may be wide inside.
 */
export function sidewaysOverflow(page: Page) {
  // A string, not a function: the test runner's transform would add helpers the page does not have.
  return page.evaluate<{ excess: number; culprits: string[] }>(`(() => {
    const width = window.innerWidth;
    const excess = document.documentElement.scrollWidth - width;
    const culprits = [];
    if (excess <= 0) return { excess: 0, culprits };
    const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "");
    const where = (el) => {
      const chain = [];
      for (let a = el; a && a !== document.body && chain.length < 4; a = a.parentElement) chain.unshift(name(a));
      return chain.join(" > ");
    };
    for (const el of document.querySelectorAll("body *")) {
      if (culprits.length >= 5) break;
      const box = el.getBoundingClientRect();
      if (box.right <= width + 0.5 || box.width === 0) continue;
      const parent = el.parentElement;
      if (parent && parent.getBoundingClientRect().right > width + 0.5) continue;
      if (parent && parent.closest(".table-scroll")) continue;
      culprits.push(where(el) + " (right edge " + Math.round(box.right) + " px)");
    }
    for (const el of document.querySelectorAll("main *")) {
      if (culprits.length >= 5) break;
      if (el.closest(".table-scroll") || getComputedStyle(el).overflowX !== "visible") continue;
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        culprits.push(where(el) + " (content " + el.scrollWidth + " px in " + el.clientWidth + " px)");
    }
    return { excess, culprits };
  })()`);
}

/**
 * Issue 15, WCAG 1.4.10 (reflow): every web route, at a 390 px phone and at 320 px, may not scroll
 * sideways — a wide table scrolls inside its own frame, the page never. The routes are checked in four
 * journey files that run side by side (reflow-coordinator-even and -odd, reflow-admin, reflow-visitor): together
 * some 200 page visits, too long for one file while the other worker has nothing left to do.
 */
export const reflowWidths = [390, 320];
export const reflowHeight = 844;

export type Visit = { pattern: string; path: string };

/** Visits each route once at 390 px, measures, narrows the window to 320 px and measures again. */
export async function sidewaysScrolling(page: Page, who: string, routes: Visit[], inFlight: () => number) {
  const failures: string[] = [];
  let visited = 0;
  for (const [i, route] of routes.entries()) {
    await page.setViewportSize({ width: reflowWidths[0]!, height: reflowHeight });
    // The first page loads from the server; the others are opened by the router, as a click on a link does:
    // the same page at the same width, without loading and starting the app again for each (twice as fast).
    if (i === 0) await page.goto(route.path);
    else await navigateInApp(page, route.path);
    await settle(page, inFlight, route.path);
    // A page the person may not open sends them to sign in: that page is measured on its own.
    if (new URL(page.url()).pathname === "/logga-in" && route.path !== "/logga-in") continue;
    visited++;
    for (const width of reflowWidths) {
      await page.setViewportSize({ width, height: reflowHeight });
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

/** Every route the router declares, with real demo ids, looked up by the signed-in coordinator on `page`. */
export async function allRoutes(page: Page) {
  const patterns = webRoutePaths();
  expect(patterns.length).toBeGreaterThan(80); // the router's declarations were read
  return concretePaths(page.request, patterns);
}

/** A phone-sized window that follows its requests (for `settle`). */
export async function phoneWindow(journey: Journey) {
  const page = await journey.newPage({ viewport: { width: reflowWidths[0]!, height: reflowHeight } });
  return { page, inFlight: trackRequests(page) };
}

/**
 * The signed-in coordinator's half of the routes (`half` 0: the 1st, 3rd, 5th… in path order, 1: the 2nd,
 * 4th…: neighbouring pages of one feature cost alike, so the halves take as long). Each half must open more
 * than 40 of its pages — together more than 80, as when one window visited them all.
 */
export async function coordinatorReflow(journey: Journey, half: 0 | 1) {
  const { page, inFlight } = await phoneWindow(journey);
  await signInThroughApi(page, "samordnare@demo.samspel.se");
  const routes = (await allRoutes(page)).filter((_, i) => i % 2 === half);
  const coordinator = await sidewaysScrolling(page, "the coordinator", routes, inFlight);
  expect(coordinator.visited).toBeGreaterThan(40);
  expect(coordinator.failures).toEqual([]);
}

/** The routes with ids looked up by the coordinator in a context of its own (signed in through the API). */
export async function routesLookedUpByCoordinator(journey: Journey) {
  const lookup = await journey.newPage();
  await signInThroughApi(lookup, "samordnare@demo.samspel.se");
  const routes = await allRoutes(lookup);
  await lookup.context().close();
  return routes;
}
