import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader, registers } from "../../components/index.ts";

/** /register: what the registers are and where each one is. */
export function RegistersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t("organisations.registers.title")}
        intro={<p className="lead">{t("organisations.registers.intro")}</p>}
      />
      <ul className="card-list">
        {registers.map((r) => (
          <li key={r.to} className="card">
            <h2>
              <Link to={r.to}>{t(r.titleKey)}</Link>
            </h2>
            <p>{t(r.textKey)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
