import { Link, useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLogout, useMe } from "../auth.ts";
import type { NavItem } from "../features/types.ts";
import { LanguageSwitch } from "./language-switch.tsx";
import { MainNav } from "./main-nav.tsx";

/** App name, language, account links and the main navigation (collapsed behind "Meny" on phones). */
export function Header({ nav }: { nav: NavItem[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the phone menu whenever the page changes
  useEffect(() => setMenuOpen(false), [pathname]);
  const toggle = useRef<HTMLButtonElement>(null);
  // Escape closes the open phone menu and gives the focus back to its button (issue 15, WCAG 2.1.2).
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      setMenuOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [menuOpen]);

  const onLogout = async () => {
    await logout.mutateAsync().catch(() => {}); // the session is dropped locally either way
    await navigate({ to: "/logga-in", search: { loggedOut: true } });
  };

  return (
    <header className="site-header">
      <div className="header-bar">
        <Link to="/" className="app-name">
          {t("app.name")}
        </Link>
        <div className="header-tools">
          <LanguageSwitch />
          {me ? (
            <>
              <Link to="/konto" className="header-link" activeProps={{ "aria-current": "page" }}>
                {t("nav.account")}
                <span className="visually-hidden">, {t("auth.loggedInAs", { name: me.name })}</span>
              </Link>
              <button type="button" className="header-link" onClick={onLogout}>
                {t("nav.logout")}
              </button>
            </>
          ) : (
            <Link to="/logga-in" className="header-link">
              {t("nav.login")}
            </Link>
          )}
          <button
            ref={toggle}
            type="button"
            className="header-link menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t("nav.menu")}
          </button>
        </div>
      </div>
      <MainNav items={nav} me={me} open={menuOpen} />
    </header>
  );
}
