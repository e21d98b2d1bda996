import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

/** The registers' sub-navigation between programmes and courses (a second <nav> with its own label). */
export function RegisterNav() {
  const { t } = useTranslation();
  const active = { "aria-current": "page", className: "active" } as const;
  return (
    <nav aria-label={t("programmes.registersTitle")} className="sub-nav">
      <ul>
        <li>
          <Link to="/register/program" activeProps={active}>
            {t("programmes.programmesTitle")}
          </Link>
        </li>
        <li>
          <Link to="/register/kurser" activeProps={active}>
            {t("programmes.coursesTitle")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
