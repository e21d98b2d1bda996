import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { problemSchema } from "../../platform/problem.ts";
import { SESSION_COOKIE } from "../../platform/session-hooks.ts";
import { endSession } from "../accounts/index.ts";
import { noIdentityProviders } from "./identity.config.ts";
import { OidcProviders } from "./identity.oidc.ts";
import { SamlProviders } from "./identity.saml.ts";
import {
  createHandoff,
  linkPerson,
  safeReturnTo,
  samlSessionOf,
  spendHandoff,
  startSession,
} from "./identity.service.ts";

const tags = ["Inloggning via organisation"];
const OIDC_STATE_COOKIE = "samspel_oidc_state";
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
const idpParams = z.object({ idp: slug });
const providerParams = z.object({ provider: slug });
const returnToQuery = z.object({ returnTo: z.string().max(500).optional() });
const redirect = z.null().describe("Omdirigering (Location)");
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 502: problemSchema };

const optionalText = z.string().max(400_000).optional();
/** The HTTP-Redirect binding's parameters (SAML 2.0 bindings §3.4.4); others are dropped, unread. */
const sloQuery = z.object({
  SAMLRequest: optionalText,
  SAMLResponse: optionalText,
  RelayState: optionalText,
  SigAlg: optionalText,
  Signature: optionalText,
});
/** The authorization response (OpenID Connect Core §3.1.2.5–6); openid-client reads the raw URL. */
const callbackQuery = z.looseObject({
  code: optionalText,
  state: optionalText,
  iss: optionalText,
  error: optionalText,
  error_description: optionalText,
});

export const providersView = z.object({
  items: z.array(
    z.object({ id: z.string(), protocol: z.enum(["saml", "oidc"]), name: z.string(), loginUrl: z.string() }),
  ),
});

/**
 * Sign-in through SAML 2.0 IdPs (SWAMID) and OpenID Connect providers (Entra ID and others), configured
 * in the environment (identity.config.ts). In a plugin of its own so that the form parser the IdP's POST
 * needs (application/x-www-form-urlencoded) applies to these routes only.
 */
export function registerIdentityRoutes(app: FastifyInstance, deps: Deps) {
  app.register(async (scope) => {
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 512 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    identityRoutes(scope, deps);
  });
}

