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

const loadPage = () => firstPages[location.pathname.replace(/\/+$/, "") || "/"]?.().catch(() => {});

/**
 * A page the server sent drawn (vite.config.ts, afterFirstPaint) names its scripts instead of loading them, so
 * that its stylesheets have the connections to themselves: once the page has painted, they load from here —
 * the modules the main bundle imports as preloads beside it, so none waits for the one before.
 */
const afterPaint = document.querySelector<HTMLMetaElement>('meta[name="samspel-after-paint"]');
if (afterPaint) {
  // A requestAnimationFrame callback runs before the next paint; a task it queues runs after that paint.
  requestAnimationFrame(() =>
    setTimeout(() => {
      const [entry, ...modules] = afterPaint.content.split(" ");
      for (const href of modules) {
        const link = document.createElement("link");
        link.rel = "modulepreload";
        link.crossOrigin = "";
        link.href = href;
        document.head.append(link);
      }
      loadPage();
      // Failing to load is what a failing <script> would be: the drawn page stays as it is.
      if (entry) import(/* @vite-ignore */ entry).catch(() => {});
    }),
  );
} else loadPage();
