/** The public site: start page, news, about pages. What the app shell uses of it: the public start page. */
export { PublicStartPage } from "./public-start-page.tsx";
