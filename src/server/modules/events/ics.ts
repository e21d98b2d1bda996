/**
 * iCalendar (RFC 5545) for events: one VEVENT per session, in UTC. Used for the confirmation mail's
 * attachment, the participant's "add to calendar" link and the public subscribable feed.
 */
export interface IcsEvent {
  uid: string;
  title: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  start: Date;
  end: Date;
  updatedAt?: Date;
  cancelled?: boolean;
}

/**
 * TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and every line break — CRLF, a lone
 * LF and a lone CR — as `\n`, so no text can end its property line and start another (`\rATTENDEE:…`).
 * The other control characters, which TEXT may not hold, are dropped.
 */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(CONTROL, "");
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/** A URI or UID value: no control character or space may break the line; they are percent-encoded. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is encoded.
const uriValue = (value: string) => value.replace(/[\u0000-\u0020\u007f]/g, (c) => encodeURIComponent(c));

function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = "";
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

export function toIcs(
  events: IcsEvent[],
  options: { name?: string; method?: "PUBLISH"; now?: Date } = {},
): string {
  const now = options.now ?? new Date();
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Samspel//Evenemang//SV",
    "CALSCALE:GREGORIAN",
    `METHOD:${options.method ?? "PUBLISH"}`,
  ];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  lines.push("X-WR-TIMEZONE:Europe/Stockholm");
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uriValue(e.uid)}`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART:${utcStamp(e.start)}`,
      `DTEND:${utcStamp(e.end)}`,
      `SUMMARY:${escapeText(e.title)}`,
    );
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${uriValue(e.url)}`);
    if (e.updatedAt) lines.push(`LAST-MODIFIED:${utcStamp(e.updatedAt)}`);
    lines.push(`STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
