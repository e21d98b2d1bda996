import type { SessionView } from "../../../common/events.ts";

/** Dates of events in the UI language, in Stockholm time (where the events happen). */
const locale = (lang: string) => (lang === "en" ? "en-GB" : "sv-SE");

export function formatDay(iso: string, lang: string) {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: "Europe/Stockholm",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(iso));
}

/** "torsdag 3 december 2026, 07:30–09:00". */
export function formatSession(s: SessionView, lang: string) {
  return `${formatDay(s.startsAt, lang)}, ${s.startTime}–${s.endTime}`;
}

export function monthLabel(month: string, lang: string) {
  return new Intl.DateTimeFormat(locale(lang), { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

/** YYYY-MM of today, or `offset` months from `month`. */
export function shiftMonth(month: string, offset: number) {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export const thisMonth = () => new Date().toISOString().slice(0, 7);
