import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { currentLanguage, setLanguage } from "../i18n/index.ts";

/**
 * One button that offers the other language, named in that language ("English" / "Svenska") and
 * marked with its `lang` so screen readers pronounce it right.
 */
export function LanguageSwitch() {
  const { t } = useTranslation(); // re-renders on a language change
  const queryClient = useQueryClient();
  const other = currentLanguage() === "sv" ? "en" : "sv";
  const switchLanguage = async () => {
    await setLanguage(other);
    // Data may carry text the server translated (labels, messages): fetch it again in the new language.
    await queryClient.invalidateQueries();
  };
  return (
    <button type="button" className="header-link" lang={other} onClick={() => void switchLanguage()}>
      {other === "en" ? t("common.switchToEnglish") : t("common.switchToSwedish")}
    </button>
  );
}
