import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  coverageQuery,
  coverageView,
  createPlanInput,
  createPlanItemInput,
  itemActivityInput,
  occurrenceDoneInput,
  occurrenceView,
  phaseInput,
  planExportQuery,
  planItemView,
  planSummaryView,
  planView,
  progressInput,
  sectionInput,
  timelineView,
  updatePlanInput,
  updatePlanItemInput,
} from "../../../common/plans.ts";
import { idParams, uuid } from "../../../common/validation.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { versioned } from "../../platform/etag.ts";
import { requestLocale, translator } from "../../platform/i18n.ts";
import { problemSchema } from "../../platform/problem.ts";
import { sendSpreadsheet } from "../../platform/spreadsheet-export.ts";
import * as items from "./plan-items.service.ts";
import { listOccurrences, markOccurrenceDone } from "./plan-occurrences.service.ts";
import { coverageOf, planSheet, timelineOf } from "./plan-views.service.ts";
import { presentOccurrence, presentPlan, presentPlanItem, presentPlanSummary } from "./plans.presenter.ts";
import { planItems, plans as plansTable } from "./plans.schema.ts";
import * as plans from "./plans.service.ts";

const tags = ["Planer"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const itemParams = z.object({ id: uuid, itemId: uuid });

export function registerPlanRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  async function loadPlan(id: string, actor: Actor | null) {
    const plan = await plans.getPlan(db, actor, id);
    if (!plan) throw notFound();
    return plan;
  }
  async function loadItem(planId: string, itemId: string, actor: Actor | null) {
    const plan = await loadPlan(planId, actor);
    const item = plan.items.find((i) => i.item.id === itemId);
    if (!item) throw notFound();
    return presentPlanItem(item);
  }

  r.get(
    "/api/plans",
    {
      schema: {
        tags,
        summary: "Handlingsplaner",
        response: { 200: z.object({ items: z.array(planSummaryView), nextCursor: z.null() }), ...errors },
      },
    },
    async (request) => {
      return { items: (await plans.listPlans(db, request.actor)).map(presentPlanSummary), nextCursor: null };
    },
  );

  r.post(
    "/api/plans",
    {
      schema: {
        tags,
        summary: "Skapa en handlingsplan",
        body: createPlanInput,
        response: { 201: planView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const id = await plans.createPlan(db, request.actor, request.body);
      return reply.status(201).send(presentPlan(await loadPlan(id, request.actor), request.actor));
    },
  );

  r.get(
    "/api/plans/:id",
    {
      config: { versioned: versioned(plansTable) },
      schema: {
        tags,
        summary: "En handlingsplan med faser, avsnitt och insatser (items, resurser i kronor)",
        params: idParams,
        response: { 200: planView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      return presentPlan(await loadPlan(request.params.id, request.actor), request.actor);
    },
  );

  r.patch(
    "/api/plans/:id",
    {
      config: { versioned: versioned(plansTable) },
      schema: {
        tags,
        summary: "Ändra planens uppgifter",
        params: idParams,
        body: updatePlanInput,
        response: { 200: planView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      await plans.updatePlan(db, request.actor, request.params.id, request.body);
      return presentPlan(await loadPlan(request.params.id, request.actor), request.actor);
    },
  );

  for (const kind of ["phase", "section"] as const) {
    r.post(
      `/api/plans/:id/${kind}s`,
      {
        schema: {
          tags,
          summary: kind === "phase" ? "Lägg till en fas" : "Lägg till ett avsnitt",
          params: idParams,
          body: kind === "phase" ? phaseInput : sectionInput,
          response: { 201: planView, ...errors },
        },
      },
      async (request, reply) => {
        requireActor(request.actor);
        await plans.addPlanPart(db, request.actor, request.params.id, kind, request.body);
        return reply
          .status(201)
          .send(presentPlan(await loadPlan(request.params.id, request.actor), request.actor));
      },
    );
  }

  r.get(
    "/api/plans/:id/timeline",
    {
      schema: {
        tags,
        summary: "Tidplan: faser och insatser",
        params: idParams,
        response: { 200: timelineView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      return timelineOf(await loadPlan(request.params.id, request.actor));
    },
  );

  r.get(
    "/api/plans/:id/coverage",
    {
      schema: {
        tags,
        summary: "Mål × insatser: vilka mål betjänas, och av vilka (filter per avsnitt)",
        params: idParams,
        querystring: coverageQuery,
        response: { 200: coverageView, ...errors },
      },
    },
    async (request) => {
      const plan = await loadPlan(request.params.id, request.actor);
      return coverageOf(db, request.actor, plan, request.query.section);
    },
  );

  r.get(
    "/api/plans/:id/export",
    {
      schema: {
        tags,
        summary: "Planens tabell som XLSX eller CSV",
        params: idParams,
        querystring: planExportQuery,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const plan = await loadPlan(request.params.id, request.actor);
      const t = translator(requestLocale(request));
      return sendSpreadsheet(reply, request.query.format, plan.plan.title, [planSheet(plan, t)]);
    },
  );

  r.post(
    "/api/plans/:id/items",
    {
      schema: {
        tags,
        summary: "Lägg till en insats",
        params: idParams,
        body: createPlanItemInput,
        response: { 201: planItemView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const itemId = await items.createPlanItem(db, request.actor, request.params.id, request.body);
      return reply.status(201).send(await loadItem(request.params.id, itemId, request.actor));
    },
  );

  r.get(
    "/api/plans/:id/items/:itemId",
    {
      config: { versioned: versioned(planItems, { param: "itemId" }) },
      schema: { tags, summary: "En insats", params: itemParams, response: { 200: planItemView, ...errors } },
    },
    async (request) => {
      requireActor(request.actor);
      return loadItem(request.params.id, request.params.itemId, request.actor);
    },
  );

  r.patch(
    "/api/plans/:id/items/:itemId",
    {
      config: { versioned: versioned(planItems, { param: "itemId" }) },
      schema: {
        tags,
        summary: "Ändra en insats",
        params: itemParams,
        body: updatePlanItemInput,
        response: { 200: planItemView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      await items.updatePlanItem(db, request.actor, request.params.id, request.params.itemId, request.body);
      return loadItem(request.params.id, request.params.itemId, request.actor);
    },
  );

  r.delete(
    "/api/plans/:id/items/:itemId",
    {
      config: { versioned: versioned(planItems, { param: "itemId" }) },
      schema: {
        tags,
        summary: "Ta bort en insats",
        params: itemParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      await items.deletePlanItem(db, request.actor, request.params.id, request.params.itemId);
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/plans/:id/items/:itemId/progress",
    {
      schema: {
        tags,
        summary: "Lägesnotering för en insats (datum, text, ev. ny status)",
        params: itemParams,
        body: progressInput,
        response: { 201: planItemView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      await items.addProgress(db, request.actor, request.params.id, request.params.itemId, request.body);
      return reply.status(201).send(await loadItem(request.params.id, request.params.itemId, request.actor));
    },
  );

  r.post(
    "/api/plans/:id/items/:itemId/activities",
    {
      schema: {
        tags,
        summary: "Koppla eller skapa en aktivitet som genomför insatsen",
        params: itemParams,
        body: itemActivityInput,
        response: { 201: planItemView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      await items.addItemActivity(db, request.actor, request.params.id, request.params.itemId, request.body);
      return reply.status(201).send(await loadItem(request.params.id, request.params.itemId, request.actor));
    },
  );

  r.delete(
    "/api/plans/:id/items/:itemId/activities/:activityId",
    {
      schema: {
        tags,
        summary: "Ta bort en aktivitets koppling till insatsen",
        params: itemParams.extend({ activityId: uuid }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const { id, itemId, activityId } = request.params;
      await items.removeItemActivity(db, request.actor, id, itemId, activityId);
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/plans/:id/items/:itemId/occurrences",
    {
      schema: {
        tags,
        summary: "Tillfällena för en återkommande insats, och vilka som är gjorda (av vem, när)",
        params: itemParams,
        response: { 200: z.object({ items: z.array(occurrenceView) }), ...errors },
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      return { items: (await listOccurrences(db, request.actor, id, itemId)).map(presentOccurrence) };
    },
  );

  r.post(
    "/api/plans/:id/items/:itemId/occurrences/:occurrenceId/done",
    {
      schema: {
        tags,
        summary: "Markera ett tillfälle som gjort (registrerar vem och när)",
        params: itemParams.extend({ occurrenceId: uuid }),
        body: occurrenceDoneInput.optional(),
        response: { 200: occurrenceView, ...errors },
      },
    },
    async (request) => {
      const { id, itemId, occurrenceId } = request.params;
      return presentOccurrence(
        await markOccurrenceDone(db, request.actor, id, itemId, occurrenceId, request.body ?? {}),
      );
    },
  );
}
