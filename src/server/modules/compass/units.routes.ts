import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  heatmapView,
  trendQuery,
  trendView,
  unitListItem,
  unitParams,
  unitView,
  yearQuery,
} from "../../../common/compass.ts";
import { type Deps, typed } from "../../platform/context.ts";
import { requestLocale } from "../../platform/i18n.ts";
import { problemSchema } from "../../platform/problem.ts";
import { thisYear } from "./compass.shared.ts";
import { compassYears, listUnits, unitCompass, unitHeatmap, unitTrend } from "./units.service.ts";

const tags = ["ALA-kompassen"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/** Aggregated compasses of a department, a faculty or the whole university. */
export function registerCompassUnitRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/compass/years",
    {
      schema: {
        tags,
        summary: "År med aktiviteter, och det senaste året med genomförda",
        response: {
          200: z.object({ current: z.number(), latestWithData: z.number(), years: z.array(z.number()) }),
          ...errors,
        },
      },
    },
    async (request) => {
      return compassYears(db, request.actor);
    },
  );

  r.get(
    "/api/compass/units",
    {
      schema: {
        tags,
        summary: "Enheter som har program (institution, fakultet, lärosäte)",
        response: { 200: z.object({ items: z.array(unitListItem) }), ...errors },
      },
    },
    async (request) => {
      return { items: await listUnits(db, request.actor) };
    },
  );

  r.get(
    "/api/compass/units/:organisationId",
    {
      schema: {
        tags,
        summary: "Enhetens kompass: medelnivå och fördelning per dimension",
        params: unitParams,
        querystring: yearQuery,
        response: { 200: unitView, ...errors },
      },
    },
    async (request) => {
      const year = request.query.year ?? thisYear();
      return unitCompass(db, request.actor, request.params.organisationId, year, requestLocale(request));
    },
  );

  r.get(
    "/api/compass/units/:organisationId/heatmap",
    {
      schema: {
        tags,
        summary: "Värmekarta: enhetens program × dimensioner",
        params: unitParams,
        querystring: yearQuery,
        response: { 200: heatmapView, ...errors },
      },
    },
    async (request) => {
      const year = request.query.year ?? thisYear();
      return unitHeatmap(db, request.actor, request.params.organisationId, year, requestLocale(request));
    },
  );

  r.get(
    "/api/compass/units/:organisationId/trend",
    {
      schema: {
        tags,
        summary: "Medelnivå per dimension och år",
        params: unitParams,
        querystring: trendQuery,
        response: { 200: trendView, ...errors },
      },
    },
    async (request) => {
      const to = request.query.to ?? thisYear();
      const from = request.query.from ?? to - 4;
      return unitTrend(db, request.actor, request.params.organisationId, from, to, requestLocale(request));
    },
  );
}
