import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  feedbackInput,
  ownRegistrationView,
  publicEventListQuery,
  publicEventView,
  registrationInput,
  registrationResultView,
  updateRegistrationInput,
} from "../../../common/events.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { contentDisposition } from "../../platform/files.ts";
import { problemSchema } from "../../platform/problem.ts";
import { nudgeMailSender } from "../mail/index.ts";
import { checkinQrSvg, eventIcs, icsEventsOf, manageUrl } from "./events.mail.ts";
import { presentOwnRegistration, presentPublicEvent } from "./events.presenter.ts";
import { listCalendarFeedEvents, listPublicEvents } from "./events.queries.ts";
import { loadEvent } from "./events.records.ts";
import { giveFeedback, questionsForType } from "./feedback.service.ts";
import { toIcs } from "./ics.ts";
import * as registrations from "./registrations.service.ts";

const tags = ["Evenemang (publikt)"];
const tokenParams = z.object({ token: z.string().min(20).max(200) });
const publicErrors = {
  404: problemSchema,
  409: problemSchema,
  410: problemSchema,
  422: problemSchema,
  429: problemSchema,
};

/**
 * What the public reaches without an account: the calendar, event pages, registration, the
 * subscribable feed, and — through the personal link's token — their own registration only.
 * Writes carry no session, so no CSRF token (`csrf: false`); registration is rate-limited per address.
 */
export function registerPublicEventRoutes(app: FastifyInstance, { db, config }: Deps) {
  const r = typed(app);
  const open = { public: true } as const;
  const write = {
    public: true,
    csrf: false,
    rateLimit: { max: Math.max(60, config.loginRateLimit), timeWindow: "1 minute" },
  };

  r.get(
    "/api/public/events",
    {
      config: open,
      schema: {
        tags,
        summary: "Kommande publika evenemang, eller en månads (?month=2026-12)",
        querystring: publicEventListQuery,
        response: { 200: z.object({ items: z.array(publicEventView) }), 422: problemSchema },
      },
    },
    async (request) => ({
      items: (await listPublicEvents(db, request.query)).map((e) => presentPublicEvent(e)),
    }),
  );

  r.get(
    "/api/public/events/:id",
    {
      config: open,
      schema: {
        tags,
        summary: "Ett publikt evenemang",
        params: idParams,
        response: { 200: publicEventView, 404: problemSchema },
      },
    },
    async (request) => {
      const record = await loadEvent(db, request.params.id);
      if (record?.event.visibility !== "public") throw notFound();
      return presentPublicEvent(record);
    },
  );

  r.get(
    "/api/public/events/:id/calendar.ics",
    { config: open, schema: { tags, summary: "Evenemanget som kalenderfil", params: idParams } },
    async (request, reply) => {
      const record = await loadEvent(db, request.params.id);
      if (record?.event.visibility !== "public") throw notFound();
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", contentDisposition("evenemang.ics"))
        .send(eventIcs(record, config.publicUrl));
    },
  );

  r.post(
    "/api/public/events/:id/registrations",
    {
      config: write,
      schema: {
        tags,
        summary: "Anmäl dig (utan konto). Bekräftelse med .ics och personlig länk skickas med e-post.",
        params: idParams,
        body: registrationInput,
        response: { 201: registrationResultView, ...publicErrors },
      },
    },
    async (request, reply) => {
      const outcome = await registrations.registerPublic(
        db,
        request.params.id,
        request.body,
        config.publicUrl,
        new Date(),
        { source: request.ip, caps: config.anonymousMail },
      );
      // Committed with its confirmation in the outbox; the sender delivers it in the background.
      nudgeMailSender(db);
      return reply.status(201).send({
        status: outcome.row.status as "confirmed" | "waitlisted",
        waitlistPosition: outcome.position,
        manageUrl: manageUrl(config.publicUrl, outcome.token),
        checkinCode: outcome.row.checkinCode,
        emailSent: outcome.emailQueued,
      });
    },
  );

  r.get(
    "/api/public/calendar.ics",
    {
      config: open,
      schema: { tags, summary: "Prenumererbar kalender med publika evenemang (iCalendar)" },
    },
    async (_request, reply) => {
      const records = await listCalendarFeedEvents(db);
      const body = toIcs(
        records.flatMap((e) => icsEventsOf(e, config.publicUrl)),
        { name: "Samspel – evenemang" },
      );
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "public, max-age=900")
        .send(body);
    },
  );

  r.get(
    "/api/public/registrations/:token",
    {
      config: open,
      schema: {
        tags,
        summary: "Din anmälan, via den personliga länken",
        params: tokenParams,
        response: { 200: ownRegistrationView, 404: problemSchema, 410: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const own = await registrations.getOwnRegistration(db, request.params.token);
      return presentOwnRegistration(own, await questionsForType(db, own.record.activity.typeKey));
    },
  );

  r.patch(
    "/api/public/registrations/:token",
    {
      config: write,
      schema: {
        tags,
        summary: "Ändra din anmälan",
        params: tokenParams,
        body: updateRegistrationInput,
        response: { 200: ownRegistrationView, ...publicErrors },
      },
    },
    async (request) => {
      const own = await registrations.updateOwnRegistration(db, request.params.token, request.body);
      return presentOwnRegistration(own, await questionsForType(db, own.record.activity.typeKey));
    },
  );

  r.post(
    "/api/public/registrations/:token/cancel",
    {
      config: write,
      schema: {
        tags,
        summary: "Avboka (platsen går till den som står först på väntelistan)",
        params: tokenParams,
        response: { 200: ownRegistrationView, ...publicErrors },
      },
    },
    async (request) => {
      const { promoted } = await registrations.cancelOwnRegistration(
        db,
        request.params.token,
        config.publicUrl,
      );
      if (promoted.length) nudgeMailSender(db);
      const own = await registrations.getOwnRegistration(db, request.params.token);
      return presentOwnRegistration(own, await questionsForType(db, own.record.activity.typeKey));
    },
  );

  r.post(
    "/api/public/registrations/:token/feedback",
    {
      config: write,
      schema: {
        tags,
        summary: "Lämna återkoppling efter evenemanget",
        params: tokenParams,
        body: feedbackInput,
        response: { 204: z.null(), ...publicErrors },
      },
    },
    async (request, reply) => {
      await giveFeedback(db, request.params.token, request.body);
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/public/registrations/:token/checkin-code.svg",
    { config: open, schema: { tags, summary: "Incheckningskoden som QR-kod (SVG)", params: tokenParams } },
    async (request, reply) => {
      const own = await registrations.getOwnRegistration(db, request.params.token);
      return reply
        .type("image/svg+xml")
        .header("cache-control", "no-store")
        .send(await checkinQrSvg(config.publicUrl, own.row.eventId, own.row.checkinCode));
    },
  );
}
