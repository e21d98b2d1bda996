import { ApiError } from "../api.ts";

/**
 * What to tell the user about a failed call: the server's own sentence (problem+json `detail`, already
 * in the UI's language) or, for anything else, the general "something went wrong" text.
 */
export function problemMessage(error: unknown, t: (key: string) => string): string {
  return error instanceof ApiError ? error.problem.detail : t("errors.internal");
}

/** The same, but a 422's field errors spelled out (for a form whose fields carry no messages of their own). */
export function problemWithFields(error: unknown, t: (key: string) => string): string {
  if (!(error instanceof ApiError)) return problemMessage(error, t);
  return Object.values(error.fieldErrors).flat().join(" ") || error.problem.detail;
}
