import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
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
 * Serves the built SPA from the same process. Unknown /api paths are problem+json 404s; any other
 * GET that accepts HTML gets index.html so the client router can take the path.
 */
export async function registerStaticAndFallback(app: FastifyInstance, webRoot: string | null) {
  const hasWeb = webRoot !== null && existsSync(path.join(webRoot, "index.html"));
  if (hasWeb)
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false, maxAge: "1h" });
  app.setNotFoundHandler((request, reply) => {
    const wantsHtml = request.method === "GET" && (request.headers.accept ?? "").includes("text/html");
    if (hasWeb && wantsHtml && !request.url.startsWith("/api/")) {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return sendProblem(request, reply, new AppError("routeNotFound"));
  });
}
