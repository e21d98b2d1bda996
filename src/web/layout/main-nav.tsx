import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../auth.ts";
import type { NavItem, Requirement } from "../features/types.ts";

/** Whether the user meets a nav item's requirement; the rules themselves live on the server (Me.abilities). */
export function meets(me: Me | null, requirement: Requirement | undefined) {
  if (!requirement) return true;
  if (!me) return false;
  return requirement === "login" || me.abilities[requirement];
}

export function MainNav({ items, me, open }: { items: NavItem[]; me: Me | null; open: boolean }) {
  const { t } = useTranslation();
  return (
    <nav id="main-nav" aria-label={t("nav.main")} className={`main-nav${open ? " open" : ""}`}>
      <ul>
        {items
          .filter((item) => meets(me, item.requires))
          .map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                activeOptions={{ exact: item.to === "/" }}
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
