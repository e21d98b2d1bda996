/** Events: what other parts of the web app use of it. */

/** Loads the public calendar's chunk ahead of the router, for a visitor who arrives there (src/web/first-page.ts). */
export const loadCalendarPage = () => import("./calendar-page.tsx");
