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

  r.get(
    "/api/budgets",
    {
      schema: {
        tags,
        summary: "Budgetar per enhet eller projekt och år",
        querystring: budgetQuery,
        response: { 200: listOf(budgetView), ...errors },
      },
    },
    async (request) => {
      const result = await service.listBudgets(db, request.actor, request.query);
      return { items: result.items.map(presentBudget), nextCursor: result.nextCursor };
    },
  );

  r.post(
    "/api/budgets",
    {
      schema: {
        tags,
        summary: "Lägg in en budget (hela kronor) för en enhet eller ett projekt",
        body: createBudgetInput,
        response: { 201: budgetView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentBudget(await service.createBudget(db, request.actor, request.body))),
  );

  r.patch(
    "/api/budgets/:id",
    {
      config: { versioned: versioned(budgets) },
      schema: {
        tags,
        summary: "Ändra en budget (bara de fält som skickas)",
        params: idParams,
        body: updateBudgetInput,
        response: { 200: budgetView, ...errors },
      },
    },
    async (request) =>
      presentBudget(await changes.updateBudget(db, request.actor, request.params.id, request.body)),
  );

  r.delete(
    "/api/budgets/:id",
    {
      config: { versioned: versioned(budgets) },
      schema: {
        tags,
        summary: "Ta bort en budget",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await changes.deleteBudget(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/spend",
    {
      schema: {
        tags,
        summary: "Förbrukade medel, senaste först",
        querystring: spendQuery,
        response: { 200: listOf(spendView), ...errors },
      },
    },
    async (request) => {
      const result = await service.listSpend(db, request.actor, request.query);
      return { items: result.items.map(presentSpend), nextCursor: result.nextCursor };
    },
  );

  r.post(
    "/api/spend",
    {
      schema: {
        tags,
        summary: "Bokför förbrukade medel (hela kronor) på en enhet",
        body: createSpendInput,
        response: { 201: spendView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentSpend(await service.createSpend(db, request.actor, request.body))),
  );

  r.patch(
    "/api/spend/:id",
    {
      config: { versioned: versioned(spendEntries) },
      schema: {
        tags,
        summary: "Rätta en bokning av förbrukade medel (bara de fält som skickas)",
        params: idParams,
        body: updateSpendInput,
        response: { 200: spendView, ...errors },
      },
    },
    async (request) =>
      presentSpend(await changes.updateSpend(db, request.actor, request.params.id, request.body)),
  );

  r.delete(
    "/api/spend/:id",
    {
      config: { versioned: versioned(spendEntries) },
      schema: {
        tags,
        summary: "Ta bort en bokning av förbrukade medel",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await changes.deleteSpend(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

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
