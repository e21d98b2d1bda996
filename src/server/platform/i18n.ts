import type { FastifyRequest } from "fastify";
import i18next, { type TFunction } from "i18next";
import { resources, type SupportedLocale } from "../../common/i18n/index.ts";

const instance = i18next.createInstance();
await instance.init({ resources, lng: "sv", fallbackLng: "sv", interpolation: { escapeValue: false } });

export function translator(locale: SupportedLocale): TFunction {
  return instance.getFixedT(locale);
}

type Values = Record<string, string | number | null>;

/**
 * Translations with plain {{placeholders}} as templates filled by string joins, for text made once per item of a
 * rush: i18next's `t` costs ~20 µs a call (key lookup, interpolation's regular expressions, nesting checks), and
 * the confirmation mail of each of 50 concurrent registrations spent 8 % of the CPU in it (issue 14, goal 4).
 * Each template is made once per locale, key and set of names, by translating with markers in place of the
 * values. Not for plurals or context (`count`, `context`: the text depends on the value), which go to `t`.
 */
export function templateTranslator(locale: SupportedLocale) {
  const t = translator(locale);
  return (key: string, values: Values = {}): string => {
    const names = Object.keys(values).sort();
    if (names.includes("count") || names.includes("context")) return t(key, values);
    const id = `${locale}\0${key}\0${names.join(",")}`;
    let parts = templates.get(id);
    if (!parts) {
      const marked = t(key, Object.fromEntries(names.map((name) => [name, `\uE000${name}\uE000`])));
      parts = marked.split(/\uE000(\w+)\uE000/);
      templates.set(id, parts);
    }
    // Odd places hold the names of the values, even places the text between them.
    let text = parts[0];
    for (let i = 1; i < parts.length; i += 2) text += String(values[parts[i]] ?? "") + parts[i + 1];
    return text;
  };
}
const templates = new Map<string, string[]>();

/** Locale of a request: the `lang` query, the language cookie set by the UI, then Accept-Language; Swedish by default. */
export function requestLocale(request: FastifyRequest): SupportedLocale {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const candidates = [query.lang, request.cookies?.samspel_lang];
  for (const c of candidates) if (c === "sv" || c === "en") return c;
  const header = request.headers["accept-language"] ?? "";
  for (const part of header.split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === "sv" || tag === "en") return tag;
  }
  return "sv";
}
