import type { FastifyRequest } from "fastify";
import i18next, { type TFunction } from "i18next";
import { resources, type SupportedLocale } from "../../common/i18n/index.ts";

const instance = i18next.createInstance();
await instance.init({ resources, lng: "sv", fallbackLng: "sv", interpolation: { escapeValue: false } });

export function translator(locale: SupportedLocale): TFunction {
  return instance.getFixedT(locale);
}

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
