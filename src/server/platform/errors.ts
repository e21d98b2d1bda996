/**
 * One error type for the whole server. Services throw AppError; the error handler in
 * problem.ts turns it into RFC 9457 problem+json with a translated `detail`.
 */
/**
 * Every code the server answers with, once: its HTTP status and, where it is not `errors.<code>`, the
 * i18n key of its default detail. A code not in this table does not compile.
 */
export const errorCodes = {
  // Input and requests
  validation: { status: 422 },
  badRequest: { status: 400 },
  payloadTooLarge: { status: 413 },
  unsupportedMediaType: { status: 415 },
  rangeNotSatisfiable: { status: 416 },
  preconditionFailed: { status: 412 },
  routeNotFound: { status: 404 },
  notFound: { status: 404 },
  conflict: { status: 409 },
  rateLimited: { status: 429 },
  uploadsBusy: { status: 503 },
  notReady: { status: 503 },
  internal: { status: 500 },
  // Signing in and access
  unauthenticated: { status: 401 },
  forbidden: { status: 403 },
  csrf: { status: 403 },
  badLogin: { status: 401 },
  tooManyLogins: { status: 429 },
  wrongPassword: { status: 422 },
  apiTokenInvalid: { status: 401 },
  apiTokenReadOnly: { status: 403 },
  emailLinkInvalid: { status: 401 },
  emailLinkOnly: { status: 403 },
  tooManyEmailLinks: { status: 429 },
  totpInvalid: { status: 401 },
  challengeInvalid: { status: 401 },
  invitationInvalid: { status: 410 },
  emailTaken: { status: 409 },
  lastAdmin: { status: 409 },
  // Single sign-on
  ssoUnknownProvider: { status: 400 },
  ssoUnavailable: { status: 502 },
  ssoInactive: { status: 403 },
  ssoNoSubject: { status: 400 },
  ssoNoEmail: { status: 400 },
  ssoHandoff: { status: 400 },
  oidcState: { status: 400 },
  oidcNonce: { status: 400 },
  oidcFailed: { status: 401 },
  samlInvalid: { status: 401 },
  samlExpired: { status: 401 },
  samlReplayed: { status: 401 },
  // Mailings
  mailingSent: { status: 409, detail: "communication.errors.mailingSent" },
  recipientsChanged: { status: 409, detail: "communication.errors.recipientsChanged" },
  // Event registration and feedback
  alreadyRegistered: { status: 409, detail: "events.errors.alreadyRegistered" },
  eventFull: { status: 409, detail: "events.errors.eventFull" },
  eventStarted: { status: 409, detail: "events.errors.eventStarted" },
  registrationNotOpen: { status: 409, detail: "events.errors.registrationNotOpen" },
  registrationClosed: { status: 409, detail: "events.errors.registrationClosed" },
  registrationCancelled: { status: 409, detail: "events.errors.registrationCancelled" },
  linkExpired: { status: 410, detail: "events.errors.linkExpired" },
  feedbackNotOpen: { status: 409, detail: "events.errors.feedbackNotOpen" },
  feedbackGiven: { status: 409, detail: "events.errors.feedbackGiven" },
  // PDF rendering (issue 15, item 5): no browser to print with on this server
  pdfRendererMissing: { status: 503, detail: "errors.pdfRendererMissingDetail" },
} as const satisfies Record<string, { status: number; detail?: string }>;

export type ErrorCode = keyof typeof errorCodes;

/** A field error before translation: an i18n key and its interpolation values. */
export interface FieldError {
  key: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** i18n key of the detail; defaults to the code's own (see errorCodes), else `errors.<code>`. */
    readonly detailKey: string = defaultDetail(code),
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors?: Record<string, FieldError[]>,
  ) {
    super(code);
    this.status = errorCodes[code].status;
  }
}

function defaultDetail(code: ErrorCode): string {
  const entry: { status: number; detail?: string } = errorCodes[code];
  return entry.detail ?? `errors.${code}`;
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
