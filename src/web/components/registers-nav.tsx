import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

/** The registers, as one list: the /register page's cards and every register page's sub-navigation. */
export const registers = [
  {
    to: "/register/organisationer",
    titleKey: "organisations.title",
    textKey: "organisations.registers.organisations",
  },
  { to: "/register/personer", titleKey: "people.title", textKey: "organisations.registers.people" },
  {
    to: "/register/program",
    titleKey: "programmes.programmesTitle",
    textKey: "organisations.registers.programmes",
  },
  { to: "/register/kurser", titleKey: "programmes.coursesTitle", textKey: "organisations.registers.courses" },
] as const;

/** Sub-navigation between the registers (a second <nav> with its own label). */
export function RegistersNav() {
  const { t } = useTranslation();
  const active = { "aria-current": "page", className: "active" } as const;
  return (
    <nav aria-label={t("organisations.registers.title")} className="sub-nav">
      <ul>
        {registers.map((r) => (
          <li key={r.to}>
            <Link to={r.to} activeProps={active}>
              {t(r.titleKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
