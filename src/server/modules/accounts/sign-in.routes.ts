import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { meView } from "../../../common/accounts.ts";
import {
  challengeView,
  createdTokenView,
  createTokenInput,
  emailLinkInput,
  emailLinkSignInInput,
  enrolmentInput,
  enrolmentView,
  signInMethodsInput,
  tokenView,
  totpCodeInput,
} from "../../../common/sign-in.ts";
import { idParams } from "../../../common/validation.ts";
import { requireActor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { problemSchema } from "../../platform/problem.ts";
import { presentMe } from "./accounts.presenter.ts";
import type { SignInResult } from "./accounts.service.ts";
import * as accounts from "./accounts.service.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.ts";
import { requestEmailLink, resetTotp, setEmailLinkOnly, signInWithEmailLink } from "./email-link.ts";
import { startEnrolment } from "./second-factor.ts";

const tags = ["Konton"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/**
 * Issue 19's ways in: e-mail links, the TOTP second step for administrators, personal API tokens,
 * and the administrator's switches for a user's sign-in methods.
 */
export function registerSignInRoutes(
  app: FastifyInstance,
  { db, config }: Deps,
  setSessionCookie: (reply: FastifyReply, token: string, maxAge: number) => void,
) {
  const r = typed(app);
  const publicWrite = {
    public: true,
    csrf: false,
    rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" },
  } as const;

  /** A session opened: the cookie and the Me; a second factor due: 202 and the challenge. */
  const answer = (reply: FastifyReply, result: SignInResult) => {
    if (result.kind === "challenge") {
      return reply.status(202).send({ secondFactor: result.secondFactor, challenge: result.challenge });
    }
    setSessionCookie(reply, result.token, result.maxAgeSeconds);
    return reply.status(200).send(presentMe(result.actor, result.csrfToken));
  };
  const signInResponses = { 200: meView, 202: challengeView, 401: problemSchema, 422: problemSchema };

  r.post(
    "/api/auth/email-link",
    {
      config: publicWrite,
      schema: {
        tags,
        summary: "Skicka en inloggningslänk med e-post",
        description: "Svarar alltid 202, vare sig adressen finns eller inte.",
        body: emailLinkInput,
        response: { 202: z.null(), 422: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await requestEmailLink(db, request.body.email, {
        source: request.ip,
        publicUrl: config.publicUrl,
        mail: { source: request.ip, caps: config.anonymousMail },
        lockoutMinutes: config.lockoutMinutes,
      });
      return reply.status(202).send(null);
    },
  );

  r.post(
    "/api/auth/email-link/sign-in",
    {
      config: publicWrite,
      schema: {
        tags,
        summary: "Logga in med en länk från e-post",
        body: emailLinkSignInInput,
        response: signInResponses,
      },
    },
    async (request, reply) => answer(reply, await signInWithEmailLink(db, request.body.token)),
  );

  r.post(
    "/api/auth/login/totp",
    {
      config: publicWrite,
      schema: { tags, summary: "Andra steget: engångskoden", body: totpCodeInput, response: signInResponses },
    },
    async (request, reply) =>
      answer(reply, await accounts.signInWithCode(db, { ...request.body, enrol: false })),
  );

  r.post(
    "/api/auth/totp/enrolment",
    {
      config: publicWrite,
      schema: {
        tags,
        summary: "Hämta en ny tvåstegsnyckel (QR-kod) att registrera",
        body: enrolmentInput,
        response: { 200: enrolmentView, 401: problemSchema, 422: problemSchema },
      },
    },
    async (request) => startEnrolment(db, request.body.challenge),
  );

  r.post(
    "/api/auth/totp/enrolment/confirm",
    {
      config: publicWrite,
      schema: {
        tags,
        summary: "Bekräfta tvåstegsnyckeln med en kod och logga in",
        body: totpCodeInput,
        response: signInResponses,
      },
    },
    async (request, reply) =>
      answer(reply, await accounts.signInWithCode(db, { ...request.body, enrol: true })),
  );

  r.post(
    "/api/auth/tokens",
    {
      schema: {
        tags,
        summary: "Skapa en personlig API-nyckel (visas en gång)",
        body: createTokenInput,
        response: { 201: createdTokenView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const created = await createApiToken(db, request.actor, request.body);
      return reply
        .status(201)
        .send({ id: created.id, token: created.token, expiresAt: created.expiresAt.toISOString() });
    },
  );

  r.get(
    "/api/auth/tokens",
    {
      schema: {
        tags,
        summary: "Mina API-nycklar",
        response: { 200: z.object({ items: z.array(tokenView), nextCursor: z.null() }), ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      const rows = await listApiTokens(db, request.actor);
      return {
        items: rows.map((row) => ({
          ...row,
          createdAt: row.createdAt.toISOString(),
          expiresAt: row.expiresAt.toISOString(),
          lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
          revokedAt: row.revokedAt?.toISOString() ?? null,
        })),
        nextCursor: null,
      };
    },
  );

  r.delete(
    "/api/auth/tokens/:id",
    {
      schema: {
        tags,
        summary: "Återkalla en API-nyckel",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      await revokeApiToken(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.put(
    "/api/admin/users/:id/sign-in-methods",
    {
      schema: {
        tags,
        summary: "Begränsa en användare till inloggning med e-postlänk",
        params: idParams,
        body: signInMethodsInput,
        response: { 200: signInMethodsInput, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      await setEmailLinkOnly(db, request.actor, request.params.id, request.body.emailLinkOnly);
      return { emailLinkOnly: request.body.emailLinkOnly };
    },
  );

  r.delete(
    "/api/admin/users/:id/totp",
    {
      schema: {
        tags,
        summary: "Nollställ en användares tvåstegsverifiering",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      await resetTotp(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}

/** Logging out and changing the password belong to a browser session, not to an API token. */
export function requireSession(request: FastifyRequest): string {
  if (!request.sessionId) throw new AppError("forbidden", "errors.sessionOnly");
  return request.sessionId;
}
