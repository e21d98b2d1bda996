import type { CallView } from "../../../common/ideas.ts";

const dateOf = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language === "en" ? "en-GB" : "sv-SE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Stockholm",
  }).format(new Date(iso));

/** "19 februari 2010 – 30 april 2010" in the reader's language, Swedish time. */
export const formatCallPeriod = (call: Pick<CallView, "opensAt" | "closesAt">, language: string) =>
  `${dateOf(call.opensAt, language)} – ${dateOf(call.closesAt, language)}`;

/** Whole kronor the Swedish way: "1 300 000 kr". */
export const formatKronor = (amount: number, language: string) =>
  `${new Intl.NumberFormat(language === "en" ? "en-GB" : "sv-SE").format(amount)} kr`;
