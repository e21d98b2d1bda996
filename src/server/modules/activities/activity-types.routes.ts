import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  activityTypeView,
  createActivityTypeInput,
  updateActivityTypeInput,
} from "../../../common/activities.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { problemSchema } from "../../platform/problem.ts";
import { presentActivityType } from "./activities.presenter.ts";
import { activityTypes } from "./activities.schema.ts";
import * as service from "./activity-types.service.ts";

const tags = ["Aktiviteter"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const keyParams = z.object({ key: z.string().min(1).max(60) });

/** The activity type catalogue: everyone logged in reads it, administrators extend and relabel it. */
export function registerActivityTypeRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/activity-types",
    {
      schema: {
        tags,
        summary: "Katalogen över aktivitetstyper (även inaktiva)",
        response: {
          200: z.object({ items: z.array(activityTypeView), nextCursor: z.null() }),
          401: problemSchema,
        },
      },
    },
    async (request) => ({
      items: (await service.listActivityTypes(db, request.actor)).map(presentActivityType),
      nextCursor: null,
    }),
  );

  r.post(
    "/api/activity-types",
    {
      schema: {
        tags,
        summary: "Lägg till en aktivitetstyp",
        body: createActivityTypeInput,
        response: { 201: activityTypeView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentActivityType(await service.createActivityType(db, request.actor, request.body))),
  );

  r.patch(
    "/api/activity-types/:key",
    {
      config: { versioned: versioned(activityTypes, { key: activityTypes.key, param: "key" }) },
      schema: {
        tags,
        summary: "Byt etikett, ordning eller aktivera/inaktivera en aktivitetstyp",
        params: keyParams,
        body: updateActivityTypeInput,
        response: { 200: activityTypeView, ...errors },
      },
    },
    async (request) =>
      presentActivityType(
        await service.updateActivityType(db, request.actor, request.params.key, request.body),
      ),
  );
}
