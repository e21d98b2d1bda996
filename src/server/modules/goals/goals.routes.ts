import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  createFrameworkInput,
  frameworkQuery,
  frameworkSummaryView,
  frameworkView,
  goalLinksInput,
  goalRefView,
  goalUseQuery,
  goalUseView,
  reviseFrameworkInput,
  updateFrameworkInput,
} from "../../../common/goals.ts";
import { idParams, uuid } from "../../../common/validation.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { versioned } from "../../platform/etag.ts";
import { problemSchema } from "../../platform/problem.ts";
import { activityVersion } from "../activities/index.ts";
import { activityGoalRefs, setActivityGoals } from "./goal-links.service.ts";
import { goalUse } from "./goal-use.service.ts";
import { presentFramework, presentFrameworkSummary } from "./goals.presenter.ts";
import { goalFrameworks } from "./goals.schema.ts";
import * as frameworks from "./goals.service.ts";

const tags = ["Mål"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

export function registerGoalRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  async function load(actor: Actor | null, id: string, version?: number) {
    const detail = await frameworks.getFramework(db, actor, id, version);
    if (!detail) throw notFound();
    return presentFramework(detail);
  }

  r.get(
    "/api/frameworks",
    {
      schema: {
        tags,
        summary: "Målramverk",
        response: {
          200: z.object({ items: z.array(frameworkSummaryView), nextCursor: z.null() }),
          ...errors,
        },
      },
    },
    async (request) => {
      return {
        items: (await frameworks.listFrameworks(db, request.actor)).map(presentFrameworkSummary),
        nextCursor: null,
      };
    },
  );

  r.post(
    "/api/frameworks",
    {
      schema: {
        tags,
        summary: "Skapa ett målramverk med sina mål",
        body: createFrameworkInput,
        response: { 201: frameworkView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const id = await frameworks.createFramework(db, request.actor, request.body);
      return reply.status(201).send(await load(request.actor, id));
    },
  );

  r.get(
    "/api/frameworks/:id",
    {
      config: { versioned: versioned(goalFrameworks) },
      schema: {
        tags,
        summary: "Ett målramverk med målen i en version (nuvarande om inget anges)",
        params: idParams,
        querystring: frameworkQuery,
        response: { 200: frameworkView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      return load(request.actor, request.params.id, request.query.version);
    },
  );

  r.patch(
    "/api/frameworks/:id",
    {
      config: { versioned: versioned(goalFrameworks) },
      schema: {
        tags,
        summary: "Ändra ramverkets namn, ägare, period eller vision",
        params: idParams,
        body: updateFrameworkInput,
        response: { 200: frameworkView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      await frameworks.updateFramework(db, request.actor, request.params.id, request.body);
      return load(request.actor, request.params.id);
    },
  );

  r.post(
    "/api/frameworks/:id/versions",
    {
      schema: {
        tags,
        summary: "Revidera målen: ny version, tidigare version och dess kopplingar finns kvar",
        params: idParams,
        body: reviseFrameworkInput,
        response: { 201: frameworkView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      await frameworks.reviseFramework(db, request.actor, request.params.id, request.body);
      return reply.status(201).send(await load(request.actor, request.params.id));
    },
  );

  r.get(
    "/api/frameworks/:id/served",
    {
      schema: {
        tags,
        summary: "Vad som tjänar varje mål: årets aktiviteter, projekt och planaktiviteter",
        params: idParams,
        querystring: goalUseQuery,
        response: { 200: goalUseView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      const year = request.query.year ?? new Date().getUTCFullYear();
      return goalUse(db, request.actor, request.params.id, year);
    },
  );

  const activityParams = z.object({ activityId: uuid });
  const linksView = z.object({ items: z.array(goalRefView) });
  r.get(
    "/api/goal-links/activities/:activityId",
    {
      config: { versioned: activityVersion("activityId") },
      schema: {
        tags,
        summary: "Målen en aktivitet bidrar till",
        params: activityParams,
        response: { 200: linksView, ...errors },
      },
    },
    async (request) => {
      return { items: await activityGoalRefs(db, request.actor, request.params.activityId) };
    },
  );

  r.put(
    "/api/goal-links/activities/:activityId",
    {
      config: { versioned: activityVersion("activityId") },
      schema: {
        tags,
        summary: "Koppla en aktivitet till mål",
        params: activityParams,
        body: goalLinksInput,
        response: { 200: linksView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      return {
        items: await setActivityGoals(db, request.actor, request.params.activityId, request.body.goalIds),
      };
    },
  );
}
