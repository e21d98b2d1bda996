import type { NewsView } from "../../../common/site.ts";

/** A page's or a news item's text: paragraphs at blank lines, line breaks kept; never HTML. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text, in order
          <p key={i} style={{ whiteSpace: "pre-line" }}>
            {p.trim()}
          </p>
        ))}
    </>
  );
}

/** "19 februari 2010" in the UI's language. */
export function longDate(iso: string | null, language: string) {
  if (!iso) return "";
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "sv-SE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Stockholm",
  }).format(new Date(iso));
}

/** The first sentence or so of a news item, for lists. */
export function excerpt(news: NewsView, max = 220) {
  const text = news.text.replace(/\s+/g, " ").trim();
  return text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, "")} …`;
}
