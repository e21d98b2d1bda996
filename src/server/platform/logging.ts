import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from "fastify";
import pino from "pino";

/**
 * Structured logs (issue 19, item 8): one JSON object a line (pino, Fastify's logger) with the request's id
 * (`reqId`), which also goes back to the client as `X-Request-Id` so a user's report finds its lines. Never a
 * password or token: bodies are not logged, headers are not logged, and the URL is logged with the secrets it
 * may carry (path parameters and query values named …token…, …password…, …secret…) replaced by "[dold]".
 */

/** Where the lines go: stdout, or a stream (the logging test reads one). */
export type LogDestination = { write(line: string): void };

const SECRET = /token|password|secret/i;
const HIDDEN = "[dold]";
/** A request id a client or proxy may hand us: short and plain, so it cannot forge a log line. */
const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * stdout, written in blocks: a line per request written on its own cost a system call each, about 7 % of a
 * request's CPU under load (a profile of GET /api/organisations/:id). Lines wait until 4 KB have gathered or
 * a quarter of a second has passed, and are written out when the process exits (pino flushes its
 * destinations on exit, a crash included).
 */
function stdoutInBlocks() {
  return pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 });
}

export function loggerOptions(destination?: LogDestination): FastifyServerOptions["logger"] {
  return {
    level: process.env.SAMSPEL_LOG_LEVEL ?? "info",
    stream: destination ?? stdoutInBlocks(),
    // Belt and braces for whatever a module logs as an object.
    redact: {
      paths: [
        "password",
        "*.password",
        "*.newPassword",
        "*.currentPassword",
        "token",
        "*.token",
        "req.headers.authorization",
        "req.headers.cookie",
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: HIDDEN,
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: safeUrl(request),
        remoteAddress: request.ip,
      }),
    },
  };
}

/** Our id for each request: the proxy's `X-Request-Id` when it is a plain one, else a new UUID. */
export function genReqId(request: IncomingMessage): string {
  const incoming = request.headers["x-request-id"];
  return typeof incoming === "string" && INCOMING_ID.test(incoming) ? incoming : randomUUID();
}

export function registerRequestIdHeader(app: FastifyInstance) {
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });
}

/**
 * One line per request, written when it is answered: what was asked (method, URL with secrets hidden, address),
 * the status and how long it took. Fastify's own logging wrote two (one on arrival, one on answer), and writing
 * lines was a tenth of the server's CPU for an organisation's page (issue 14, goal 1). The arrival line is
 * kept at debug level (`SAMSPEL_LOG_LEVEL=debug`), for following a request that never gets its answer.
 */
export function registerRequestLog(app: FastifyInstance) {
  app.addHook("onRequest", (request, _reply, done) => {
    request.log.debug({ req: request }, "incoming request");
    done();
  });
  app.addHook("onResponse", (request, reply, done) => {
    request.log.info(
      { req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime },
      "request completed",
    );
    done();
  });
}

/** The request's URL with secret path parameters and query values hidden. */
export function safeUrl(request: Pick<FastifyRequest, "url" | "params">): string {
  const [pathname, query] = splitOnce(request.url, "?");
  const secrets = Object.entries((request.params ?? {}) as Record<string, unknown>)
    .filter(([name, value]) => SECRET.test(name) && typeof value === "string" && value)
    .map(([, value]) => value as string);
  const path = pathname
    .split("/")
    .map((segment) => (secrets.includes(safeDecode(segment)) ? HIDDEN : segment))
    .join("/");
  if (query === undefined) return path;
  const parts = query.split("&").map((pair) => {
    const [name, value] = splitOnce(pair, "=");
    return value !== undefined && SECRET.test(safeDecode(name)) ? `${name}=${HIDDEN}` : pair;
  });
  return `${path}?${parts.join("&")}`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
