import { Link, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../auth.ts";
import type { NavItem, Requirement } from "../features/types.ts";

/** Whether the user meets a nav item's requirement; the rules themselves live on the server (Me.abilities). */
export function meets(me: Me | null, requirement: Requirement | undefined) {
  if (!requirement) return true;
  if (!me) return false;
  return requirement === "login" || me.abilities[requirement];
}

/**
 * The one item the page belongs to: the longest `to` that the path starts with (segment by segment).
 * Under /evenemang/hantera that is "Hantera evenemang", not also "Evenemang" (issue 15: one aria-current).
 */
export function currentItem(items: { to: string }[], pathname: string): string | null {
  const within = (to: string) =>
    to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
  return items.filter((i) => within(i.to)).sort((a, b) => b.to.length - a.to.length)[0]?.to ?? null;
}

export function MainNav({ items, me, open }: { items: NavItem[]; me: Me | null; open: boolean }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const shown = items.filter((item) => meets(me, item.requires));
  const current = currentItem(shown, pathname);
  return (
    <nav id="main-nav" aria-label={t("nav.main")} className={`main-nav${open ? " open" : ""}`}>
      <ul>
        {shown.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              // The router marks every item whose path is a prefix; only the current one may be.
              activeOptions={{ exact: item.to !== current }}
              activeProps={{ "aria-current": "page", className: "active" }}
            >
              {t(item.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
