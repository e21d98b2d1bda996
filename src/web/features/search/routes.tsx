import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { SearchPage } from "./search-page.tsx";

/** `/sok?q=Härnösand` — the header's search box navigates here: navigate({ to: "/sok", search: { q } }). */
const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sok",
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({
    q: typeof search.q === "string" ? search.q.slice(0, 200) : undefined,
  }),
  component: function SearchRoute() {
    const { q = "" } = searchRoute.useSearch();
    return <SearchPage key={q} q={q} />;
  },
});

export const searchFeature: Feature = { name: "search", routes: [searchRoute] };
