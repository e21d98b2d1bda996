/** The site module's door: news, the page texts and the public start page (issue 18, item 5). */
export { createNews, listPublishedNews, updateNews } from "./news.service.ts";
export { savePage } from "./pages.service.ts";
export { registerSiteRoutes } from "./site.routes.ts";
