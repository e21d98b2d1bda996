import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  indicatorPreview,
  indicatorView,
  previewIndicatorInput,
  updateIndicatorInput,
} from "../../../common/indicators.ts";
import { impactView } from "../../../common/programmes.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { requestLocale, translator } from "../../platform/i18n.ts";
import { problemResponses } from "../../platform/problem.ts";
import { presentImpact } from "../programmes/index.ts";
import { deleteIndicator, indicatorImpact, previewIndicator, updateIndicator } from "./indicators.edit.ts";
import { evaluateIndicators } from "./indicators.evaluate.ts";
import { presentIndicator } from "./indicators.presenter.ts";
import { indicators } from "./indicators.schema.ts";

const tags = ["Indikatorer"];

/** Changing, deleting (impact first) and previewing indicators; the service authorises. */
export function registerIndicatorEditRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.post(
    "/api/indicators/preview",
    {
      schema: {
        tags,
        summary: "Förhandsgranska en definition: värdet i dag och definitionen i ord, utan att spara",
        body: previewIndicatorInput,
        response: { 200: indicatorPreview, ...problemResponses },
      },
    },
    async (request) => previewIndicator(db, request.actor, request.body, requestLocale(request)),
  );

  r.patch(
    "/api/indicators/:id",
    {
      config: { versioned: versioned(indicators) },
      schema: {
        tags,
        summary: "Ändra en indikator: namn, enhet, mål, riktning, datum, utgångsvärde, koppling, definition",
        params: idParams,
        body: updateIndicatorInput,
        response: { 200: indicatorView, ...problemResponses },
      },
    },
    async (request) => {
      const updated = await updateIndicator(db, request.actor, request.params.id, request.body);
      const [evaluated] = await evaluateIndicators(db, [updated], requestLocale(request));
      return presentIndicator(evaluated, request.actor);
    },
  );

  r.get(
    "/api/indicators/:id/impact",
    {
      schema: {
        tags,
        summary: "Vad som tas bort med indikatorn: införda värden och deras underlag",
        params: idParams,
        response: { 200: impactView, ...problemResponses },
      },
    },
    async (request) =>
      presentImpact(
        await indicatorImpact(db, request.actor, request.params.id),
        "indicators.impact",
        translator(requestLocale(request)),
      ),
  );

  r.delete(
    "/api/indicators/:id",
    {
      config: { versioned: versioned(indicators) },
      schema: {
        tags,
        summary: "Ta bort en indikator med dess införda värden (det den räknar finns kvar)",
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteIndicator(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
