import sv from "virtual:samspel-strings/sv";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { SupportedLocale } from "../../common/i18n/index.ts";

const supportedLocales: readonly SupportedLocale[] = ["sv", "en"];

/**
 * Swedish is in the first page's bundle; English loads when chosen (vite.config.ts builds each language's
 * strings apart), before the language switches, so no page ever renders with keys in place of words.
 */
async function loadStrings(language: SupportedLocale) {
  if (i18n.hasResourceBundle(language, "translation")) return;
  const strings = language === "en" ? (await import("virtual:samspel-strings/en")).default : sv;
  i18n.addResourceBundle(language, "translation", strings);
}

const STORAGE_KEY = "samspel_lang";
// The server reads this cookie to translate problem+json details and generated files.
const COOKIE = "samspel_lang";

/** Swedish unless the person chose English before (localStorage, else the cookie). */
function initialLanguage(): SupportedLocale {
  if (typeof document === "undefined") return "sv"; // the build's prerender of the first pages (prerender.tsx)
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
  await loadStrings(language);
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
  if (typeof document !== "undefined") document.documentElement.lang = language;
});

// Swedish is bundled, so initialisation is synchronous: the first render already has its strings. A person
// who chose English waits for its strings here (main.tsx renders after this module).
const language = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv } },
  initAsync: false,
  lng: language,
  fallbackLng: "sv",
  supportedLngs: [...supportedLocales],
  interpolation: { escapeValue: false }, // React escapes already
});
if (language !== "sv") await loadStrings(language).then(() => i18n.changeLanguage(language));
if (typeof document !== "undefined") document.documentElement.lang = i18n.language;

export default i18n;
