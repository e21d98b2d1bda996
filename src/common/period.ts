/**
 * Periods and counts as people read them (issue 15): `jun 2012 – jun 2014`, `från jun 2012`, `4 992`.
 * The ONE formatter for the server (portfolio labels, reports) and the web (src/web/lib/format.ts calls it),
 * so tables, charts, the Gantt and exported sheets agree. Never parse these strings back.
 */

export type PeriodLanguage = "sv" | "en";

export const monthNames: Record<PeriodLanguage, { full: string[]; short: string[] }> = {
  sv: {
    full: [
      "januari",
      "februari",
      "mars",
      "april",
      "maj",
      "juni",
      "juli",
      "augusti",
      "september",
      "oktober",
      "november",
      "december",
    ],
    short: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  },
  en: {
    full: [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ],
    short: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
};

/** `4 992` (a no-break space between thousands in Swedish); `–` for nothing. */
export function formatCount(value: number | null | undefined, language: PeriodLanguage = "sv"): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return new Intl.NumberFormat(language === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A point in time as year, month and (when known) day, read from `2012-01-15`, `2012-01` or `012012`. */
function parts(value: string): { y: number; m: number; d: number | null } | null {
  const v = value.trim();
  let match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(v);
  if (match) return { y: Number(match[1]), m: Number(match[2]), d: match[3] ? Number(match[3]) : null };
  match = /^(\d{2})(\d{4})$/.exec(v); // MMYYYY, as the portfolio's imported periods are written
  if (match) return { y: Number(match[2]), m: Number(match[1]), d: null };
  match = /^(\d{4})$/.exec(v);
  if (match) return { y: Number(match[1]), m: 0, d: null };
  return null;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `jan 2012`; `15 jan 2012` when the day matters (not the first or, for an end, the last of the month). */
export function formatMonth(
  value: string | null | undefined,
  end = false,
  language: PeriodLanguage = "sv",
): string {
  if (!value) return "";
  const p = parts(value);
  if (!p) return value;
  if (p.m < 1 || p.m > 12) return String(p.y);
  const month = `${monthNames[language].short[p.m - 1]} ${p.y}`;
  const wholeMonth = p.d === null || p.d === (end ? lastDay(p.y, p.m) : 1);
  return wholeMonth ? month : `${p.d} ${month}`;
}

const rawLabel = /^(\d{6}|\d{4}-\d{2}(?:-\d{2})?)\s*[-–]\s*(\d{6}|\d{4}-\d{2}(?:-\d{2})?)?$/;

/**
 * `jan 2012 – dec 2013` from ISO dates or months; an open end reads `från jan 2012` / `till dec 2013`;
 * nothing at all reads `–`.
 */
export function formatPeriod(
  start: string | null | undefined,
  end: string | null | undefined,
  language: PeriodLanguage = "sv",
): string {
  const from = formatMonth(start, false, language);
  const to = formatMonth(end, true, language);
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return language === "sv" ? `från ${from}` : `from ${from}`;
  if (to) return language === "sv" ? `till ${to}` : `until ${to}`;
  return "–";
}

/**
 * A period written as text: a raw label (`012012-122013`, `012012-`, `2012-01`) becomes
 * `jan 2012 – dec 2013`; words people wrote ("Från våren 2010", "2011-? (2015?)") are kept as written.
 */
export function formatPeriodText(text: string, language: PeriodLanguage = "sv"): string {
  const label = rawLabel.exec(text.trim());
  if (label) return formatPeriod(label[1], label[2] ?? null, language);
  return parts(text) && /^\d{4}(-\d{2}(-\d{2})?)?$|^\d{6}$/.test(text.trim())
    ? formatPeriod(text, null, language)
    : text;
}
