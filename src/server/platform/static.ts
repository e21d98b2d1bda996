import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { constants } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { AppError } from "./errors.ts";
import { sendProblem } from "./problem.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/web, seen from the source (src/server/platform) or from the compiled server (dist/server, `npm run build`). */
export const defaultWebRoot =
  [path.resolve(here, "../../../dist/web"), path.resolve(here, "../web")].find((dir) =>
    existsSync(path.join(dir, "index.html")),
  ) ?? path.resolve(here, "../../../dist/web");

/**
 * Compresses every compressible answer (JSON, HTML, CSS, JS, SVG) over 1 KB for a client that accepts it.
 * The built SPA's files are compressed once at build time (vite.config.ts writes `.br` and `.gz` beside them,
 * served by `preCompressed` below); API answers are compressed per request at a low brotli quality, which
 * costs little CPU and still shrinks a 50-row list several times.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/** Hashed assets never change under their name; everything else (index.html, the icon) is revalidated. */
export function cacheControlFor(filePath: string) {
  return /[/\\]assets[/\\]/.test(filePath) ? "public, max-age=31536000, immutable" : "no-cache";
}

/**
 * A hint the page's script can read (unlike the HttpOnly session cookie): "1" while the browser has a session.
 * The web asks /api/auth/me only then (src/web/auth.ts), so an anonymous visitor's first page makes no request
 * that answers 401. Set or cleared on every page load from the session the request carries (so a sign-in
 * through an IdP counts too); the web keeps it in step on login and logout. It grants nothing: the session
 * cookie still decides.
 */
export const SIGNED_IN_HINT_COOKIE = "samspel_signed_in";

/**
 * Serves the built SPA from the same process. Unknown /api paths are problem+json 404s; any other
 * GET that accepts HTML gets index.html so the client router can take the path.
 */
export async function registerStaticAndFallback(app: FastifyInstance, webRoot: string | null) {
  const hasWeb = webRoot !== null && existsSync(path.join(webRoot, "index.html"));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => res.setHeader("cache-control", cacheControlFor(filePath)),
    });
  app.setNotFoundHandler((request, reply) => {
    const wantsHtml = request.method === "GET" && (request.headers.accept ?? "").includes("text/html");
    if (hasWeb && wantsHtml && !request.url.startsWith("/api/")) {
      if (request.sessionId) reply.setCookie(SIGNED_IN_HINT_COOKIE, "1", { path: "/", sameSite: "lax" });
      else if (request.cookies[SIGNED_IN_HINT_COOKIE])
        reply.clearCookie(SIGNED_IN_HINT_COOKIE, { path: "/" });
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return sendProblem(request, reply, new AppError("routeNotFound"));
  });
}
