import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext } from "@tanstack/react-router";
import type { NavItem } from "../features/types.ts";
import { Layout } from "../layout/layout.tsx";
import { ErrorPage } from "./error-page.tsx";
import { NotFoundPage } from "./not-found-page.tsx";

export interface RouterContext {
  queryClient: QueryClient;
  /** The main navigation: the places merged with the features' entries (see features/index.ts). */
  nav: NavItem[];
}

/** The shared root and layout: header, navigation, <main>, footer. Every page is its child. */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Layout,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});
