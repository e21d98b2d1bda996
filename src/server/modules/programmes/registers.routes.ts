import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type courseView, impactView, type programmeView } from "../../../common/programmes.ts";
import { idParams } from "../../../common/validation.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { requestLocale, translator } from "../../platform/i18n.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemSchema } from "../../platform/problem.ts";
import { withNameSv, withRequiredNameSv } from "./names.input.ts";
import { presentImpact } from "./programmes.presenter.ts";
import type { courses, programmes } from "./programmes.schema.ts";

const tags = ["Program och kurser"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

type Names = { name?: string; nameSv?: string };
/** A programme's or a course's view (concrete, so the routes' responses type-check against it). */
type View = typeof programmeView | typeof courseView;

/**
 * The six routes of a register of studies, /api/programmes and /api/courses alike: list, create, read,
 * change, impact of a removal, remove. The services authorise; the routes parse and present.
 */
export function registerStudyRoutes<
  Q extends z.ZodType,
  C extends z.ZodType<Names>,
  U extends z.ZodType<Names>,
  R,
>(
  app: FastifyInstance,
  db: Db,
  register: {
    path: "/api/programmes" | "/api/courses";
    table: typeof programmes | typeof courses;
    /** The OpenAPI summaries, in Swedish like the rest of the document. */
    summaries: { list: string; create: string; read: string; update: string; impact: string; remove: string };
    query: Q;
    view: View;
    createBody: C;
    updateBody: U;
    present: (record: R, actor: Actor | null) => z.output<View>;
    list: (
      db: Db,
      actor: Actor | null,
      query: z.output<Q>,
    ) => Promise<{ items: R[]; nextCursor: string | null }>;
    create: (
      db: Db,
      actor: Actor | null,
      input: Omit<z.output<C>, "name" | "nameSv"> & { nameSv: string },
    ) => Promise<R>;
    read: (db: Db, actor: Actor | null, id: string) => Promise<R>;
    update: (
      db: Db,
      actor: Actor | null,
      id: string,
      input: Omit<z.output<U>, "name" | "nameSv"> & { nameSv?: string },
    ) => Promise<R>;
    impact: (db: Db, actor: Actor | null, id: string) => Promise<Record<string, number>>;
    remove: (db: Db, actor: Actor | null, id: string) => Promise<void>;
  },
) {
  const r = typed(app);
  const { path, summaries, present } = register;
  const version = { versioned: versioned(register.table) };

  r.get(
    path,
    {
      schema: {
        tags,
        summary: summaries.list,
        querystring: register.query,
        response: { 200: listOf(register.view), 401: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const result = await register.list(db, request.actor, request.query as z.output<Q>);
      return {
        items: result.items.map((item) => present(item, request.actor)),
        nextCursor: result.nextCursor,
      };
    },
  );

  r.post(
    path,
    {
      schema: {
        tags,
        summary: summaries.create,
        body: register.createBody,
        response: { 201: register.view, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body as z.output<C>;
      const created = await register.create(db, request.actor, withRequiredNameSv(body));
      return reply.status(201).send(present(created, request.actor));
    },
  );

  r.get(
    `${path}/:id`,
    {
      config: version,
      schema: {
        tags,
        summary: summaries.read,
        params: idParams,
        response: { 200: register.view, ...errors },
      },
    },
    async (request) => present(await register.read(db, request.actor, request.params.id), request.actor),
  );

  r.patch(
    `${path}/:id`,
    {
      config: version,
      schema: {
        tags,
        summary: summaries.update,
        params: idParams,
        body: register.updateBody,
        response: { 200: register.view, ...errors },
      },
    },
    async (request) => {
      const body = request.body as z.output<U>;
      return present(
        await register.update(db, request.actor, request.params.id, withNameSv(body)),
        request.actor,
      );
    },
  );

  r.get(
    `${path}/:id/impact`,
    {
      schema: { tags, summary: summaries.impact, params: idParams, response: { 200: impactView, ...errors } },
    },
    async (request) =>
      presentImpact(
        await register.impact(db, request.actor, request.params.id),
        "programmes.impact",
        translator(requestLocale(request)),
      ),
  );

  r.delete(
    `${path}/:id`,
    {
      config: version,
      schema: { tags, summary: summaries.remove, params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await register.remove(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
