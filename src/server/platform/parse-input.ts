import type { z } from "zod";
import { translateIssue } from "../../common/validation.ts";
import { AppError, type FieldError } from "./errors.ts";

/**
 * Validates a service's input with the shared schema, so a caller that is not the HTTP route (the
 * demo loader, another module) meets the same rules and gets the same 422 with the same field paths
 * (`goals.1.code`) as the route would give.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors: Record<string, FieldError[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "_";
    let captured: FieldError = { key: "validation.invalid" };
    translateIssue(issue as never, (key, params) => {
      captured = { key, params };
      return key;
    });
    errors[field] = [...(errors[field] ?? []), captured];
  }
  throw new AppError("validation", "errors.validation", {}, errors);
}

/** `%q%` for ILIKE with the wildcards in q taken literally. */
export function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const uniqueIds = (ids: readonly string[]) => [...new Set(ids)];
