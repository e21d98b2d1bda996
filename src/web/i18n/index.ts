import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { resources, type SupportedLocale, supportedLocales } from "../../common/i18n/index.ts";

const STORAGE_KEY = "samspel_lang";
// The server reads this cookie to translate problem+json details and generated files.
const COOKIE = "samspel_lang";

/** Swedish unless the person chose English before (localStorage, else the cookie). */
function initialLanguage(): SupportedLocale {
  const stored = readStorage() ?? document.cookie.match(/(?:^|;\s*)samspel_lang=(\w+)/)?.[1];
  return supportedLocales.find((l) => l === stored) ?? "sv";
}

function readStorage() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage may be blocked; the cookie still works
  }
}

/** Switches the UI language and remembers it in localStorage and the cookie the server reads. */
export async function setLanguage(language: SupportedLocale) {
  await i18n.changeLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // ignored: see readStorage
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox; this value needs no escaping
  document.cookie = `${COOKIE}=${language}; path=/; max-age=31536000; samesite=lax`;
}

export function currentLanguage(): SupportedLocale {
  return i18n.language === "en" ? "en" : "sv";
}

// Screen readers pick their voice from <html lang>: keep it in step with the UI language.
i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});

// Resources are bundled, so initialisation is synchronous: the first render already has its strings.
void i18n.use(initReactI18next).init({
  resources,
  initAsync: false,
  lng: initialLanguage(),
  fallbackLng: "sv",
  supportedLngs: [...supportedLocales],
  interpolation: { escapeValue: false }, // React escapes already
});
document.documentElement.lang = i18n.language;

export default i18n;
