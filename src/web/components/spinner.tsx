import { useTranslation } from "react-i18next";

/** Shown while data loads; the text is visible too, so nobody has to guess what the wheel means. */
export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="loading">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t("common.loading")}</span>
    </div>
  );
}
