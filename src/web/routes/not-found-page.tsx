import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/page-header.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("notFoundPage.title")} />
      <p>{t("notFoundPage.body")}</p>
      <p>
        <Link to="/">{t("nav.start")}</Link>
      </p>
    </>
  );
}
