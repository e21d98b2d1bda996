import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>
        {t("app.name")} – {t("app.tagline")}
      </p>
      <ul>
        <li>
          <Link to="/tillganglighet">{t("nav.accessibility")}</Link>
        </li>
        <li>
          {/* The API reference is served by the server, outside the SPA: a plain link reloads. */}
          <a href="/api/docs">{t("nav.apiDocs")}</a>
        </li>
      </ul>
    </footer>
  );
}
