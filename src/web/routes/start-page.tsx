import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "../auth.ts";
import { PageHeader } from "../components/page-header.tsx";

/** What Samspel is and where to begin: the four places most people start from. */
export function StartPage() {
  const { t } = useTranslation();
  const me = useMe();
  const steps = [
    { to: "/register", text: t("start.stepRegisters"), label: t("nav.registers") },
    { to: "/aktiviteter", text: t("start.stepActivities"), label: t("nav.activities") },
    { to: "/kompassen", text: t("start.stepCompass"), label: t("nav.compass") },
    { to: "/uppfoljning", text: t("start.stepFollowUp"), label: t("nav.followUp") },
  ];
  return (
    <>
      <PageHeader title={t("start.title")} intro={<p className="lead">{t("start.intro")}</p>} />
      {!me && (
        <div className="callout">
          <p>{t("start.loginPrompt")}</p>
          <Link to="/logga-in" className="btn btn-primary">
            {t("nav.login")}
          </Link>
        </div>
      )}
      <section aria-labelledby="where-to-begin">
        <h2 id="where-to-begin">{t("start.whereToBegin")}</h2>
        <ol className="card-list">
          {steps.map((step) => (
            <li key={step.to} className="card">
              <h3>
                <Link to={step.to}>{step.label}</Link>
              </h3>
              <p>{step.text}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
