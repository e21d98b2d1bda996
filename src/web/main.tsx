import "./zod-config.ts"; // before any schema parses: no eval under the Content-Security-Policy
import "./i18n/index.ts"; // first: the first render needs its strings
import "./styles.css";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { ApiError } from "./api.ts";
import { isDrawn, keepWhatWasTyped } from "./drawn-page.ts";
import { createAppRouter } from "./router.tsx";

const queryClient: QueryClient = new QueryClient({
  // A 401 on any query means the session ended (expired, or logged out elsewhere): ask /me again,
  // so the header and the guards see the public instead of a stale user.
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== "me") {
        void queryClient.invalidateQueries({ queryKey: ["me"] });
      }
    },
  }),
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network hiccups and 5xx get one more try.
      retry: (count, error) =>
        count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});
const router = createAppRouter(queryClient);

const root = document.getElementById("root")!;
if (isDrawn(root)) {
  keepWhatWasTyped(root);
  // The page's chunk and data first, so React's first render is the whole page in place of the drawn one
  // (not a spinner in between, which would move the footer twice).
  await router.load();
}
// As a transition, React draws the first page in slices of a few milliseconds instead of in one long task that
// would keep a slow phone from answering a tap (Lighthouse's total blocking time); what the page shows until
// then (the drawn page, else the header) stays until the whole first page is ready.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
