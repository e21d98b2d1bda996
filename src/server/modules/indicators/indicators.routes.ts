import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { organisationMatrixView } from "../../../common/goal-matrix.ts";
import {
  createIndicatorInput,
  dashboardQuery,
  dashboardView,
  indicatorListQuery,
  indicatorSummaryView,
  indicatorView,
  manualValueInput,
  recordsView,
  valueView,
} from "../../../common/indicators.ts";
import { idParams, pageQuery, uuid } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { contentDisposition } from "../../platform/files.ts";
import { requestLocale } from "../../platform/i18n.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemResponses } from "../../platform/problem.ts";
import { goalDashboard } from "./indicators.dashboard.ts";
import { registerIndicatorEditRoutes } from "./indicators.edit.routes.ts";
import { evaluateIndicators } from "./indicators.evaluate.ts";
import { openEvidence } from "./indicators.evidence.ts";
import { organisationMatrix } from "./indicators.matrix.ts";
import { presentIndicator, presentIndicatorSummary, presentValue } from "./indicators.presenter.ts";
import { indicators } from "./indicators.schema.ts";
import * as service from "./indicators.service.ts";

const tags = ["Indikatorer"];
const valueParams = z.object({ id: uuid, valueId: uuid });

/** /api/indicators and /api/goal-dashboard: the service authorises; routes parse and present. */
export function registerIndicatorRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const r = typed(app);
  registerIndicatorEditRoutes(app, deps);

  r.get(
    "/api/indicators",
    {
      schema: {
        tags,
        summary: "Indikatorer (filter: frameworkId, goalId, projectId, organisationId) med utfall och status",
        querystring: indicatorListQuery,
        response: { 200: listOf(indicatorSummaryView), ...problemResponses },
      },
    },
    async (request) => {
      const result = await service.listIndicators(db, request.actor, request.query);
      const evaluated = await evaluateIndicators(db, result.items, requestLocale(request));
      return {
        items: evaluated.map((e) => presentIndicatorSummary(e, request.actor)),
        nextCursor: result.nextCursor,
      };
    },
  );

  r.post(
    "/api/indicators",
    {
      schema: {
        tags,
        summary: "Skapa en indikator: beräknad (med definition) eller manuell (utan)",
        body: createIndicatorInput,
        response: { 201: indicatorView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await service.createIndicator(db, request.actor, request.body);
      const [evaluated] = await evaluateIndicators(db, [created], requestLocale(request));
      return reply.status(201).send(presentIndicator(evaluated, request.actor));
    },
  );

  r.get(
    "/api/indicators/:id",
    {
      config: { versioned: versioned(indicators) },
      schema: {
        tags,
        summary: "En indikator: mål, utfall, definition i ord, status och historik",
        params: idParams,
        response: { 200: indicatorView, ...problemResponses },
      },
    },
    async (request) => {
      const found = await service.loadIndicator(db, request.actor, request.params.id);
      const [evaluated] = await evaluateIndicators(db, [found], requestLocale(request));
      return presentIndicator(evaluated, request.actor);
    },
  );

  r.get(
    "/api/indicators/:id/records",
    {
      schema: {
        tags,
        summary: "Det en beräknad indikator räknar: posterna bakom värdet",
        params: idParams,
        querystring: pageQuery,
        response: { 200: recordsView, ...problemResponses },
      },
    },
    async (request) =>
      service.indicatorRecords(db, request.actor, request.params.id, {
        limit: request.query.limit,
        cursor: request.query.cursor,
        locale: requestLocale(request),
      }),
  );

  r.get(
    "/api/indicators/:id/values",
    {
      schema: {
        tags,
        summary: "En manuell indikators värden över tid, senaste först",
        params: idParams,
        response: { 200: z.object({ items: z.array(valueView), nextCursor: z.null() }), ...problemResponses },
      },
    },
    async (request) => {
      const values = await service.listValues(db, request.actor, request.params.id);
      return { items: values.map(presentValue), nextCursor: null };
    },
  );

  r.post(
    "/api/indicators/:id/values",
    {
      schema: {
        tags,
        summary: "För in ett värde för en manuell indikator, med datum och underlag (länk eller fil)",
        params: idParams,
        body: manualValueInput,
        response: { 201: valueView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentValue(await service.addManualValue(db, request.actor, request.params.id, request.body))),
  );

  r.get(
    "/api/indicators/:id/values/:valueId/evidence",
    { schema: { tags, summary: "Ett värdes underlag (uppladdad fil)", params: valueParams } },
    async (request, reply) => {
      const file = await service.evidenceOf(db, request.actor, request.params.id, request.params.valueId);
      return reply
        .header("content-disposition", contentDisposition(file.name))
        .type(file.contentType)
        .send(openEvidence(file.key));
    },
  );

  r.get(
    "/api/goal-dashboard",
    {
      schema: {
        tags,
        summary: "Måluppföljning för ett ramverk, ett projekt eller en organisation (ange en av dem)",
        querystring: dashboardQuery,
        response: { 200: dashboardView, ...problemResponses },
      },
    },
    async (request) => goalDashboard(db, request.actor, request.query, requestLocale(request)),
  );

  r.get(
    "/api/projects/:id/organisation-matrix",
    {
      schema: {
        tags,
        summary:
          "Mål på två nivåer: projektets deltagande organisationer × mål, med värde och status i ord per cell",
        params: idParams,
        response: { 200: organisationMatrixView, ...problemResponses },
      },
    },
    async (request) => organisationMatrix(db, request.actor, request.params.id, requestLocale(request)),
  );
}
