import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  budgetQuery,
  budgetView,
  createBudgetInput,
  createSpendInput,
  createUnitInput,
  spendQuery,
  spendView,
  summaryQuery,
  summaryView,
  unitQuery,
  unitView,
  updateBudgetInput,
  updateSpendInput,
} from "../../../common/finance.ts";
import { idParams } from "../../../common/validation.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemSchema } from "../../platform/problem.ts";
import * as changes from "./finance.changes.ts";
import { presentBudget, presentSpend, presentUnit } from "./finance.presenter.ts";
import { budgets, spendEntries } from "./finance.schema.ts";
import * as service from "./finance.service.ts";
import { financeSummary } from "./finance.summary.ts";

const tags = ["Ekonomi"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/** /api/budgets, /api/spend (with /{id} to correct or remove) and /api/finance/*: the services authorise. */
export function registerFinanceRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/finance/units",
    {
      schema: {
        tags,
        summary: "En organisations enheter (raderna i ekonomitabellen)",
        querystring: unitQuery,
        response: { 200: z.object({ items: z.array(unitView), nextCursor: z.null() }), ...errors },
      },
    },
    async (request) => ({
      items: (await service.listUnits(db, request.actor, request.query.organisationId)).map(presentUnit),
      nextCursor: null,
    }),
  );

  r.post(
    "/api/finance/units",
    {
      schema: {
        tags,
        summary: "Lägg till en enhet",
        body: createUnitInput,
        response: { 201: unitView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentUnit(await service.createUnit(db, request.actor, request.body))),
  );

  registerEntryRoutes(r, db, {
    path: "/api/budgets",
    table: budgets,
    summaries: {
      list: "Budgetar per enhet eller projekt och år",
      create: "Lägg in en budget (hela kronor) för en enhet eller ett projekt",
      update: "Ändra en budget (bara de fält som skickas)",
      remove: "Ta bort en budget",
    },
    query: budgetQuery,
    view: budgetView,
    createBody: createBudgetInput,
    updateBody: updateBudgetInput,
    present: presentBudget,
    list: service.listBudgets,
    create: service.createBudget,
    update: changes.updateBudget,
    remove: changes.deleteBudget,
  });

  registerEntryRoutes(r, db, {
    path: "/api/spend",
    table: spendEntries,
    summaries: {
      list: "Förbrukade medel, senaste först",
      create: "Bokför förbrukade medel (hela kronor) på en enhet",
      update: "Rätta en bokning av förbrukade medel (bara de fält som skickas)",
      remove: "Ta bort en bokning av förbrukade medel",
    },
    query: spendQuery,
    view: spendView,
    createBody: createSpendInput,
    updateBody: updateSpendInput,
    present: presentSpend,
    list: service.listSpend,
    create: service.createSpend,
    update: changes.updateSpend,
    remove: changes.deleteSpend,
  });

  r.get(
    "/api/finance/summary",
    {
      schema: {
        tags,
        summary: "Ekonomitabell per enhet för en organisation och ett år, med summor och medfinansiering",
        querystring: summaryQuery,
        response: { 200: summaryView, ...errors },
      },
    },
    async (request) => financeSummary(db, request.actor, request.query.organisationId, request.query.year),
  );
}

/** A budget's or a spend entry's view (concrete, so the routes' responses type-check against it). */
type EntryView = typeof budgetView | typeof spendView;

/**
 * The four routes of the money entries, budgets and spend alike: a paged list, a create, a PATCH of the
 * fields sent and a removal, both under If-Match. The services authorise.
 */
function registerEntryRoutes<Q extends z.ZodType, C extends z.ZodType, U extends z.ZodType, R>(
  r: ReturnType<typeof typed>,
  db: Db,
  entry: {
    path: "/api/budgets" | "/api/spend";
    table: typeof budgets | typeof spendEntries;
    /** The OpenAPI summaries, in Swedish like the rest of the document. */
    summaries: { list: string; create: string; update: string; remove: string };
    query: Q;
    view: EntryView;
    createBody: C;
    updateBody: U;
    present: (record: R) => z.output<EntryView>;
    list: (
      db: Db,
      actor: Actor | null,
      query: z.output<Q>,
    ) => Promise<{ items: R[]; nextCursor: string | null }>;
    create: (db: Db, actor: Actor | null, input: z.output<C>) => Promise<R>;
    update: (db: Db, actor: Actor | null, id: string, input: z.output<U>) => Promise<R>;
    remove: (db: Db, actor: Actor | null, id: string) => Promise<void>;
  },
) {
  const { path, summaries, present } = entry;
  const version = { versioned: versioned(entry.table) };

  r.get(
    path,
    {
      schema: {
        tags,
        summary: summaries.list,
        querystring: entry.query,
        response: { 200: listOf(entry.view), ...errors },
      },
    },
    async (request) => {
      const result = await entry.list(db, request.actor, request.query as z.output<Q>);
      return { items: result.items.map(present), nextCursor: result.nextCursor };
    },
  );

  r.post(
    path,
    {
      schema: {
        tags,
        summary: summaries.create,
        body: entry.createBody,
        response: { 201: entry.view, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(present(await entry.create(db, request.actor, request.body as z.output<C>))),
  );

  r.patch(
    `${path}/:id`,
    {
      config: version,
      schema: {
        tags,
        summary: summaries.update,
        params: idParams,
        body: entry.updateBody,
        response: { 200: entry.view, ...errors },
      },
    },
    async (request) =>
      present(await entry.update(db, request.actor, request.params.id, request.body as z.output<U>)),
  );

  r.delete(
    `${path}/:id`,
    {
      config: version,
      schema: {
        tags,
        summary: summaries.remove,
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await entry.remove(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
