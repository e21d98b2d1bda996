import i18n from "./i18n/index.ts";
import { takeInitialAnswer } from "./initial-data.ts";

/** The problem+json body every API error carries (see src/server/platform/problem.ts). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: Record<string, string[]>;
  /** 412: who changed the record since this tab loaded it, when (ISO) and which fields. */
  changes?: { at: string; by: string; fields: string[] };
}

/** A failed API call. `detail` is already translated by the server into the UI's language. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = "ApiError";
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
  /** Field errors of a 422, keyed by field path (`email`, `roles.0.scopeId`). */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.errors ?? {};
  }
}

// The CSRF token belongs to the session; it arrives with the Me (login, /me, invitation accept).
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * The version (ETag) of each record this tab has loaded, by path. A GET of one record remembers it; a
 * PATCH/PUT/DELETE of the same path sends it as `If-Match`, so saving over someone else's change answers
 * 412 instead of losing it (platform/etag.ts). Every form gets this without doing anything.
 */
const versions = new Map<string, string>();

/**
 * Parts of a record read and written by paths of their own, whose version is the record's (the server
 * says so with the same `versioned(...)` on those routes): a user's roles, a meeting's minutes, a call's
 * panel, an idea's recommendation, a network's members, a programme's compass (goals, assessments, work
 * process). They share the record's entry, so a GET of the record lets their PUT send `If-Match`, and
 * their answer's ETag serves the next save of any part.
 */
const sharedVersions = [
  /^(\/api\/admin\/users\/[^/]+)\/roles$/,
  /^(\/api\/meetings\/[^/]+)\/minutes$/,
  /^(\/api\/calls\/[^/]+)\/reviewers$/,
  /^(\/api\/ideas\/[^/]+)\/recommendation$/,
  /^(\/api\/networks\/[^/]+)\/members$/,
  /^(\/api\/learning\/spaces\/[^/]+)\/members$/,
  /^(\/api\/compass\/programmes\/[^/]+)\/(goals|assessments\/[^/]+|process(\/[^/]+)?)$/,
];

export function versionKey(path: string) {
  const bare = path.split("?")[0];
  for (const part of sharedVersions) {
    const match = part.exec(bare);
    if (match) return match[1];
  }
  return bare;
}

/**
 * The headers of a call to the API: JSON answers in the UI's language and, on writes, the session's
 * CSRF token. Exported for the one caller that cannot use apiFetch (an upload with progress, which
 * needs XMLHttpRequest).
 */
export function requestHeaders(method: Method): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": i18n.language };
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  return headers;
}

/**
 * fetch for the JSON API: sends the session cookie, the UI language and, on writes, the CSRF
 * header; returns the parsed body (undefined for 204) or throws an ApiError.
 */
export async function apiFetch<T>(method: Method, path: string, body?: unknown): Promise<T> {
  // A first page came with the answers to its first GETs (src/web/initial-data.ts).
  const initial = method === "GET" ? takeInitialAnswer(path) : undefined;
  if (initial) return initial.data as T;
  const headers = requestHeaders(method);
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers["content-type"] = "application/json";
  const key = versionKey(path);
  const known = versions.get(key);
  if (known && (method === "PATCH" || method === "PUT" || method === "DELETE")) headers["if-match"] = known;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(networkProblem());
  }
  const etag = response.headers.get("etag");
  if (response.ok && method === "DELETE" && key === path.split("?")[0]) versions.delete(key);
  else if (response.ok && etag && method !== "POST") versions.set(key, etag);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) throw new ApiError(isProblem(data) ? data : unexpectedProblem(response.status));
  return data as T;
}

export const api = {
  get: <T>(path: string) => apiFetch<T>("GET", path),
  post: <T>(path: string, body?: unknown) => apiFetch<T>("POST", path, body ?? {}),
  put: <T>(path: string, body: unknown) => apiFetch<T>("PUT", path, body),
  patch: <T>(path: string, body: unknown) => apiFetch<T>("PATCH", path, body),
  delete: <T>(path: string) => apiFetch<T>("DELETE", path),
  /** A multipart POST (files): the same headers, errors and CSRF token as every other write. */
  upload: <T>(path: string, form: FormData) => apiFetch<T>("POST", path, form),
};

/** One page of a keyset-paged list (the server's platform/cursor.ts): the items and where the next page starts. */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** A choice in a select or pick list: a record's id and its name. */
export type Option = { id: string; label: string };

/** `?a=1&b=x` from an object, leaving out empty values. */
export function queryString(params: Record<string, string | number | undefined | null>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isProblem(data: unknown): data is Problem {
  return typeof data === "object" && data !== null && "status" in data && "detail" in data;
}

function networkProblem(): Problem {
  const detail = i18n.t("errors.networkError");
  return { type: "/problems/networkError", title: detail, status: 0, code: "networkError", detail };
}

function unexpectedProblem(status: number): Problem {
  const detail = i18n.t("errors.internal");
  return { type: "/problems/internal", title: detail, status, code: "internal", detail };
}
