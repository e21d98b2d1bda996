import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const SearchPage = lazyPage(() => import("./search-page.tsx"), "SearchPage");

/** `/sok?q=Härnösand` — the header's search box navigates here: navigate({ to: "/sok", search: { q } }). */
const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sok",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({
    q: typeof search.q === "string" ? search.q.slice(0, 200) : undefined,
  }),
  component: withPage(SearchPage, function SearchRoute() {
    const { q = "" } = searchRoute.useSearch();
    return <SearchPage key={q} q={q} />;
  }),
});

export const searchFeature: Feature = { name: "search", routes: [searchRoute] };
