import i18n from "i18next";
import {
  formatPeriodText,
  monthNames,
  formatCount as sharedCount,
  formatMonth as sharedMonth,
  formatPeriod as sharedPeriod,
} from "../../common/period.ts";

/**
 * Periods and counts as people read them (issue 15): `jan 2012 – dec 2013`, `4 992`. The formatter itself is
 * shared with the server (src/common/period.ts); this file adds the UI language.
 */

type Lang = "sv" | "en";
// The UI language (i18next is set up by src/web/i18n); Swedish before it is.
const lang = (): Lang => (i18n.language?.startsWith("en") ? "en" : "sv");

export { monthNames };

export const dayNames: Record<Lang, { full: string[]; short: string[] }> = {
  sv: {
    full: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
    short: ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
  },
  en: {
    full: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    short: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
  },
};

/** `4 992` (a no-break space between thousands in Swedish); `–` for nothing. */
export function formatCount(value: number | null | undefined, language: Lang = lang()): string {
  return sharedCount(value, language);
}

/** `jan 2012`; `15 jan 2012` when the day matters (not the first or, for an end, the last of the month). */
export function formatMonth(value: string | null | undefined, end = false, language: Lang = lang()): string {
  return sharedMonth(value, end, language);
}

/**
 * `jan 2012 – dec 2013` from ISO dates or months; an open end reads `från jan 2012` / `till dec 2013`.
 * Also reads a stored label such as `012012-122013` (when called with the label alone).
 */
export function formatPeriod(
  start: string | null | undefined,
  end?: string | null,
  language: Lang = lang(),
): string {
  if (start && end === undefined) return formatPeriodText(start, language);
  return sharedPeriod(start, end, language);
}

/** Kept for the pages that call it: a start and end date as a period in words. */
export function periodText(start: string | null, end: string | null) {
  return formatPeriod(start, end);
}
