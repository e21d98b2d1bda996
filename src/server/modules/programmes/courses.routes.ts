import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { courseListQuery, courseView, impactView } from "../../../common/programmes.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { requestLocale, translator } from "../../platform/i18n.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemSchema } from "../../platform/problem.ts";
import * as service from "./courses.service.ts";
import { createCourseBody, updateCourseBody, withNameSv, withRequiredNameSv } from "./names.input.ts";
import { presentCourse, presentImpact } from "./programmes.presenter.ts";
import { courses } from "./programmes.schema.ts";

const tags = ["Program och kurser"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/** /api/courses, including contract courses (uppdragsutbildning) with their client organisation. */
export function registerCourseRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/courses",
    {
      schema: {
        tags,
        summary: "Kurser, i svensk namnordning",
        querystring: courseListQuery,
        response: { 200: listOf(courseView), 401: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const result = await service.listCourses(db, request.actor, request.query);
      return {
        items: result.items.map((c) => presentCourse(c, request.actor)),
        nextCursor: result.nextCursor,
      };
    },
  );

  r.post(
    "/api/courses",
    {
      schema: {
        tags,
        summary: "Skapa en kurs",
        body: createCourseBody,
        response: { 201: courseView, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.createCourse(db, request.actor, withRequiredNameSv(request.body));
      return reply.status(201).send(presentCourse(created, request.actor));
    },
  );

  r.get(
    "/api/courses/:id",
    {
      config: { versioned: versioned(courses) },
      schema: { tags, summary: "En kurs", params: idParams, response: { 200: courseView, ...errors } },
    },
    async (request) =>
      presentCourse(await service.getCourse(db, request.actor, request.params.id), request.actor),
  );

  r.patch(
    "/api/courses/:id",
    {
      config: { versioned: versioned(courses) },
      schema: {
        tags,
        summary: "Ändra en kurs",
        params: idParams,
        body: updateCourseBody,
        response: { 200: courseView, ...errors },
      },
    },
    async (request) =>
      presentCourse(
        await service.updateCourse(db, request.actor, request.params.id, withNameSv(request.body)),
        request.actor,
      ),
  );

  r.get(
    "/api/courses/:id/impact",
    {
      schema: {
        tags,
        summary: "Vad en borttagning av kursen skulle påverka",
        params: idParams,
        response: { 200: impactView, ...errors },
      },
    },
    async (request) =>
      presentImpact(
        await service.courseImpact(db, request.actor, request.params.id),
        "programmes.impact",
        translator(requestLocale(request)),
      ),
  );

  r.delete(
    "/api/courses/:id",
    {
      config: { versioned: versioned(courses) },
      schema: { tags, summary: "Ta bort en kurs", params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await service.deleteCourse(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
