/**
 * The personal overview: the start page after signing in (issue 15 item 1). The app shell's start page
 * shows it to signed-in users; kept in the main chunk, like the public start page, since it is the first
 * page everyone sees after signing in.
 */
export { OverviewPage } from "./overview-page.tsx";
