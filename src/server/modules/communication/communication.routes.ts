import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  audienceView,
  mailingInput,
  mailingView,
  previewView,
  segmentCriteria,
  segmentInput,
  segmentView,
  sendMailingInput,
  subscribeInput,
  subscriberView,
} from "../../../common/communication.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { problemSchema, problems } from "../../platform/problem.ts";
import * as mailings from "./mailings.service.ts";
import * as subscribers from "./subscribers.service.ts";

const tags = ["Nyhetsbrev och inbjudningar"];
const errors = problems(401, 403, 404, 409, 422);
const tokenParams = z.object({ token: z.string().min(20).max(200) });
const iso = (d: Date | null) => d?.toISOString() ?? null;

type MailingRow = Awaited<ReturnType<typeof mailings.getMailing>>;
const presentMailing = (m: MailingRow) => ({
  id: m.id,
  kind: m.kind as "newsletter" | "invitation",
  subject: m.subject,
  body: m.body,
  eventId: m.eventId,
  criteria: m.criteria,
  status: m.status as "draft" | "sent",
  recipientCount: m.recipientCount,
  sentAt: iso(m.sentAt),
  createdAt: m.createdAt.toISOString(),
});

/** Public subscription (double opt-in), one-click unsubscribe, and the office's segments and mailings. */
export function registerCommunicationRoutes(app: FastifyInstance, { db, config }: Deps) {
  const r = typed(app);
  const publicWrite = {
    public: true,
    csrf: false,
    rateLimit: { max: Math.max(30, config.loginRateLimit), timeWindow: "1 minute" },
  };

  r.post(
    "/api/public/newsletter/subscriptions",
    {
      config: publicWrite,
      schema: {
        tags,
        summary: "Prenumerera på nyhetsbrevet (en bekräftelselänk skickas först)",
        body: subscribeInput,
        response: {
          202: z.object({ status: z.literal("checkYourEmail") }),
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await subscribers.subscribe(db, request.body, config.publicUrl, {
        source: request.ip,
        caps: config.anonymousMail,
      });
      return reply.status(202).send({ status: "checkYourEmail" as const });
    },
  );

  r.post(
    "/api/public/newsletter/confirm/:token",
    {
      config: publicWrite,
      schema: {
        tags,
        summary: "Bekräfta prenumerationen",
        params: tokenParams,
        response: { 200: z.object({ email: z.string() }), 404: problemSchema },
      },
    },
    async (request) => subscribers.confirmSubscription(db, request.params.token),
  );

  // One-click unsubscribe (RFC 8058): mail programs POST `List-Unsubscribe=One-Click` as a form.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string" },
      (_req, body, done) => done(null, body),
    );
    typed(scope).post(
      "/api/public/unsubscribe/:token",
      {
        config: publicWrite,
        schema: {
          tags,
          summary: "Avregistrera adressen från nyhetsbrev och inbjudningar (ett klick)",
          params: tokenParams,
          response: { 200: z.object({ email: z.string() }), 404: problemSchema },
        },
      },
      async (request) => subscribers.unsubscribe(db, request.params.token),
    );
  });

  r.get(
    "/api/communication/subscribers",
    {
      schema: {
        tags,
        summary: "Prenumeranter",
        response: { 200: z.object({ items: z.array(subscriberView) }), ...errors },
      },
    },
    async (request) => ({
      items: (await subscribers.listSubscribers(db, request.actor)).map((s) => ({
        id: s.id,
        email: s.email,
        name: s.name,
        status: s.status as "pending" | "active" | "unsubscribed",
        themes: s.themes,
        municipality: s.municipality,
        organisationType: s.organisationType,
        confirmedAt: iso(s.confirmedAt),
        createdAt: s.createdAt.toISOString(),
      })),
    }),
  );

  const presentSegment = (s: Awaited<ReturnType<typeof mailings.createSegment>>) => ({
    id: s.id,
    name: s.name,
    criteria: s.criteria,
    createdAt: s.createdAt.toISOString(),
  });
  r.get(
    "/api/communication/segments",
    {
      schema: {
        tags,
        summary: "Sparade målgrupper",
        response: { 200: z.object({ items: z.array(segmentView) }), ...errors },
      },
    },
    async (request) => ({ items: (await mailings.listSegments(db, request.actor)).map(presentSegment) }),
  );
  r.get(
    "/api/communication/audiences",
    {
      schema: {
        tags,
        summary: "Målgrupper att välja för ett utskick, med antal mottagare",
        response: { 200: z.object({ items: z.array(audienceView) }), ...errors },
      },
    },
    async (request) => ({ items: await mailings.listAudiences(db, request.actor) }),
  );
  r.post(
    "/api/communication/segments",
    {
      schema: {
        tags,
        summary: "Spara en målgrupp",
        body: segmentInput,
        response: { 201: segmentView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentSegment(await mailings.createSegment(db, request.actor, request.body))),
  );
  r.post(
    "/api/communication/segments/preview",
    {
      schema: {
        tags,
        summary: "Förhandsgranska exakt vilka en målgrupp når",
        body: segmentCriteria,
        response: { 200: previewView, ...errors },
      },
    },
    async (request) => mailings.previewCriteria(db, request.actor, request.body),
  );

  r.get(
    "/api/communication/mailings",
    {
      schema: {
        tags,
        summary: "Utskick",
        response: { 200: z.object({ items: z.array(mailingView) }), ...errors },
      },
    },
    async (request) => ({ items: (await mailings.listMailings(db, request.actor)).map(presentMailing) }),
  );
  r.post(
    "/api/communication/mailings",
    {
      schema: {
        tags,
        summary: "Skapa ett utskick (nyhetsbrev eller inbjudan)",
        body: mailingInput,
        response: { 201: mailingView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentMailing(await mailings.createMailing(db, request.actor, request.body))),
  );
  r.get(
    "/api/communication/mailings/:id",
    { schema: { tags, summary: "Ett utskick", params: idParams, response: { 200: mailingView, ...errors } } },
    async (request) => presentMailing(await mailings.getMailing(db, request.actor, request.params.id)),
  );
  r.get(
    "/api/communication/mailings/:id/recipients",
    {
      schema: {
        tags,
        summary: "Exakt vilka som får utskicket",
        params: idParams,
        response: { 200: previewView, ...errors },
      },
    },
    async (request) => mailings.previewMailing(db, request.actor, request.params.id),
  );
  r.post(
    "/api/communication/mailings/:id/send",
    {
      schema: {
        tags,
        summary: "Skicka utskicket (antal och sammanfattning från förhandsgranskningen måste stämma)",
        description:
          "Utskicket läggs i e-postkön i samma transaktion som det markeras skickat, och svaret kommer direkt. " +
          "`status: sent` betyder att utskicket är köat för leverans, inte att varje brev redan har kommit fram. " +
          "`recipientCount` är från början antalet köade mottagare; en mottagare som inte kunde nås efter sista " +
          "försöket räknas bort. Ett utskick som redan är skickat (även av en samtidig begäran) ger 409.",
        params: idParams,
        body: sendMailingInput,
        response: { 200: mailingView, ...errors },
      },
    },
    async (request) =>
      presentMailing(
        await mailings.sendMailing(db, request.actor, request.params.id, request.body, config.publicUrl),
      ),
  );
}
