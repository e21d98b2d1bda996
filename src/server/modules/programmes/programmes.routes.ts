import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { impactView, programmeListQuery, programmeView } from "../../../common/programmes.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { requestLocale, translator } from "../../platform/i18n.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemSchema } from "../../platform/problem.ts";
import { createProgrammeBody, updateProgrammeBody, withNameSv, withRequiredNameSv } from "./names.input.ts";
import { presentImpact, presentProgramme } from "./programmes.presenter.ts";
import { programmes } from "./programmes.schema.ts";
import * as service from "./programmes.service.ts";

const tags = ["Program och kurser"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/** /api/programmes: the services authorise (they are called by other modules too); routes parse and present. */
export function registerProgrammeRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/programmes",
    {
      schema: {
        tags,
        summary: "Program, i svensk namnordning",
        querystring: programmeListQuery,
        response: { 200: listOf(programmeView), 401: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const result = await service.listProgrammes(db, request.actor, request.query);
      return {
        items: result.items.map((p) => presentProgramme(p, request.actor)),
        nextCursor: result.nextCursor,
      };
    },
  );

  r.post(
    "/api/programmes",
    {
      schema: {
        tags,
        summary: "Skapa ett program",
        body: createProgrammeBody,
        response: { 201: programmeView, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.createProgramme(db, request.actor, withRequiredNameSv(request.body));
      return reply.status(201).send(presentProgramme(created, request.actor));
    },
  );

  r.get(
    "/api/programmes/:id",
    {
      config: { versioned: versioned(programmes) },
      schema: { tags, summary: "Ett program", params: idParams, response: { 200: programmeView, ...errors } },
    },
    async (request) =>
      presentProgramme(await service.getProgramme(db, request.actor, request.params.id), request.actor),
  );

  r.patch(
    "/api/programmes/:id",
    {
      config: { versioned: versioned(programmes) },
      schema: {
        tags,
        summary: "Ändra ett program",
        params: idParams,
        body: updateProgrammeBody,
        response: { 200: programmeView, ...errors },
      },
    },
    async (request) =>
      presentProgramme(
        await service.updateProgramme(db, request.actor, request.params.id, withNameSv(request.body)),
        request.actor,
      ),
  );

  r.get(
    "/api/programmes/:id/impact",
    {
      schema: {
        tags,
        summary: "Vad en borttagning av programmet skulle påverka",
        params: idParams,
        response: { 200: impactView, ...errors },
      },
    },
    async (request) =>
      presentImpact(
        await service.programmeImpact(db, request.actor, request.params.id),
        "programmes.impact",
        translator(requestLocale(request)),
      ),
  );

  r.delete(
    "/api/programmes/:id",
    {
      config: { versioned: versioned(programmes) },
      schema: {
        tags,
        summary: "Ta bort ett program",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteProgramme(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}

/**
 * A programme's version (ETag/If-Match, platform/etag.ts) for other modules' routes that edit a part of the
 * programme under `:param` (its compass): their writes move the programme's version like its own PATCH.
 */
export const programmeVersion = (param = "id") => versioned(programmes, { param });
