import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/page-header.tsx";

/** An honest placeholder for a place whose module is not built yet. */
export function ComingSoonPage({ labelKey }: { labelKey: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("comingSoon.title", { module: t(labelKey) })} />
      <p>{t("comingSoon.body")}</p>
    </>
  );
}
