/**
 * Starts loading the first page's chunk at once, beside the main bundle, instead of after it (when the router
 * would ask for it): on a slow phone connection that is a round trip and a download less before the page
 * shows. Only the public first pages people arrive at (the login page and the calendar, issue 14); the router
 * loads every page itself as well, so a path missing here only loads later, and a chunk that fails to load
 * here is the router's to report. vite.config.ts (firstPage) puts it in index.html ahead of main.tsx.
 */
import { loadLoginPage } from "./features/accounts/index.ts";
import { loadCalendarPage } from "./features/events/index.ts";

const firstPages: Record<string, () => Promise<unknown>> = {
  "/logga-in": loadLoginPage,
  "/evenemang": loadCalendarPage,
};

firstPages[location.pathname.replace(/\/+$/, "") || "/"]?.().catch(() => {});
