import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  createLocalPlanInput,
  localPlanDetailView,
  localPlanListQuery,
  localPlanView,
  patchLocalPlanInput,
  supportInput,
  supportSummaryView,
  supportView,
} from "../../../common/localwork.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { problems } from "../../platform/problem.ts";
import { localPlans } from "./localwork.schema.ts";
import * as service from "./localwork.service.ts";

const tags = ["Lokalt utvecklingsarbete"];
const errors = problems(401, 403, 404, 409, 422);

const presentPlan = (p: service.PlanRow) => ({
  id: p.id,
  organisationId: p.organisationId,
  organisationName: p.organisationName,
  projectTag: p.projectTag,
  projectId: p.projectId,
  title: p.title,
  direction: p.direction,
  activities: p.activities,
  supportHours: p.supportHours,
  updatedAt: p.updatedAt.toISOString(),
});
const presentSupport = (s: service.SupportRow) => ({
  id: s.id,
  kind: s.kind as z.infer<typeof supportView>["kind"],
  date: s.date,
  hours: s.hours,
  givenBy: s.givenBy,
  participants: s.participants,
  note: s.note,
});

/** /api/local-plans: each organisation's local development plan and its process support (seed 004). */
export function registerLocalWorkRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);
  const detail = async (actor: Parameters<typeof service.getPlan>[1], id: string) => {
    const { plan, support, totals } = await service.getPlan(db, actor, id);
    return { ...presentPlan(plan), support: support.map(presentSupport), totals };
  };

  r.get(
    "/api/local-plans",
    {
      schema: {
        tags,
        summary: "Lokala utvecklingsplaner",
        querystring: localPlanListQuery,
        response: { 200: z.object({ items: z.array(localPlanView) }), ...errors },
      },
    },
    async (request) => ({
      items: (await service.listPlans(db, request.actor, request.query)).map(presentPlan),
    }),
  );

  r.get(
    "/api/local-plans/summary",
    {
      schema: {
        tags,
        summary: "Processtöd per slag: insatser, timmar och deltagare",
        querystring: localPlanListQuery.pick({ projectTag: true }),
        response: { 200: supportSummaryView, ...errors },
      },
    },
    async (request) => service.supportSummary(db, request.actor, request.query.projectTag),
  );

  r.post(
    "/api/local-plans",
    {
      schema: {
        tags,
        summary: "Skapa en organisations lokala utvecklingsplan",
        body: createLocalPlanInput,
        response: { 201: localPlanDetailView, ...errors },
      },
    },
    async (request, reply) => {
      const id = await service.createPlan(db, request.actor!, request.body);
      return reply.status(201).send(await detail(request.actor, id));
    },
  );

  r.get(
    "/api/local-plans/:id",
    {
      config: { versioned: versioned(localPlans) },
      schema: {
        tags,
        summary: "En lokal utvecklingsplan med dess processtöd",
        params: idParams,
        response: { 200: localPlanDetailView, ...errors },
      },
    },
    async (request) => detail(request.actor, request.params.id),
  );

  r.patch(
    "/api/local-plans/:id",
    {
      config: { versioned: versioned(localPlans) },
      schema: {
        tags,
        summary: "Ändra en lokal utvecklingsplan",
        params: idParams,
        body: patchLocalPlanInput,
        response: { 200: localPlanDetailView, ...errors },
      },
    },
    async (request) => {
      await service.updatePlan(db, request.actor!, request.params.id, request.body);
      return detail(request.actor, request.params.id);
    },
  );

  r.post(
    "/api/local-plans/:id/support",
    {
      schema: {
        tags,
        summary: "Registrera processtöd (handledning, mentorskap, experter, studiebesök, auskultation)",
        params: idParams,
        body: supportInput,
        response: { 201: supportView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentSupport(await service.addSupport(db, request.actor!, request.params.id, request.body))),
  );
}
