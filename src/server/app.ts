import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Database } from "./db/client.ts";
import { resolveApiToken, sessionResolver } from "./modules/accounts/index.ts";
import { defaultAnonymousMailCaps } from "./modules/mail/index.ts";
import { provideOrganisationReferenceReads } from "./modules/organisations/index.ts";
import { providePersonReferenceReads } from "./modules/people/index.ts";
import { provideCourseReferenceReads, provideProgrammeReferenceReads } from "./modules/programmes/index.ts";
import type { AppConfig, Deps } from "./platform/context.ts";
import { registerVersionHooks } from "./platform/etag.ts";
import {
  genReqId,
  type LogDestination,
  loggerOptions,
  registerRequestIdHeader,
  registerRequestLog,
} from "./platform/logging.ts";
import {
  registerOpenApiRoute,
  securitySchemes,
  transformDocument,
  transformRoute,
} from "./platform/openapi.ts";
import { frameworkErrors, registerProblemHandling } from "./platform/problem.ts";
import { databaseRateLimitStore } from "./platform/rate-limit.ts";
import { registerSessionHooks } from "./platform/session-hooks.ts";
import { defaultWebRoot, registerCompression, registerStaticAndFallback } from "./platform/static.ts";
import { registerInputGuards } from "./platform/validation.ts";
import {
  courseReferenceReads,
  organisationReferenceReads,
  personReferenceReads,
  programmeReferenceReads,
} from "./read/register-links.ts";
import { routeModules } from "./routes.ts";

export interface BuildOptions {
  database: Database;
  config?: Partial<AppConfig>;
  /** Directory of the built SPA; null serves the API only. */
  webRoot?: string | null;
  /** Structured request log (platform/logging.ts): true writes JSON lines to stdout, or give a destination. */
  logger?: boolean | LogDestination;
}

export const defaultConfig: AppConfig = {
  publicUrl: "http://localhost:3000",
  maxFailedLogins: 5,
  maxFailedLoginsPerSource: 30,
  lockoutMinutes: 15,
  loginRateLimit: 30,
  demoLogin: null,
  secureCookies: false,
  trustProxy: [],
  anonymousMail: defaultAnonymousMailCaps,
};

/**
 * The SPA's Content-Security-Policy: scripts only from this origin (no inline script, no eval), no
 * plugins, no framing. Inline styles are allowed: the component and chart libraries (React Aria,
 * ECharts) write style attributes and <style> elements at run time, and styles cannot run code.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Swagger UI (/api/docs) sets style attributes in its markup and shows data: images. */
const docsContentSecurityPolicy = contentSecurityPolicy.replace(
  "img-src 'self' data: blob:",
  "img-src 'self' data: blob: https://validator.swagger.io",
);

/** The Fastify instance with every module, used by main.ts, the tests and the benchmarks. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const config = { ...defaultConfig, ...options.config };
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logger === true ? undefined : options.logger) : false,
    genReqId,
    // One line per request, written when it is answered (platform/logging.ts, registerRequestLog).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 2 * 1024 * 1024,
    // Only configured proxies may name the client: otherwise X-Forwarded-For would let anyone pick the
    // address the per-address limits (login, registration, newsletter, mail caps) count.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    // Requests still in flight get this long to finish when the server is closing.
    return503OnClosing: true,
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerRequestIdHeader(app);
  registerRequestLog(app);
  registerProblemHandling(app);
  registerInputGuards(app);

  await registerCompression(app);
  await app.register(fastifyCookie);
  // Counts in the database (platform/rate-limit.ts): several processes behind a load balancer share them.
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(options.database.db) });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Samspel API",
        version: "0.1.0",
        description: "Samverkan mellan lärosäten och samhälle.",
      },
      components: { securitySchemes },
    },
    // platform/openapi.ts: security per route, operationIds, and what integrators' tools check.
    transform: transformRoute,
    transformObject: transformDocument,
  });
  // Registered before swagger-ui so its routes are seen.
  app.addHook("onRoute", (route) => {
    // The reference pages themselves are public.
    if (route.url.startsWith("/api/docs")) route.config = { ...(route.config as object), public: true };
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });

  // Callback style, not async: a hook on every request should not cost a promise and a microtask.
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    reply.header("x-frame-options", "DENY");
    reply.header(
      "content-security-policy",
      request.url.startsWith("/api/docs") ? docsContentSecurityPolicy : contentSecurityPolicy,
    );
    done(null, payload);
  });

  const deps: Deps = { db: options.database.db, database: options.database, config };
  const sessions = await sessionResolver(options.database, config.sessionCache !== false);
  app.addHook("onClose", () => sessions.close());
  const keptSessions = sessions.cache;
  if (keptSessions) {
    // A write through this process (a sign-out, a role given) is seen by the next read at once, before
    // the notification of its commit has come back: the kept sessions go before the answer does.
    app.addHook("onSend", (request, _reply, payload, done) => {
      if (request.method !== "GET" && request.method !== "HEAD") keptSessions.forgetAll();
      done(null, payload);
    });
  }
  registerSessionHooks(app, deps.db, { resolveSession: sessions.resolve, resolveApiToken });
  // Registers low in the module graph learn what links to their records from the read layer.
  provideOrganisationReferenceReads(organisationReferenceReads);
  providePersonReferenceReads(personReferenceReads);
  provideProgrammeReferenceReads(programmeReferenceReads);
  provideCourseReferenceReads(courseReferenceReads);
  registerVersionHooks(app, deps.db);
  for (const register of routeModules) register(app, deps);
  registerOpenApiRoute(app);
  await registerStaticAndFallback(app, options.webRoot === undefined ? defaultWebRoot : options.webRoot);
  await app.ready();
  return app;
}