function identityRoutes(app: FastifyInstance, { db, config }: Deps) {
  const r = typed(app);
  const settings = config.identity ?? noIdentityProviders;
  const warn = (message: string, error: unknown) => app.log.warn({ err: error }, message);
  const saml = new SamlProviders(db, settings.saml, config.publicUrl, warn);
  const oidc = new OidcProviders(db, settings, config.publicUrl);

  const setSessionCookie = (reply: FastifyReply, token: string, maxAge: number) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      maxAge,
    });

  /** Refusals are logged with their reason (the answer to the browser stays general) and rethrown. */
  async function logged<T>(request: FastifyRequest, provider: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError)
        request.log.warn(
          { provider, code: error.code, reason: (error as { reason?: string }).reason },
          "sign-in through an identity provider refused",
        );
      throw error;
    }
  }

  r.get(
    "/api/auth/providers",
    {
      config: { public: true },
      schema: { tags, summary: "Inloggningstjänster som är inställda", response: { 200: providersView } },
    },
    async () => ({
      items: [
        ...saml.list().map((idp) => ({
          id: idp.id,
          protocol: "saml" as const,
          name: idp.name,
          loginUrl: `/api/auth/saml/${idp.id}/login`,
        })),
        ...oidc.list().map((p) => ({
          id: p.id,
          protocol: "oidc" as const,
          name: p.name,
          loginUrl: `/api/auth/oidc/${p.id}/login`,
        })),
      ],
    }),
  );

  r.get(
    "/api/auth/saml/:idp/metadata",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Samspels SAML-metadata (tjänsteleverantör) för en IdP",
        params: idpParams,
        response: { 200: z.string(), 400: problemSchema },
      },
    },
    async (request, reply) => {
      const xml = saml.spMetadata(request.params.idp);
      return reply.type("application/samlmetadata+xml; charset=utf-8").send(xml);
    },
  );

  r.get(
    "/api/auth/saml/:idp/login",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Börja logga in via en SAML-IdP (signerad AuthnRequest, HTTP-Redirect)",
        params: idpParams,
        querystring: returnToQuery,
        response: { 303: redirect, ...errors },
      },
    },
    async (request, reply) => {
      const { idp } = request.params;
      const url = await logged(request, `saml:${idp}`, () =>
        saml.loginUrl(idp, safeReturnTo(request.query.returnTo)),
      );
      return reply.redirect(url, 303);
    },
  );

  r.post(
    "/api/auth/saml/:idp/acs",
    {
      config: { public: true, csrf: false },
      schema: {
        tags,
        summary: "Tar emot IdP:ns SAML-svar (HTTP-POST)",
        params: idpParams,
        body: z.object({
          SAMLResponse: z.string().min(1).max(400_000),
          RelayState: z.string().max(500).optional(),
        }),
        response: { 303: redirect, ...errors },
      },
    },
    async (request, reply) => {
      const { idp } = request.params;
      const provider = `saml:${idp}`;
      const code = await logged(request, provider, async () => {
        const { person } = await saml.consume(idp, request.body.SAMLResponse);
        const userId = await linkPerson(db, provider, person);
        return createHandoff(db, userId, provider, safeReturnTo(request.body.RelayState));
      });
      return reply.redirect(`/api/auth/saml/${idp}/complete?code=${encodeURIComponent(code)}`, 303);
    },
  );

  r.get(
    "/api/auth/saml/:idp/complete",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Avslutar SAML-inloggningen på samma webbplats och sätter sessionskakan",
        params: idpParams,
        querystring: z.object({ code: z.string().min(10).max(200) }),
        response: { 303: redirect, ...errors },
      },
    },
    async (request, reply) => {
      const { idp } = request.params;
      const provider = `saml:${idp}`;
      saml.idp(idp);
      const session = await logged(request, provider, async () => {
        const handoff = await spendHandoff(db, request.query.code, provider);
        return { ...(await startSession(db, handoff.userId, provider)), returnTo: handoff.returnTo };
      });
      setSessionCookie(reply, session.token, session.maxAgeSeconds);
      return reply.redirect(session.returnTo, 303);
    },
  );

  r.post(
    "/api/auth/saml/:idp/logout",
    {
      schema: {
        tags,
        summary: "Logga ut, även hos IdP:n om den erbjuder single logout",
        params: idpParams,
        response: { 200: z.object({ redirectTo: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { idp } = request.params;
      saml.idp(idp);
      const actor = request.actor!;
      const facts = await samlSessionOf(db, actor.userId, `saml:${idp}`);
      const url = facts ? await logged(request, `saml:${idp}`, () => saml.logoutUrl(idp, facts)) : null;
      await endSession(db, actor, request.sessionId!);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { redirectTo: url ?? "/" };
    },
  );

  r.get(
    "/api/auth/saml/:idp/slo",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Single logout: IdP:ns LogoutResponse eller LogoutRequest (HTTP-Redirect)",
        params: idpParams,
        // Named for the API document; the signature is checked over the original query string.
        querystring: sloQuery,
        response: { 303: redirect, ...errors },
      },
    },
    async (request, reply) => {
      const { idp } = request.params;
      const originalQuery = request.url.split("?")[1] ?? "";
      const message = await logged(request, `saml:${idp}`, () =>
        saml.logoutMessage(idp, request.query as Record<string, string>, originalQuery),
      );
      // An IdP-initiated logout ends this browser's session here too and answers the IdP.
      if (request.actor && request.sessionId) await endSession(db, request.actor, request.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      if (request.query.SAMLRequest && message.profile)
        return reply.redirect(
          await saml.logoutResponseUrl(idp, message.profile, request.query.RelayState ?? ""),
          303,
        );
      return reply.redirect("/", 303);
    },
  );

  r.post(
    "/api/auth/saml/:idp/slo",
    {
      config: { public: true, csrf: false },
      schema: {
        tags,
        summary: "Single logout: IdP:ns LogoutResponse (HTTP-POST)",
        params: idpParams,
        body: z.object({
          SAMLResponse: z.string().min(1).max(400_000),
          RelayState: z.string().max(500).optional(),
        }),
        response: { 303: redirect, ...errors },
      },
    },
    async (request, reply) => {
      const { idp } = request.params;
      const result = await logged(request, `saml:${idp}`, () =>
        saml.logoutResponse(idp, request.body.SAMLResponse),
      );
      // Our session ended before the IdP was asked; a failed logout there is only worth a line in the log.
      if (!result.success) request.log.warn({ provider: `saml:${idp}` }, "the IdP reports a failed logout");
      return reply.redirect(safeReturnTo(request.body.RelayState), 303);
    },
  );

  r.get(
    "/api/auth/oidc/:provider/login",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Börja logga in via OpenID Connect (kod med PKCE, state och nonce)",
        params: providerParams,
        querystring: returnToQuery,
        response: { 303: redirect, ...errors },
      },
    },
    async (request, reply) => {
      const { provider } = request.params;
      const { url, state } = await logged(request, `oidc:${provider}`, () =>
        oidc.start(provider, safeReturnTo(request.query.returnTo)),
      );
      reply.setCookie(OIDC_STATE_COOKIE, state, {
        path: "/api/auth/oidc/",
        httpOnly: true,
        sameSite: "lax",
        secure: config.secureCookies,
        maxAge: 600,
      });
      return reply.redirect(url, 303);
    },
  );

  r.get(
    "/api/auth/oidc/:provider/callback",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Tar emot svaret från OpenID Connect-leverantören",
        params: providerParams,
        querystring: callbackQuery,
        response: { 303: redirect, ...errors },
      },
    },
    async (request, reply) => {
      const { provider } = request.params;
      const key = `oidc:${provider}`;
      oidc.provider(provider);
      const callbackUrl = new URL(oidc.callbackUrl(provider));
      callbackUrl.search = request.url.split("?")[1] ?? "";
      const session = await logged(request, key, async () => {
        const { person, returnTo } = await oidc.finish(
          provider,
          callbackUrl,
          request.cookies[OIDC_STATE_COOKIE],
        );
        const userId = await linkPerson(db, key, person);
        return { ...(await startSession(db, userId, key)), returnTo };
      });
      reply.clearCookie(OIDC_STATE_COOKIE, { path: "/api/auth/oidc/" });
      setSessionCookie(reply, session.token, session.maxAgeSeconds);
      return reply.redirect(session.returnTo, 303);
    },
  );
}
