import type { FastifyInstance, FastifyRequest } from "fastify";
import { hasUnstorableCharacters, replaceUnstorableCharacters } from "../../common/validation.ts";
import { AppError } from "./errors.ts";

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
