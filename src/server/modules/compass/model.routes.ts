import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { modelQuery, modelVersionInput, modelView } from "../../../common/compass.ts";
import { requireActor } from "../../platform/actor.ts";
import { type Deps, typed } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { requestLocale } from "../../platform/i18n.ts";
import { problemSchema } from "../../platform/problem.ts";
import { presentModel } from "./compass.presenter.ts";
import { createModelVersion, getModelVersion, latestModel, listModelVersions } from "./model.service.ts";

const tags = ["ALA-kompassen"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/** The compass model: read by everyone logged in, new versions published by administrators. */
export function registerCompassModelRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/compass/model",
    {
      schema: {
        tags,
        summary: "Kompassens modell (senaste versionen, eller ?version=)",
        querystring: modelQuery,
        response: { 200: modelView, ...errors },
      },
    },
    async (request) => {
      const { version } = request.query;
      const model = version
        ? await getModelVersion(db, request.actor, version)
        : await latestModel(db, request.actor);
      if (!model) throw notFound();
      return presentModel(model, requestLocale(request));
    },
  );

  r.get(
    "/api/compass/model/versions",
    {
      schema: {
        tags,
        summary: "Alla versioner av modellen",
        response: { 200: z.object({ items: z.array(modelView) }), ...errors },
      },
    },
    async (request) => {
      const locale = requestLocale(request);
      return { items: (await listModelVersions(db, request.actor)).map((m) => presentModel(m, locale)) };
    },
  );

  r.post(
    "/api/compass/model/versions",
    {
      schema: {
        tags,
        summary: "Publicera en ny version av modellen",
        body: modelVersionInput,
        response: { 201: modelView, 409: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const model = await createModelVersion(db, request.actor, request.body);
      return reply.status(201).send(presentModel(model, requestLocale(request)));
    },
  );
}
