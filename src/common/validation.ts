import { z } from "zod";

/**
 * Shared field schemas. Messages are i18n keys (`validation.*`) so the server's problem+json and
 * the web form show the same translated text; see translateIssue.
 */
export const requiredText = (max = 200) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: "validation.tooLong" });

export const optionalText = (max = 2000) =>
  z.string().trim().max(max, { error: "validation.tooLong" }).nullish();

export const email = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "validation.email" }));

export const password = z
  .string({ error: "validation.required" })
  .min(10, { error: "validation.passwordTooShort" })
  .max(200, { error: "validation.tooLong" });

export const uuid = z.uuid({ error: "validation.uuid" });
export const idParams = z.object({ id: uuid });

/** ISO date `YYYY-MM-DD` that exists in the calendar. */
export const isoDate = z.iso
  .date({ error: "validation.date" })
  // Year 0000 passes the ISO pattern, but there is no such year (PostgreSQL refuses it).
  .refine((d) => !d.startsWith("0000"), { error: "validation.date" });

/** List paging as in docs/design.md: `?limit&cursor`. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export interface IssueLike {
  code?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * Turns a zod issue (or Fastify's copy of one) into a translated sentence. Custom messages are
 * i18n keys; zod's built-in codes map to generic keys so nothing English leaks to a Swedish user.
 */
export function translateIssue(issue: IssueLike, t: (key: string, vars?: Record<string, unknown>) => string) {
  const params = { ...(issue.params ?? {}), ...issue };
  if (issue.message?.startsWith("validation.")) return t(issue.message, params);
  const code = issue.code ?? issue.keyword;
  switch (code) {
    case "invalid_type":
      return params.input === undefined ? t("validation.required") : t("validation.invalidType");
    case "too_small":
      return params.origin === "string"
        ? t("validation.tooShort", { minimum: params.minimum })
        : t("validation.tooSmall", { minimum: params.minimum });
    case "too_big":
      return params.origin === "string"
        ? t("validation.tooLong", { maximum: params.maximum })
        : t("validation.tooBig", { maximum: params.maximum });
    case "invalid_format":
      return params.format === "email" ? t("validation.email") : t("validation.format");
    case "invalid_value":
      return t("validation.invalidValue");
    case "unrecognized_keys":
      return t("validation.unknownField");
    default:
      return t("validation.invalid");
  }
}

/**
 * Characters no text may hold: NUL (PostgreSQL text and jsonb refuse it) and a UTF-16 surrogate
 * without its partner (it cannot be encoded as UTF-8, so audit JSON and the database refuse it).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this looks for.
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const hasUnstorableCharacters = (text: string) => unstorable.test(text);

/** The text with each unstorable character replaced by U+FFFD (for echoing a field name back). */
export const replaceUnstorableCharacters = (text: string) =>
  text.replace(new RegExp(unstorable.source, "g"), "\ufffd");
