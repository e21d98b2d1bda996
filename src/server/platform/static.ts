import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
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
 * The public first pages (issue 14, goal 6) and the GETs each makes before it can show. The build writes a
 * page of its own for each (vite.config.ts, pageHtml: its chunks preloaded from the HTML); the server puts the
 * answers to those GETs into it, so the page shows once its scripts have run instead of one request later
 * (src/web/api.ts takes each answer once). Only public answers: what an anonymous visitor would get, asked
 * for with the visitor's address (the demo login is only offered on the machine itself), never with the
 * session. A URL must be the one the page asks for, character by character, or the page asks the server.
 */
interface FirstPage {
  /** pages/<name>.html, and pages/<name>.<variant>.html with the page already drawn (vite.config.ts, pageHtml). */
  name: string;
  /** The GETs the page makes before it can show. */
  data: (query: Record<string, unknown>) => string[];
  /**
   * The drawn variant that shows what this visitor would see, with the answers filled in, if any: drawn for an
   * anonymous visitor in Swedish, so only to such a visitor (someone signed in sees their own header, and
   * English would flash Swedish first), and only where the query changes nothing drawn.
   */
  drawn?: (
    query: Record<string, unknown>,
    answers: Record<string, unknown>,
  ) => { variant: string; fill?: [string, string][] } | null;
}

const firstPages: Record<string, FirstPage> = {
  "/logga-in": {
    name: "logga-in",
    data: () => ["/api/auth/demo-login", "/api/auth/providers"],
    drawn: (query, answers) => {
      // ?loggedOut and ?upplasning add a message above the form; ?redirect changes nothing drawn.
      if (Object.keys(query).some((key) => key !== "redirect")) return null;
      const demo = answers["/api/auth/demo-login"] as { email: string; password: string } | null | undefined;
      if (demo === undefined) return null;
      if (demo === null) return { variant: "sv" };
      return {
        variant: "sv-demo",
        fill: [
          ["__SAMSPEL_DEMO_EMAIL__", escapeHtml(demo.email)],
          ["__SAMSPEL_DEMO_PASSWORD__", escapeHtml(demo.password)],
        ],
      };
    },
  },
  // The list, not a month (?vy=manad): src/web/features/events/events-api.ts, publicEventsQuery().
  "/evenemang": {
    name: "evenemang",
    data: (query) => (query.vy === "manad" ? [] : ["/api/public/events?limit=200"]),
  },
};

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The id of the script element (a data block, not run) holding the answers; src/web/initial-data.ts reads it. */
export const INITIAL_DATA_ID = "samspel-initial-data";

async function fetchAnswers(app: FastifyInstance, request: FastifyRequest, urls: string[]) {
  const answers: Record<string, unknown> = {};
  const forwarded = ["x-forwarded-for", "forwarded", "x-real-ip"] as const;
  await Promise.all(
    urls.map(async (url) => {
      const res = await app.inject({
        method: "GET",
        url,
        remoteAddress: request.socket.remoteAddress,
        headers: {
          accept: "application/json",
          ...Object.fromEntries(
            forwarded.flatMap((h) => (request.headers[h] ? [[h, request.headers[h]]] : [])),
          ),
        },
      });
      if (res.statusCode === 200 && /^application\/json/.test(String(res.headers["content-type"])))
        answers[url] = res.json();
    }),
  );
  return answers;
}

function withAnswers(html: string, answers: Record<string, unknown>) {
  // `<` escaped, so no answer can end the script element.
  const json = JSON.stringify(answers).replace(/</g, "\\u003c");
  return html.replace(
    "</body>",
    `<script type="application/json" id="${INITIAL_DATA_ID}">${json}</script>\n  </body>`,
  );
}

/** A first page's HTML for this request: drawn when it can be, with the answers the page needs first. */
async function firstPage(
  app: FastifyInstance,
  request: FastifyRequest,
  page: FirstPage,
  file: (name: string) => string | null | undefined,
) {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const answers = await fetchAnswers(app, request, page.data(query));
  const anonymousSwedish = !request.sessionId && request.cookies[LANGUAGE_COOKIE] !== "en";
  const drawn = anonymousSwedish ? page.drawn?.(query, answers) : null;
  let html = drawn ? file(`pages/${page.name}.${drawn.variant}.html`) : null;
  if (html && drawn?.fill) for (const [slot, value] of drawn.fill) html = html.replaceAll(slot, value);
  return withAnswers(html ?? file(`pages/${page.name}.html`)!, answers);
}

/** The language the person chose in the web (src/web/i18n), which the server reads for its own texts too. */
const LANGUAGE_COOKIE = "samspel_lang";

/**
 * Compressed here, as @fastify/compress would (brotli, else gzip): it only hooks into routes, and a first page
 * is the not-found handler's answer.
 */
function sendCompressed(request: FastifyRequest, reply: FastifyReply, body: string) {
  const accepts = String(request.headers["accept-encoding"] ?? "");
  reply.header("vary", "accept-encoding");
  if (/\bbr\b/.test(accepts))
    return reply
      .header("content-encoding", "br")
      .send(brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
  if (/\bgzip\b/.test(accepts)) return reply.header("content-encoding", "gzip").send(gzipSync(body));
  return reply.send(body);
}

/**
 * Serves the built SPA from the same process. Unknown /api paths are problem+json 404s; any other
 * GET that accepts HTML gets index.html so the client router can take the path.
 */
export async function registerStaticAndFallback(app: FastifyInstance, webRoot: string | null) {
  const pageFiles = new Map<string, string | null>();
  /** A first page's HTML as the build left it, read once (null when the build has none). */
  const pageFile = (root: string, file: string) => {
    if (!pageFiles.has(file)) {
      const full = path.join(root, file);
      pageFiles.set(file, existsSync(full) ? readFileSync(full, "utf8") : null);
    }
    return pageFiles.get(file);
  };
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
      reply.header("cache-control", "no-cache");
      const page = firstPages[request.url.split("?")[0]!.replace(/(.)\/+$/, "$1")];
      if (page && pageFile(webRoot!, `pages/${page.name}.html`))
        return firstPage(app, request, page, (file) => pageFile(webRoot!, file)).then((body) =>
          sendCompressed(request, reply.type("text/html; charset=utf-8"), body),
        );
      return reply.sendFile("index.html");
    }
    return sendProblem(request, reply, new AppError("routeNotFound"));
  });
}
