import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  offerInput,
  offerParams,
  offerPatch,
  offersQuery,
  offerView,
  programmeParams,
  recommendationView,
  takeOfferInput,
  takeOfferParams,
  workPlanItem,
  yearQuery,
} from "../../../common/compass.ts";
import { requireActor } from "../../platform/actor.ts";
import { type Deps, typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { requestLocale } from "../../platform/i18n.ts";
import { problemSchema } from "../../platform/problem.ts";
import { compassOffers } from "./compass.schema.ts";
import { thisYear } from "./compass.shared.ts";
import { createOffer, getOffer, listOffers, updateOffer } from "./offers.service.ts";
import { recommendations, takeOffer, workPlan } from "./recommendations.service.ts";

const tags = ["ALA-kompassen"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/** Support offers, the recommendations drawn from them, and a programme's work plan. */
export function registerCompassOfferRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/compass/offers",
    {
      schema: {
        tags,
        summary: "Stödutbudet (erbjudanden)",
        querystring: offersQuery,
        response: { 200: z.object({ items: z.array(offerView) }), ...errors },
      },
    },
    async (request) => {
      const { dimension } = request.query;
      const includeInactive = request.query.includeInactive === "true";
      return { items: await listOffers(db, request.actor, { dimension, includeInactive }) };
    },
  );

  r.get(
    "/api/compass/offers/:offerId",
    {
      config: { versioned: versioned(compassOffers, { param: "offerId" }) },
      schema: {
        tags,
        summary: "Ett erbjudande",
        params: offerParams,
        response: { 200: offerView, ...errors },
      },
    },
    async (request) => {
      return getOffer(db, request.actor, request.params.offerId);
    },
  );

  r.post(
    "/api/compass/offers",
    {
      schema: {
        tags,
        summary: "Lägg till ett erbjudande",
        body: offerInput,
        response: { 201: offerView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      return reply.status(201).send(await createOffer(db, request.actor, request.body));
    },
  );

  r.patch(
    "/api/compass/offers/:offerId",
    {
      config: { versioned: versioned(compassOffers, { param: "offerId" }) },
      schema: {
        tags,
        summary: "Ändra eller avaktivera ett erbjudande",
        params: offerParams,
        body: offerPatch,
        response: { 200: offerView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      return updateOffer(db, request.actor, request.params.offerId, request.body);
    },
  );

  r.get(
    "/api/compass/programmes/:programmeId/recommendations",
    {
      schema: {
        tags,
        summary: "Rekommenderade erbjudanden för programmets gap, största gap först",
        params: programmeParams,
        querystring: yearQuery,
        response: { 200: z.object({ items: z.array(recommendationView) }), ...errors },
      },
    },
    async (request) => {
      const year = request.query.year ?? thisYear();
      return {
        items: await recommendations(
          db,
          request.actor,
          request.params.programmeId,
          year,
          requestLocale(request),
        ),
      };
    },
  );

  r.post(
    "/api/compass/programmes/:programmeId/offers/:offerId/take",
    {
      schema: {
        tags,
        summary: "Ta ett erbjudande: en planerad aktivitet läggs i programmets arbetsplan",
        params: takeOfferParams,
        querystring: yearQuery,
        body: takeOfferInput.optional(),
        response: { 201: workPlanItem, 409: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const { programmeId, offerId } = request.params;
      const year = request.query.year ?? thisYear();
      const item = await takeOffer(db, request.actor, programmeId, offerId, year, request.body ?? {});
      return reply.status(201).send(item);
    },
  );

  r.get(
    "/api/compass/programmes/:programmeId/work-plan",
    {
      schema: {
        tags,
        summary: "Programmets arbetsplan för året",
        params: programmeParams,
        querystring: yearQuery,
        response: { 200: z.object({ items: z.array(workPlanItem) }), ...errors },
      },
    },
    async (request) => {
      const year = request.query.year ?? thisYear();
      return { items: await workPlan(db, request.actor, request.params.programmeId, year) };
    },
  );
}
