import { createRoute } from "@tanstack/react-router";
import { requireAbility } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the public start page is in the shell (routes/start-page.tsx).
const NewsListPage = lazyPage(() => import("./news-pages.tsx"), "NewsListPage");
const NewsItemPage = lazyPage(() => import("./news-pages.tsx"), "NewsItemPage");
const NewsEditorPage = lazyPage(() => import("./news-editor-page.tsx"), "NewsEditorPage");
const AboutPage = lazyPage(() => import("./about-pages.tsx"), "AboutPage");
const PartiesPage = lazyPage(() => import("./about-pages.tsx"), "PartiesPage");
const SectorGroupsPage = lazyPage(() => import("./about-pages.tsx"), "SectorGroupsPage");

const newsRoute = createRoute({ getParentRoute: () => rootRoute, path: "/nyheter", component: NewsListPage });
const newsEditorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/nyheter/redigera",
  beforeLoad: requireAbility("coordinate"),
  component: NewsEditorPage,
});
const newsItemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/nyheter/$id",
  component: withPage(NewsItemPage, function NewsItemRoute() {
    return <NewsItemPage id={newsItemRoute.useParams().id} />;
  }),
});
const aboutRoute = createRoute({ getParentRoute: () => rootRoute, path: "/om", component: AboutPage });
const partiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/om/parterna",
  component: PartiesPage,
});
const sectorGroupsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/om/sektorsgrupper",
  component: SectorGroupsPage,
});

/** The public face: news (and its editor), about, the parties, the sector groups. */
export const siteFeature: Feature = {
  name: "site",
  routes: [newsRoute, newsEditorRoute, newsItemRoute, aboutRoute, partiesRoute, sectorGroupsRoute],
  nav: [
    { to: "/nyheter", labelKey: "site.nav.news", order: 62 },
    { to: "/om", labelKey: "site.nav.about", order: 64 },
  ],
};
