/**
 * The first pages drawn at build time (issue 14, goal 6): the markup React would render for an anonymous
 * visitor in Swedish, which vite.config.ts (pageHtml) puts into the page's own HTML. The browser shows it as
 * soon as the HTML and the stylesheet have arrived, instead of after the scripts; main.tsx then renders the
 * same markup in its place, so nothing moves. Run by the build in Node (Vite's SSR loader), never shipped.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import "./i18n/index.ts";
import { createAppRouter } from "./router.tsx";

/** `answers`: query data by query key (JSON) the page finds in its cache, as if fetched. */
export async function prerender(path: string, answers: [readonly unknown[], unknown][]): Promise<string> {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(["me"], null);
  for (const [key, data] of answers) queryClient.setQueryData(key, data);
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [path] }));
  await router.load();
  return renderToString(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
