import type { QueryClient } from "@tanstack/react-query";
import { type AnyRoute, createRoute, createRouter, type RouterHistory } from "@tanstack/react-router";
import { Spinner } from "./components/spinner.tsx";
import { features } from "./features/index.ts";
import { AccessibilityPage } from "./routes/accessibility-page.tsx";
import { ComingSoonPage } from "./routes/coming-soon-page.tsx";
import { ErrorPage } from "./routes/error-page.tsx";
import { mergeNav, places } from "./routes/places.ts";
import { rootRoute } from "./routes/root.tsx";
import { StartPage } from "./routes/start-page.tsx";

const startRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: StartPage });
const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/tillganglighet",
  component: AccessibilityPage,
});

const normalise = (path: string) => `/${path.replace(/^\/+|\/+$/g, "")}`;

/** A "being built" page for every place no page claims yet (features take precedence). */
function placeholders(claimed: AnyRoute[]): AnyRoute[] {
  const taken = new Set(claimed.map((r) => normalise(String((r.options as { path?: string }).path ?? ""))));
  return places
    .filter((place) => !taken.has(place.to))
    .map((place) =>
      createRoute({
        getParentRoute: () => rootRoute,
        path: place.to,
        component: () => <ComingSoonPage labelKey={place.labelKey} />,
      }),
    );
}

/** `history`: the browser's unless given (the build's prerender of the first pages, prerender.tsx). */
export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  const pages: AnyRoute[] = [startRoute, accessibilityRoute, ...features.flatMap((f) => f.routes)];
  const routeTree = rootRoute.addChildren([...pages, ...placeholders(pages)]);
  return createRouter({
    routeTree,
    history,
    context: { queryClient, nav: mergeNav(features.flatMap((f) => f.nav ?? [])) },
    defaultPreload: "intent",
    scrollRestoration: true,
    // Pages load in their own chunks (routes/lazy-page.ts). While one loads (or a guard waits for
    // the server) the old page stays; only after 300 ms does a spinner take its place, and then for
    // at least 500 ms, so fast loads do not flash and slow ones do not flicker.
    defaultPendingComponent: () => <Spinner />,
    defaultPendingMs: 300,
    defaultPendingMinMs: 500,
    // A page's error (a guard's 403, a chunk that failed to load) shows inside the layout, so the
    // header, navigation and skip link stay; the root's errorComponent is left for the layout itself.
    defaultErrorComponent: ErrorPage,
  });
}
