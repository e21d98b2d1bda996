/** sv-SE / en-GB formatting used by the web and by generated reports. Never parse these strings back. */
export type Locale = "sv" | "en";
const tag = (locale: Locale) => (locale === "sv" ? "sv-SE" : "en-GB");

export function formatNumber(value: number, locale: Locale = "sv", digits = 0) {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits }).format(value);
}

/** `1 226 000 kr` */
export function formatKronor(value: number, locale: Locale = "sv") {
  return `${formatNumber(value, locale)} ${locale === "sv" ? "kr" : "SEK"}`;
}

/** `7,5 hp` — credits keep one decimal when they have one. */
export function formatCredits(value: number, locale: Locale = "sv") {
  return `${new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 }).format(value)} ${locale === "sv" ? "hp" : "credits"}`;
}

/** ISO dates are shown as they are in Swedish (2010-11-09); English gets the same unambiguous form. */
export function formatDate(iso: string | Date | null | undefined) {
  if (!iso) return "";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isNaN(d.getTime()) ? String(iso) : d.toISOString().slice(0, 10);
}

export function formatDateTime(iso: string | Date, locale: Locale = "sv") {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(tag(locale), {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(d);
}

const collators: Record<Locale, Intl.Collator> = {
  sv: new Intl.Collator("sv"),
  en: new Intl.Collator("en"),
};
/** Swedish order (Å, Ä, Ö after Z): PGlite has only the C collation, so sorting by name happens here. */
export function compareText(a: string, b: string, locale: Locale = "sv") {
  return collators[locale].compare(a, b);
}
