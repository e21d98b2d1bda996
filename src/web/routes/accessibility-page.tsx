import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/page-header.tsx";

// Update together with the statement's content: the law asks for the date of the last review.
const STATEMENT_UPDATED = "2026-01-15";

/** The accessibility statement the Swedish DOS act requires of public bodies' services. */
export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <article className="prose">
      <PageHeader title={t("a11y.title")} intro={<p className="lead">{t("a11y.intro")}</p>} />
      <h2>{t("a11y.statusTitle")}</h2>
      <p>{t("a11y.status")}</p>
      <h2>{t("a11y.knownIssuesTitle")}</h2>
      <p>{t("a11y.knownIssues")}</p>
      <h2>{t("a11y.reportTitle")}</h2>
      <p>{t("a11y.report")}</p>
      <p>{t("a11y.updated", { date: STATEMENT_UPDATED })}</p>
    </article>
  );
}
