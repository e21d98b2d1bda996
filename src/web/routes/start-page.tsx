import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { meQuery } from "../auth.ts";
import { PageHeader } from "../components/page-header.tsx";
import { Spinner } from "../components/spinner.tsx";
import { PublicStartPage } from "../features/site/index.ts";

/** "/": the public start page for visitors (issue 18), and where to begin for those signed in. */
export function StartPage() {
  const me = useQuery(meQuery);
  if (me.isPending) return <Spinner />;
  return me.data ? <SignedInStartPage /> : <PublicStartPage />;
}

/** What Samspel is and where to begin: the four places most people start from. */
function SignedInStartPage() {
  const { t } = useTranslation();
  const steps = [
    { to: "/register", text: t("start.stepRegisters"), label: t("nav.registers") },
    { to: "/aktiviteter", text: t("start.stepActivities"), label: t("nav.activities") },
    { to: "/kompassen", text: t("start.stepCompass"), label: t("nav.compass") },
    { to: "/uppfoljning", text: t("start.stepFollowUp"), label: t("nav.followUp") },
  ];
  return (
    <>
      <PageHeader title={t("start.title")} intro={<p className="lead">{t("start.intro")}</p>} />
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
