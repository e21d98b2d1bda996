/**
 * One error type for the whole server. Services throw AppError; the error handler in
 * problem.ts turns it into RFC 9457 problem+json with a translated `detail`.
 */
export type ErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "notFound"
  | "routeNotFound"
  | "conflict"
  | "csrf"
  | "rateLimited"
  | "badLogin"
  | "tooManyLogins"
  | "wrongPassword"
  | "invitationInvalid"
  | "emailTaken"
  | "lastAdmin"
  | "badRequest"
  | "payloadTooLarge"
  | "preconditionFailed"
  | "internal"
  | (string & {});

const statusByCode: Record<string, number> = {
  validation: 422,
  unauthenticated: 401,
  badLogin: 401,
  apiTokenInvalid: 401,
  apiTokenReadOnly: 403,
  emailLinkInvalid: 401,
  totpInvalid: 401,
  challengeInvalid: 401,
  emailLinkOnly: 403,
  tooManyEmailLinks: 429,
  forbidden: 403,
  notFound: 404,
  routeNotFound: 404,
  conflict: 409,
  emailTaken: 409,
  lastAdmin: 409,
  csrf: 403,
  rateLimited: 429,
  tooManyLogins: 429,
  wrongPassword: 422,
  invitationInvalid: 410,
  badRequest: 400,
  payloadTooLarge: 413,
  preconditionFailed: 412,
  internal: 500,
};

/** A field error before translation: an i18n key and its interpolation values. */
export interface FieldError {
  key: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** i18n key of the detail; defaults to `errors.<code>`. */
    readonly detailKey: string = `errors.${code}`,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors?: Record<string, FieldError[]>,
    status?: number,
  ) {
    super(code);
    this.status = status ?? statusByCode[code] ?? 400;
  }
}

export const notFound = () => new AppError("notFound");
export const forbidden = () => new AppError("forbidden");
export const unauthenticated = () => new AppError("unauthenticated");
export const conflict = (detailKey = "errors.conflict", params: Record<string, unknown> = {}) =>
  new AppError("conflict", detailKey, params);

/** 422 for one or more fields, e.g. `fieldErrors({ orgNumber: "registers.orgNumberInvalid" })`. */
export function fieldErrors(errors: Record<string, string | FieldError>): AppError {
  const mapped: Record<string, FieldError[]> = {};
  for (const [field, e] of Object.entries(errors)) mapped[field] = [typeof e === "string" ? { key: e } : e];
  return new AppError("validation", "errors.validation", {}, mapped);
}
