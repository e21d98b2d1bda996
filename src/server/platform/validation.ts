import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  hasUnstorableCharacters,
  type IssueLike,
  replaceUnstorableCharacters,
  translateIssue,
} from "../../common/validation.ts";
import { AppError, type FieldError } from "./errors.ts";

/** A zod issue, or Fastify's copy of one turned back into a path: what naming and translating need. */
export interface PathIssue {
  path: readonly PropertyKey[];
  code?: string;
  message?: string;
}

/**
 * The fields an issue is about, each its full path joined with "." (`sessions.0.startsAt`; a top-level
 * field keeps its plain name, the input as a whole is `_`). An unknown key is named by itself
 * (`parent.thatField`), one entry per key, so the form can point at it.
 */
function issueFields(issue: PathIssue): string[] {
  const { keys } = issue as { keys?: unknown };
  if (issue.code === "unrecognized_keys" && Array.isArray(keys) && keys.length)
    return keys.map((key) => fieldName([...issue.path.map(String), String(key)]));
  return [fieldName(issue.path.map(String))];
}

/**
 * The one zod → 422 mapping: each issue as an i18n key with its values under the field it names.
 * Used by the route error handler (problem.ts) and by services that validate their own input.
 */
export function zodFieldErrors(issues: readonly PathIssue[]): Record<string, FieldError[]> {
  // No prototype: a field may be called "constructor" or "__proto__" (an unknown key sent by anyone).
  const errors: Record<string, FieldError[]> = Object.create(null);
  for (const issue of issues) {
    let captured: FieldError = { key: "validation.invalid" };
    translateIssue(issue as unknown as IssueLike, (key, params) => {
      captured = { key, params };
      return key;
    });
    for (const field of issueFields(issue))
      errors[field] = [...(Object.hasOwn(errors, field) ? errors[field] : []), captured];
  }
  return errors;
}

/**
 * Validates a service's input with the shared schema, so a caller that is not the HTTP route (the
 * demo loader, another module) meets the same rules and gets the same 422 with the same field names
 * as the route would give.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError("validation", "errors.validation", {}, zodFieldErrors(result.error.issues));
}

/**
 * The path of the first string (value or key) in `value` holding a character that cannot be stored
 * (NUL, a lone surrogate), as a dotted field name such as `items.0.title`; null when all is well.
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
export function findUnstorableText(value: unknown): string | null {
  const stack: Array<[unknown, string[]]> = [[value, []]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string[]];
    if (typeof current === "string") {
      if (hasUnstorableCharacters(current)) return fieldName(path);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], [...path, String(i)]]);
    } else if (current !== null && typeof current === "object" && !Buffer.isBuffer(current)) {
      for (const [key, child] of Object.entries(current)) {
        if (hasUnstorableCharacters(key)) return fieldName([...path, key]);
        stack.push([child, [...path, key]]);
      }
    }
  }
  return null;
}

/** A field name safe to echo back: the offending characters become U+FFFD. */
const fieldName = (path: string[]) => replaceUnstorableCharacters(path.join(".")) || "_";

/** Throws a 422 naming the field when the request's params, query or body holds unstorable text. */
export function rejectUnstorableText(request: FastifyRequest) {
  for (const part of [request.params, request.query, request.body]) {
    const field = findUnstorableText(part);
    if (field !== null)
      throw new AppError(
        "validation",
        "errors.validation",
        {},
        { [field]: [{ key: "validation.invalidCharacters" }] },
      );
  }
}

/**
 * One check over every route's input before its schema runs: a NUL or a lone surrogate anywhere in
 * the params, query or JSON body answers 422 naming the field, never a database error (500).
 */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => rejectUnstorableText(request));
}
