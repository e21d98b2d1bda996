import { Outlet, rootRouteId, useRouteContext, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { RouterContext } from "../routes/root.tsx";
import { Footer } from "./footer.tsx";
import { Header } from "./header.tsx";

/** Skip link, header with the main navigation, the page in <main>, footer. */
export function Layout() {
  const { t } = useTranslation();
  const { nav } = useRouteContext({ from: rootRouteId }) as RouterContext;
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigation(mainRef);

  return (
    <div className="app">
      {/* A plain fragment link works before JavaScript; <main tabIndex=-1> takes the focus. */}
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <Header nav={nav} />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}

/**
 * A single-page app does not reload, so screen-reader users would not notice a new page: after
 * each navigation (not the first load) focus moves to the new page's <h1>, else to <main>.
 */
function useFocusOnNavigation(mainRef: React.RefObject<HTMLElement | null>) {
  // The resolved location changes once the new page is on screen; `location` changes when the
  // navigation starts, while the old page (or, for a page still loading its chunk, nothing) shows.
  const pathname = useRouterState({ select: (s) => s.resolvedLocation?.pathname });
  const shown = useRef(pathname);
  useEffect(() => {
    const previous = shown.current;
    shown.current = pathname;
    if (previous === undefined || previous === pathname) return; // the first load keeps focus where it is
    const heading = mainRef.current?.querySelector<HTMLElement>("h1");
    (heading ?? mainRef.current)?.focus();
  }, [pathname, mainRef]);
}
