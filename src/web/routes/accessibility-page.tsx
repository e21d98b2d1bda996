import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/page-header.tsx";

// Update together with the statement's content: the law asks for the date of the last review.
const STATEMENT_UPDATED = "2026-12-03";

/** The known shortcomings, listed until they are fixed (issue 15: an honest statement). */
const knownIssues = [
  "issueReflow",
  "issueWideTables",
  "issueCharts",
  "issueDocuments",
  "issueReview",
] as const;

/**
 * The accessibility statement the Swedish DOS act requires of public bodies' services: how far the
 * service complies with EN 301 549 / WCAG 2.1 AA, what does not work yet, how to report, and when it
 * was last reviewed.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <article className="prose">
      <PageHeader title={t("a11y.title")} intro={<p className="lead">{t("a11y.intro")}</p>} />
      <h2>{t("a11y.statusTitle")}</h2>
      <p>{t("a11y.compliance")}</p>
      <p>{t("a11y.status")}</p>
      <h2>{t("a11y.knownIssuesTitle")}</h2>
      <p>{t("a11y.knownIssuesIntro")}</p>
      <ul>
        {knownIssues.map((key) => (
          <li key={key}>{t(`a11y.${key}`)}</li>
        ))}
      </ul>
      <h2>{t("a11y.reportTitle")}</h2>
      <p>{t("a11y.report")}</p>
      <p>{t("a11y.method")}</p>
      <p>{t("a11y.updated", { date: STATEMENT_UPDATED })}</p>
    </article>
  );
}
