import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  addMemberInput,
  bodyListQuery,
  bodySummaryView,
  bodyView,
  createBodyInput,
  createDecisionInput,
  createMeetingInput,
  createRegistryEntryInput,
  decisionListQuery,
  decisionView,
  meetingListQuery,
  meetingSummaryView,
  meetingView,
  minutesInput,
  registryEntryView,
  registryListQuery,
  updateDecisionInput,
} from "../../../common/governance.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { requestLocale, translator } from "../../platform/i18n.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemResponses, problemSchema } from "../../platform/problem.ts";
import { nudgeMailSender } from "../mail/index.ts";
import * as bodies from "./bodies.service.ts";
import * as decisions from "./decisions.service.ts";
import {
  presentBody,
  presentBodySummary,
  presentMeeting,
  presentMeetingSummary,
} from "./governance.presenter.ts";
import { governanceDecisions, governanceMeetings } from "./governance.schema.ts";
import * as meetings from "./meetings.service.ts";
import * as minutes from "./minutes.service.ts";
import { sendNotice } from "./notice.service.ts";
import * as registry from "./registry.service.ts";

const tags = ["Styrning"];
const errors = { ...problemResponses, 409: problemSchema };
const open = { public: true } as const;

/** Bodies, meetings, minutes, decisions and the registry (issue 17, item 7). */
export function registerGovernanceRoutes(app: FastifyInstance, { db, config }: Deps) {
  const r = typed(app);
  const t = (request: Parameters<typeof requestLocale>[0]) => translator(requestLocale(request));

  r.get(
    "/api/bodies",
    {
      schema: {
        tags,
        summary: "Organ: styrelse, sektorsgrupper, referens- och styrgrupper …",
        querystring: bodyListQuery,
        response: {
          200: z.object({ items: z.array(bodySummaryView) }),
          401: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => ({
      items: (await bodies.listBodies(db, request.actor, request.query)).map(presentBodySummary),
    }),
  );

  r.post(
    "/api/bodies",
    {
      schema: {
        tags,
        summary: "Skapa ett organ",
        body: createBodyInput,
        response: { 201: bodyView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentBody(await bodies.createBody(db, request.actor, request.body), t(request))),
  );

  r.get(
    "/api/bodies/:id",
    {
      schema: {
        tags,
        summary: "Ett organ med ledamöter per part och sammansättningsvarningar",
        params: idParams,
        response: { 200: bodyView, ...errors },
      },
    },
    async (request) => presentBody(await bodies.getBody(db, request.actor, request.params.id), t(request)),
  );

  r.post(
    "/api/bodies/:id/members",
    {
      schema: {
        tags,
        summary: "Lägg till en ledamot eller en bemanning (funktion och andel av heltid)",
        params: idParams,
        body: addMemberInput,
        response: { 201: bodyView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentBody(await bodies.addMember(db, request.actor, request.params.id, request.body), t(request)),
        ),
  );

  r.get(
    "/api/meetings",
    {
      config: open,
      schema: {
        tags,
        summary: "Möten per organ och år (allmänheten ser de offentliga)",
        querystring: meetingListQuery,
        response: { 200: z.object({ items: z.array(meetingSummaryView) }), 422: problemSchema },
      },
    },
    async (request) => ({
      items: (await meetings.listMeetings(db, request.actor, request.query)).map(presentMeetingSummary),
    }),
  );

  r.post(
    "/api/meetings",
    {
      schema: {
        tags,
        summary: "Skapa ett möte med föredragningslista",
        body: createMeetingInput,
        response: { 201: meetingView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentMeeting(await meetings.createMeeting(db, request.actor, request.body))),
  );

  r.get(
    "/api/meetings/:id",
    {
      config: { ...open, versioned: versioned(governanceMeetings) },
      schema: {
        tags,
        summary: "Ett möte: dagordning, närvaro, protokoll och beslut",
        params: idParams,
        response: { 200: meetingView, ...errors },
      },
    },
    async (request) => presentMeeting(await meetings.getMeeting(db, request.actor, request.params.id)),
  );

  r.post(
    "/api/meetings/:id/notice",
    {
      schema: {
        tags,
        summary: "Skicka kallelsen: dagordning och .ics till varje ledamot via utkorgen",
        params: idParams,
        response: { 200: z.object({ recipients: z.number(), noticeSentAt: z.string() }), ...errors },
      },
    },
    async (request) => {
      const result = await sendNotice(db, request.actor, request.params.id, config.publicUrl);
      nudgeMailSender(db);
      return result;
    },
  );

  r.put(
    "/api/meetings/:id/minutes",
    {
      config: { versioned: versioned(governanceMeetings) },
      schema: {
        tags,
        summary: "Skriv protokollet (text, anteckningar per punkt, närvaro, justerare)",
        params: idParams,
        body: minutesInput,
        response: { 200: meetingView, ...errors },
      },
    },
    async (request) =>
      presentMeeting(await minutes.saveMinutes(db, request.actor, request.params.id, request.body)),
  );

  r.post(
    "/api/meetings/:id/minutes/approve",
    {
      schema: {
        tags,
        summary: "Justera och fastställ protokollet; därefter låst (409 vid ändring)",
        params: idParams,
        response: { 200: meetingView, ...errors },
      },
    },
    async (request) => presentMeeting(await minutes.approveMinutes(db, request.actor, request.params.id)),
  );

  r.post(
    "/api/meetings/:id/decisions",
    {
      schema: {
        tags,
        summary: "Ett beslut i mötets protokoll: § i mötet och diarienummer",
        params: idParams,
        body: createDecisionInput,
        response: { 201: decisionView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await decisions.createDecision(db, request.actor, request.params.id, request.body)),
  );

  r.get(
    "/api/decisions",
    {
      config: open,
      schema: {
        tags,
        summary: "Beslutsregistret per organ och år, med sökning",
        querystring: decisionListQuery,
        response: { 200: listOf(decisionView), 422: problemSchema },
      },
    },
    async (request) => decisions.listDecisions(db, request.actor, request.query),
  );

  r.patch(
    "/api/decisions/:id",
    {
      config: { versioned: versioned(governanceDecisions) },
      schema: {
        tags,
        summary: "Ändra ett beslut (409 när protokollet är justerat)",
        params: idParams,
        body: updateDecisionInput,
        response: { 200: decisionView, ...errors },
      },
    },
    async (request) => decisions.updateDecision(db, request.actor, request.params.id, request.body),
  );

  r.get(
    "/api/registry",
    {
      config: open,
      schema: {
        tags,
        summary: "Diariet: sök bland handlingar (sekretessmarkerade visas utan innehåll)",
        querystring: registryListQuery,
        response: { 200: listOf(registryEntryView), 422: problemSchema },
      },
    },
    async (request) => registry.listRegistry(db, request.actor, request.query),
  );

  r.post(
    "/api/registry",
    {
      schema: {
        tags,
        summary: "Diarieför en handling: nästa nummer i organisationens serie för året",
        body: createRegistryEntryInput,
        response: { 201: registryEntryView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registry.createRegistryEntry(db, request.actor, request.body)),
  );
}
