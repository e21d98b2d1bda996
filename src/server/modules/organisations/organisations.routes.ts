import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  createOrganisationInput,
  mergeInput,
  organisationDetailView,
  organisationImpactView,
  organisationListQuery,
  organisationView,
  updateOrganisationInput,
} from "../../../common/organisations.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { etagOf, versioned } from "../../platform/etag.ts";
import { listOf } from "../../platform/pagination.ts";
import { problems } from "../../platform/problem.ts";
import { mergeOrganisations } from "./organisations.merge.ts";
import { presentOrganisation, presentOrganisationDetail } from "./organisations.presenter.ts";
import { organisations } from "./organisations.schema.ts";
import * as service from "./organisations.service.ts";

const tags = ["Organisationer"];
const config = { versioned: versioned(organisations, { labels: "organisations.fields" }) };
/** The detail's GET reads the version with the record (one statement) and sets the ETag itself. */
const detailConfig = {
  versioned: versioned(organisations, { labels: "organisations.fields", etagFromHandler: true }),
};
const errors = problems(401, 403, 404, 409, 422);

/** The organisation register. Authorisation happens in the service (the policy), for every caller. */
export function registerOrganisationRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/organisations",
    {
      schema: {
        tags,
        summary: "Organisationer: sök, filtrera, sortera och bläddra",
        querystring: organisationListQuery,
        response: { 200: listOf(organisationView), ...errors },
      },
    },
    async (request) => {
      const result = await service.listOrganisations(db, request.actor, request.query);
      return {
        items: result.items.map((o) => presentOrganisation(request.actor, o)),
        nextCursor: result.nextCursor,
      };
    },
  );

  r.post(
    "/api/organisations",
    {
      schema: {
        tags,
        summary: "Skapa en organisation",
        body: createOrganisationInput,
        response: { 201: organisationView, ...errors },
      },
    },
    async (request, reply) => {
      const org = await service.createOrganisation(db, request.actor, request.body);
      return reply.status(201).send(presentOrganisation(request.actor, org));
    },
  );

  r.get(
    "/api/organisations/:id",
    {
      config: detailConfig,
      schema: {
        tags,
        summary: "En organisation med personer, program, kurser, aktiviteter och enheter",
        params: idParams,
        response: { 200: organisationDetailView, ...errors },
      },
    },
    async (request) => {
      const detail = await service.getOrganisationDetail(db, request.actor, request.params.id);
      request.etag = etagOf(detail.version);
      return presentOrganisationDetail(request.actor, detail);
    },
  );

  r.patch(
    "/api/organisations/:id",
    {
      config,
      schema: {
        tags,
        summary: "Ändra en organisation",
        params: idParams,
        body: updateOrganisationInput,
        response: { 200: organisationView, ...errors },
      },
    },
    async (request) =>
      presentOrganisation(
        request.actor,
        await service.updateOrganisation(db, request.actor, request.params.id, request.body),
      ),
  );

  r.get(
    "/api/organisations/:id/impact",
    {
      schema: {
        tags,
        summary: "Vad som påverkas om organisationen tas bort",
        params: idParams,
        response: { 200: organisationImpactView, ...errors },
      },
    },
    async (request) => service.getOrganisationImpact(db, request.actor, request.params.id),
  );

  r.delete(
    "/api/organisations/:id",
    {
      config,
      schema: {
        tags,
        summary: "Ta bort en organisation",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteOrganisation(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/organisations/:id/merge",
    {
      schema: {
        tags,
        summary: "Slå samman en organisation med en annan (dubbletter)",
        params: idParams,
        body: mergeInput,
        response: { 200: organisationView, ...errors },
      },
    },
    async (request) =>
      presentOrganisation(
        request.actor,
        await mergeOrganisations(db, request.actor, request.params.id, request.body),
      ),
  );
}
