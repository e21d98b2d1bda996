import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

/**
 * The page's one <h1>, also used as the document title (WCAG 2.4.2) so browser tabs and
 * screen readers name the page. The layout moves focus to this heading after navigation.
 */
export function PageHeader({
  title,
  intro,
  actions,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const appName = t("app.name");
  useEffect(() => {
    document.title = title === appName ? appName : `${title} – ${appName}`;
  }, [title, appName]);
  return (
    <div className="page-header">
      <div>
        <h1 tabIndex={-1}>{title}</h1>
        {intro && <div className="page-intro">{intro}</div>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
