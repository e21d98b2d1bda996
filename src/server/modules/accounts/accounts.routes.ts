import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  acceptInvitationInput,
  changePasswordInput,
  inviteInput,
  loginInput,
  meView,
  setRolesInput,
  updateUserInput,
  userView,
} from "../../../common/accounts.ts";
import { challengeView } from "../../../common/sign-in.ts";
import { idParams } from "../../../common/validation.ts";
import { requireActor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { versioned } from "../../platform/etag.ts";
import { users } from "../../platform/platform.schema.ts";
import { problemSchema } from "../../platform/problem.ts";
import { SESSION_COOKIE } from "../../platform/session-hooks.ts";
import { presentMe, presentUser } from "./accounts.presenter.ts";
import * as accounts from "./accounts.service.ts";
import { registerSignInRoutes, requireSession } from "./sign-in.routes.ts";

const tags = ["Konton"];

/**
 * A request whose peer is the loopback interface and that no proxy forwarded: read from the socket,
 * not `request.ip`, so no header (nor a configured proxy on this machine) makes a remote client local.
 */
export function fromThisMachine(request: FastifyRequest): boolean {
  const peer = request.socket.remoteAddress ?? "";
  const loopback = peer === "::1" || /^(::ffff:)?127\./.test(peer);
  const { headers } = request;
  return loopback && !headers["x-forwarded-for"] && !headers.forwarded && !headers["x-real-ip"];
}
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

export function registerAccountRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const r = typed(app);
  const setSessionCookie = (reply: FastifyReply, token: string, maxAge: number) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      maxAge,
    });

  r.post(
    "/api/auth/login",
    {
      config: {
        public: true,
        csrf: false,
        rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" },
      },
      schema: {
        tags,
        summary: "Logga in",
        body: loginInput,
        response: {
          200: meView,
          202: challengeView,
          401: problemSchema,
          403: problemSchema,
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await accounts.login(db, request.body, {
        limits: config,
        source: request.ip,
        publicUrl: config.publicUrl,
        mail: { source: request.ip, caps: config.anonymousMail },
      });
      // An administrator's password opens no session yet: 202 and the second step (sign-in.routes.ts).
      if (result.kind === "challenge") {
        return reply.status(202).send({ secondFactor: result.secondFactor, challenge: result.challenge });
      }
      setSessionCookie(reply, result.token, result.maxAgeSeconds);
      return reply.status(200).send(presentMe(result.actor, result.csrfToken));
    },
  );

  // The login page shows the demo login when the server runs with demo data and no real admin, and
  // only to a browser on the server's own machine: the password must not be handed to the network.
  r.get(
    "/api/auth/demo-login",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Demoinloggningen, om servern kör med demodata",
        response: { 200: z.object({ email: z.string(), password: z.string() }).nullable() },
      },
    },
    async (request) => (fromThisMachine(request) ? config.demoLogin : null),
  );

  r.get(
    "/api/auth/me",
    { schema: { tags, summary: "Den inloggade användaren", response: { 200: meView, 401: problemSchema } } },
    async (request) => {
      requireActor(request.actor);
      // Through an API token there is no session and so no CSRF token to hand out.
      return presentMe(request.actor, request.csrfToken ?? "");
    },
  );

  r.post(
    "/api/auth/logout",
    { schema: { tags, summary: "Logga ut", response: { 204: z.null(), 401: problemSchema } } },
    async (request, reply) => {
      requireActor(request.actor);
      await accounts.logout(db, request.actor, requireSession(request));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/auth/password",
    {
      schema: {
        tags,
        summary: "Byt lösenord",
        body: changePasswordInput,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      await accounts.changePassword(db, request.actor, requireSession(request), request.body);
      return reply.status(204).send(null);
    },
  );

  registerSignInRoutes(app, deps, setSessionCookie);

  const tokenParams = z.object({ token: z.string().min(10).max(200) });
  r.get(
    "/api/auth/invitations/:token",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Visa en inbjudan",
        params: tokenParams,
        response: { 200: z.object({ email: z.string(), name: z.string() }), 410: problemSchema },
      },
    },
    async (request) => accounts.describeInvitation(db, request.params.token),
  );

  r.post(
    "/api/auth/invitations/:token/accept",
    {
      config: {
        public: true,
        csrf: false,
        rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" },
      },
      schema: {
        tags,
        summary: "Anta en inbjudan",
        params: tokenParams,
        body: acceptInvitationInput,
        response: { 200: meView, 410: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await accounts.acceptInvitation(db, request.params.token, request.body.password);
      setSessionCookie(reply, result.token, result.maxAgeSeconds);
      return presentMe(result.actor, result.csrfToken);
    },
  );

  r.post(
    "/api/admin/invitations",
    {
      schema: {
        tags,
        summary: "Bjud in en användare",
        body: inviteInput,
        response: {
          201: z.object({ id: z.string(), email: z.string(), url: z.string(), expiresAt: z.string() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const inv = await accounts.createInvitation(db, request.actor!, request.body);
      const url = `${config.publicUrl}/inbjudan/${inv.token}`;
      return reply
        .status(201)
        .send({ id: inv.id, email: inv.email, url, expiresAt: inv.expiresAt.toISOString() });
    },
  );

  r.get(
    "/api/admin/users",
    {
      schema: {
        tags,
        summary: "Alla användare",
        response: { 200: z.object({ items: z.array(userView), nextCursor: z.null() }), ...errors },
      },
    },
    async (request) => {
      return { items: (await accounts.listUsers(db, request.actor)).map(presentUser), nextCursor: null };
    },
  );

  r.get(
    "/api/admin/users/:id",
    {
      config: { versioned: versioned(users) },
      schema: { tags, summary: "En användare", params: idParams, response: { 200: userView, ...errors } },
    },
    async (request) => {
      const user = await accounts.getUser(db, request.actor, request.params.id);
      if (!user) throw notFound();
      return presentUser(user);
    },
  );

  r.patch(
    "/api/admin/users/:id",
    {
      config: { versioned: versioned(users) },
      schema: {
        tags,
        summary: "Aktivera eller inaktivera",
        params: idParams,
        body: updateUserInput,
        response: { 200: userView, ...errors },
      },
    },
    async (request) => {
      return presentUser(
        await accounts.setActive(db, request.actor!, request.params.id, request.body.active),
      );
    },
  );

  r.put(
    "/api/admin/users/:id/roles",
    {
      config: { versioned: versioned(users) },
      schema: {
        tags,
        summary: "Sätt roller och avgränsningar",
        params: idParams,
        body: setRolesInput,
        response: { 200: userView, ...errors },
      },
    },
    async (request) => {
      return presentUser(await accounts.setRoles(db, request.actor!, request.params.id, request.body.roles));
    },
  );
}
