import { lazyRouteComponent } from "@tanstack/react-router";
import type { FunctionComponent } from "react";

/**
 * Each page loads in its own chunk, so a visitor to the public calendar or the login page does not
 * download every module's pages (the main bundle held them all: 1.04 MB). Route definitions — paths,
 * search validation, guards — stay eager in the routes.tsx files; only page modules are split.
 * Per page rather than per feature: opening the calendar should not fetch the organisers' pages,
 * and code pages share (design system, api, i18n) stays in the main chunk or in shared chunks that
 * Vite preloads alongside, so finer chunks cost no extra round trips. The shell (routes/, router.tsx)
 * imports design-system parts from their own files, not components/index.ts: the barrel brings the
 * form helpers and with them zod into the main chunk.
 *
 *   const CalendarPage = lazyPage(() => import("./calendar-page.tsx"), "CalendarPage");
 *
 * The result is a component with `.preload()`: used directly as a route's `component`, the router
 * loads it on hover (defaultPreload "intent") and before it shows the route. A failed load after a
 * redeploy reloads the document once (TanStack's own handling), then reaches the ErrorPage.
 */
export const lazyPage = lazyRouteComponent;

interface Preloadable {
  preload?: () => Promise<void> | undefined;
}

/**
 * For a route component that reads params or search and renders a lazy page with them: the router
 * only preloads a route's own `component`, so this hands the page's preload to the wrapper. The
 * chunk then arrives before the navigation commits — the pending spinner covers a slow load, the
 * page never suspends half-drawn, and focus on navigation finds the new page's <h1>.
 */
export function withPage<C extends FunctionComponent>(page: Preloadable, component: C): C & Preloadable {
  return Object.assign(component, { preload: () => page.preload?.() });
}
