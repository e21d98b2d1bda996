import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  attendanceInput,
  eventFeedbackView,
  eventListQuery,
  eventView,
  feedbackQuestion,
  feedbackQuestionsInput,
  feedbackSummaryQuery,
  feedbackSummaryView,
  participantsQuery,
  participantTableQuery,
  participantTableView,
  participantView,
  walkInInput,
} from "../../../common/events.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { requestLocale, translator } from "../../platform/i18n.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemSchema } from "../../platform/problem.ts";
import { sendSpreadsheet, stockholmDateTime } from "../../platform/spreadsheet-export.ts";
import { nudgeMailSender } from "../mail/index.ts";
import { createEventBody, eventInputOf, updateEventBody } from "./event-dates.input.ts";
import { presentEvent, presentParticipant } from "./events.presenter.ts";
import { events, feedbackQuestionSets } from "./events.schema.ts";
import * as service from "./events.service.ts";
import * as feedback from "./feedback.service.ts";
import { participantTable } from "./participant-table.service.ts";
import * as participants from "./participants.service.ts";
import { purgeDietaryNeeds } from "./registrations.service.ts";

const tags = ["Evenemang"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/** The organisers' API: events, participants, check-in, feedback, the project's participant table. */
export function registerEventRoutes(app: FastifyInstance, { db, config }: Deps) {
  const r = typed(app);

  r.get(
    "/api/events",
    {
      schema: {
        tags,
        summary: "Evenemang (publika och interna), med antal anmälda, närvarande och uppskattade",
        querystring: eventListQuery,
        response: { 200: listOf(eventView), 401: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const result = await service.listEvents(db, request.actor, request.query);
      return {
        items: result.items.map((e) => presentEvent(e, request.actor)),
        nextCursor: result.nextCursor,
      };
    },
  );

  r.post(
    "/api/events",
    {
      schema: {
        tags,
        summary: "Skapa ett evenemang",
        description:
          "Dagarna ges som tillfällen (sessions) eller, som för en aktivitet, med startDate/endDate (och startTime/endTime): utan sessions blir det ett tillfälle per dag. Ges båda måste de stämma överens.",
        body: createEventBody,
        response: { 201: eventView, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.createEvent(db, request.actor, eventInputOf(request.body));
      return reply.status(201).send(presentEvent(created, request.actor));
    },
  );

  // Static paths under /api/events/ are registered before /:id is matched (Fastify prefers static routes).
  r.get(
    "/api/events/participants-by-role",
    {
      schema: {
        tags,
        summary:
          "Deltagartabell per roll och organisation, utan dubbletter, för ett projekt, en serie eller ett nätverk",
        description:
          "Exakt en avgränsning: projectTag (taggen på aktivitet, serie eller nätverk), projectId, seriesId eller networkId. Räknar personer som närvarat vid minst ett evenemang.",
        querystring: participantTableQuery,
        response: { 200: participantTableView, ...errors },
      },
    },
    async (request, reply) => {
      const t = translator(requestLocale(request));
      const table = await participantTable(db, request.actor, request.query);
      for (const group of table.groups) {
        group.label = t(`events.roleGroups.${group.group}`);
        for (const role of group.roles) if (!role.roleKey) role.label = t("events.roleUnknown");
      }
      if (request.query.format !== "xlsx") return table;
      const rows = table.groups.flatMap((g) => [
        { label: g.label, count: g.count },
        ...g.roles.map((role) => ({ label: `   ${role.label}`, count: role.count })),
      ]);
      return sendSpreadsheet(reply, "xlsx", `deltagare-${table.scope.label}`, [
        {
          name: t("events.table.byRole"),
          columns: [
            { header: t("events.table.role"), value: (x: { label: string }) => x.label, width: 40 },
            { header: t("events.table.count"), value: (x: { count: number }) => x.count, width: 12 },
          ],
          rows: [...rows, { label: t("events.table.total"), count: table.participants }],
        },
        {
          name: t("events.table.byOrganisation"),
          columns: [
            {
              header: t("events.participant.organisation"),
              value: (x: { organisation: string }) => x.organisation,
              width: 40,
            },
            { header: t("events.table.count"), value: (x: { count: number }) => x.count, width: 12 },
          ],
          rows: table.organisations,
        },
      ]);
    },
  );

  r.get(
    "/api/events/feedback-summary",
    {
      schema: {
        tags,
        summary: "Återkoppling sammanställd per serie, tema, typ eller evenemang",
        querystring: feedbackSummaryQuery,
        response: { 200: feedbackSummaryView, ...errors },
      },
    },
    async (request) => feedback.feedbackSummary(db, request.actor, request.query.by),
  );

  r.get(
    "/api/events/feedback-questions",
    {
      schema: {
        tags,
        summary: "Extra frågor i återkopplingen, per evenemangstyp",
        response: {
          200: z.object({
            items: z.array(z.object({ typeKey: z.string(), questions: z.array(feedbackQuestion) })),
          }),
          401: problemSchema,
        },
      },
    },
    async (request) => ({
      items: (await feedback.listQuestionSets(db, request.actor)).map((s) => ({
        typeKey: s.typeKey,
        questions: s.questions,
      })),
    }),
  );

  // Documented under its own prefix: beside /api/events/{id}/… the old path is ambiguous to API tools (two
  // templates match /api/events/feedback-questions/participants). The old path still answers, undocumented.
  const questionSetRoute = (url: string, hide: boolean) =>
    r.put(
      url,
      {
        config: {
          versioned: versioned(feedbackQuestionSets, { key: feedbackQuestionSets.typeKey, param: "typeKey" }),
        },
        schema: {
          hide,
          tags,
          summary: "Sätt återkopplingens extra frågor för en evenemangstyp",
          params: z.object({ typeKey: z.string().max(60) }),
          body: feedbackQuestionsInput,
          response: {
            200: z.object({ typeKey: z.string(), questions: z.array(feedbackQuestion) }),
            ...errors,
          },
        },
      },
      async (request) => ({
        typeKey: request.params.typeKey,
        questions: await feedback.setQuestionsForType(
          db,
          request.actor,
          request.params.typeKey,
          request.body,
        ),
      }),
    );
  questionSetRoute("/api/event-feedback-questions/:typeKey", false);
  questionSetRoute("/api/events/feedback-questions/:typeKey", true);

  r.get(
    "/api/events/:id",
    {
      config: { versioned: versioned(events, { key: events.activityId }) },
      schema: { tags, summary: "Ett evenemang", params: idParams, response: { 200: eventView, ...errors } },
    },
    async (request) =>
      presentEvent(await service.getEvent(db, request.actor, request.params.id), request.actor),
  );

  r.patch(
    "/api/events/:id",
    {
      config: { versioned: versioned(events, { key: events.activityId }) },
      schema: {
        tags,
        summary: "Ändra ett evenemang (fler platser flyttar upp personer från väntelistan)",
        params: idParams,
        description:
          "startDate/endDate (och startTime/endTime) ersätter tillfällena som sessions gör: ett tillfälle per dag.",
        body: updateEventBody,
        response: { 200: eventView, ...errors },
      },
    },
    async (request) => {
      const { record, promoted } = await service.updateEvent(
        db,
        request.actor,
        request.params.id,
        eventInputOf(request.body),
        config.publicUrl,
      );
      if (promoted.length) nudgeMailSender(db);
      return presentEvent(record, request.actor);
    },
  );

  r.get(
    "/api/events/:id/participants",
    {
      schema: {
        tags,
        summary: "Deltagarlistan som JSON eller XLSX",
        params: idParams,
        querystring: participantsQuery,
        response: { 200: z.object({ items: z.array(participantView) }), ...errors },
      },
    },
    async (request, reply) => {
      const rows = await participants.listParticipants(
        db,
        request.actor,
        request.params.id,
        request.query.status,
      );
      const items = rows.map(presentParticipant);
      if (request.query.format === "json") return { items };
      const t = translator(requestLocale(request));
      const event = await service.getEvent(db, request.actor, request.params.id);
      type P = (typeof items)[number];
      return sendSpreadsheet(reply, "xlsx", `deltagare-${event.activity.title}`, [
        {
          name: t("events.participants"),
          columns: [
            { header: t("events.participant.name"), value: (p: P) => p.name, width: 28 },
            { header: t("events.participant.email"), value: (p: P) => p.email, width: 30 },
            { header: t("events.participant.organisation"), value: (p: P) => p.organisation, width: 30 },
            { header: t("events.participant.role"), value: (p: P) => p.role, width: 26 },
            { header: t("events.participant.municipality"), value: (p: P) => p.municipality, width: 16 },
            {
              header: t("events.participant.status"),
              value: (p: P) => t(`events.statuses.${p.status}`),
              width: 14,
            },
            {
              header: t("events.participant.attendedAt"),
              // When they were checked in, on a Swedish clock (not UTC).
              value: (p: P) => stockholmDateTime(p.attendedAt),
              numFmt: "yyyy-mm-dd hh:mm",
              width: 17,
            },
            { header: t("events.participant.code"), value: (p: P) => p.checkinCode, width: 10 },
            { header: t("events.participant.dietary"), value: (p: P) => p.dietary, width: 24 },
            { header: t("events.participant.accessibility"), value: (p: P) => p.accessibility, width: 24 },
          ],
          rows: items,
        },
      ]);
    },
  );

  r.post(
    "/api/events/:id/attendance",
    {
      schema: {
        tags,
        summary: "Checka in (eller ångra) en deltagare, med id eller koden från bekräftelsen",
        params: idParams,
        body: attendanceInput,
        response: { 200: participantView, ...errors },
      },
    },
    async (request) =>
      presentParticipant(
        await participants.setAttendance(db, request.actor, request.params.id, request.body),
      ),
  );

  r.post(
    "/api/events/:id/walk-ins",
    {
      schema: {
        tags,
        summary: "Registrera någon som kom utan anmälan (räknas som närvarande)",
        params: idParams,
        body: walkInInput,
        response: { 201: participantView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentParticipant(
            await participants.addWalkIn(db, request.actor, request.params.id, request.body),
          ),
        ),
  );

  r.get(
    "/api/events/:id/feedback",
    {
      schema: {
        tags,
        summary: "Evenemangets återkoppling",
        params: idParams,
        response: { 200: eventFeedbackView, ...errors },
      },
    },
    async (request) =>
      feedback.eventFeedbackSummary(db, request.actor, request.params.id, requestLocale(request)),
  );

  r.post(
    "/api/admin/events/purge-dietary-needs",
    {
      schema: {
        tags,
        summary: "Radera uppgifter om specialkost för evenemang som är över (görs annars varje timme)",
        response: { 200: z.object({ purged: z.number() }), 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      return { purged: await purgeDietaryNeeds(db, request.actor) };
    },
  );
}
