import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  activityListQuery,
  activityView,
  createActivityInput,
  updateActivityInput,
} from "../../../common/activities.ts";
import { impactView } from "../../../common/programmes.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { requestLocale, translator } from "../../platform/i18n.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemSchema } from "../../platform/problem.ts";
import { presentImpact } from "../programmes/index.ts";
import { presentActivity } from "./activities.presenter.ts";
import { activities } from "./activities.schema.ts";
import * as service from "./activities.service.ts";

const tags = ["Aktiviteter"];
/**
 * An activity's version (ETag/If-Match, platform/etag.ts) for routes of other modules that edit a part of the
 * activity under `:param` (its goal links): their writes move the activity's version like its own PATCH.
 */
export const activityVersion = (param = "id") => versioned(activities, { param });

const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/** /api/activities: the service authorises (other modules call it too); routes parse and present. */
export function registerActivityRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/activities",
    {
      schema: {
        tags,
        summary: "Aktiviteter, filtrerade och sorterade",
        querystring: activityListQuery,
        response: { 200: listOf(activityView), 401: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const result = await service.listActivities(db, request.actor, request.query);
      return {
        items: result.items.map((a) => presentActivity(a, request.actor)),
        nextCursor: result.nextCursor,
      };
    },
  );

  r.post(
    "/api/activities",
    {
      schema: {
        tags,
        summary: "Registrera en aktivitet",
        body: createActivityInput,
        response: { 201: activityView, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.createActivity(db, request.actor, request.body);
      return reply.status(201).send(presentActivity(created, request.actor));
    },
  );

  r.get(
    "/api/activities/:id",
    {
      config: { versioned: versioned(activities) },
      schema: { tags, summary: "En aktivitet", params: idParams, response: { 200: activityView, ...errors } },
    },
    async (request) =>
      presentActivity(await service.getActivity(db, request.actor, request.params.id), request.actor),
  );

  r.patch(
    "/api/activities/:id",
    {
      config: { versioned: versioned(activities) },
      schema: {
        tags,
        summary: "Ändra en aktivitet",
        params: idParams,
        body: updateActivityInput,
        response: { 200: activityView, ...errors },
      },
    },
    async (request) =>
      presentActivity(
        await service.updateActivity(db, request.actor, request.params.id, request.body),
        request.actor,
      ),
  );

  r.get(
    "/api/activities/:id/impact",
    {
      schema: {
        tags,
        summary: "Vad en borttagning av aktiviteten skulle påverka",
        params: idParams,
        response: { 200: impactView, ...errors },
      },
    },
    async (request) =>
      presentImpact(
        await service.activityImpact(db, request.actor, request.params.id),
        "activities.impact",
        translator(requestLocale(request)),
      ),
  );

  r.delete(
    "/api/activities/:id",
    {
      config: { versioned: versioned(activities) },
      schema: {
        tags,
        summary: "Ta bort en aktivitet",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteActivity(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
