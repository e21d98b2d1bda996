import type { FastifyInstance } from "fastify";
import type { Db } from "../db/client.ts";
import type { Actor } from "./actor.ts";
import { AppError } from "./errors.ts";

export const SESSION_COOKIE = "samspel_session";
/** The header that carries the session's CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = "x-csrf-token";
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * How a session cookie or a personal API token becomes an actor. The accounts module owns both; app.ts
 * hands its functions in, so the platform imports no module.
 */
export interface SessionResolvers {
  /** `write`: the request changes something (the session must then be read as committed, never from memory). */
  resolveSession(
    db: Db,
    token: string,
    write: boolean,
  ): Promise<{ actor: Actor; sessionId: string; csrfToken: string } | null | undefined>;
  resolveApiToken(db: Db, token: string): Promise<Actor | null>;
}

/**
 * Resolves the session cookie to `request.actor` on every request, and demands the session's
 * CSRF token (header `x-csrf-token`) on cookie-authenticated writes. SameSite=Lax alone still lets
 * a top-level cross-site form POST through on some browsers' defaults; the token closes that.
 * Runs at onRequest so that 401/403 come before body validation (no 422 to someone not logged in).
 */
export function registerSessionHooks(
  app: FastifyInstance,
  db: Db,
  { resolveSession, resolveApiToken }: SessionResolvers,
) {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionId", null);
  app.decorateRequest("csrfToken", null);
  app.addHook("onRequest", async (request) => {
    // A personal API token (issue 19) stands in for the cookie: no CSRF token, since a browser never
    // adds an Authorization header to a cross-site request by itself.
    const authorization = request.headers.authorization;
    if (authorization !== undefined && /^bearer\b/i.test(authorization)) {
      const actor = await resolveApiToken(db, authorization.replace(/^bearer\s*/i, "").trim());
      if (!actor) throw new AppError("apiTokenInvalid");
      if (actor.apiToken?.readOnly && WRITE_METHODS.has(request.method)) {
        throw new AppError("apiTokenReadOnly");
      }
      request.actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const write = WRITE_METHODS.has(request.method);
    const resolved = token ? await resolveSession(db, token, write) : null;
    if (!resolved) {
      // Secure by default: an /api route answers 401 before anything else unless it is marked public.
      const isPublic = request.routeOptions.config?.public === true || !request.routeOptions.url;
      if (!isPublic && request.url.startsWith("/api/")) throw new AppError("unauthenticated");
      return;
    }
    request.actor = resolved.actor;
    request.sessionId = resolved.sessionId;
    request.csrfToken = resolved.csrfToken;
    const csrfExempt = request.routeOptions.config?.csrf === false;
    if (write && !csrfExempt && request.headers[CSRF_HEADER] !== resolved.csrfToken) {
      throw new AppError("csrf");
    }
  });
}
