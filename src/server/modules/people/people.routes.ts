import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { mergeInput } from "../../../common/organisations.ts";
import {
  createPersonInput,
  personDetailView,
  personImpactView,
  personListQuery,
  personView,
  updatePersonInput,
} from "../../../common/people.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { listOf } from "../../platform/pagination.ts";
import { problems } from "../../platform/problem.ts";
import { mergePeople } from "./people.merge.ts";
import { presentPerson, presentPersonDetail } from "./people.presenter.ts";
import { people } from "./people.schema.ts";
import * as service from "./people.service.ts";

const tags = ["Personer"];
const errors = problems(401, 403, 404, 409, 422);

/** The people register. Authorisation happens in the service (the policy), for every caller. */
export function registerPeopleRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/people",
    {
      schema: {
        tags,
        summary: "Personer: sök, filtrera på organisation, sortera och bläddra",
        querystring: personListQuery,
        response: { 200: listOf(personView), ...errors },
      },
    },
    async (request) => {
      const result = await service.listPeople(db, request.actor, request.query);
      return {
        items: result.items.map((p) => presentPerson(request.actor, p)),
        nextCursor: result.nextCursor,
      };
    },
  );

  r.post(
    "/api/people",
    {
      schema: {
        tags,
        summary: "Lägg till en person",
        body: createPersonInput,
        response: { 201: personView, ...errors },
      },
    },
    async (request, reply) => {
      const person = await service.createPerson(db, request.actor, request.body);
      return reply.status(201).send(presentPerson(request.actor, person));
    },
  );

  r.get(
    "/api/people/:id",
    {
      config: { versioned: versioned(people, { labels: "people.fields" }) },
      schema: {
        tags,
        summary: "En person med medlemskap, ansvar och användarkonto",
        params: idParams,
        response: { 200: personDetailView, ...errors },
      },
    },
    async (request) =>
      presentPersonDetail(request.actor, await service.getPersonDetail(db, request.actor, request.params.id)),
  );

  r.patch(
    "/api/people/:id",
    {
      config: { versioned: versioned(people, { labels: "people.fields" }) },
      schema: {
        tags,
        summary: "Ändra en person (medlemskap ersätts när de skickas med)",
        params: idParams,
        body: updatePersonInput,
        response: { 200: personView, ...errors },
      },
    },
    async (request) =>
      presentPerson(
        request.actor,
        await service.updatePerson(db, request.actor, request.params.id, request.body),
      ),
  );

  r.get(
    "/api/people/:id/impact",
    {
      schema: {
        tags,
        summary: "Vad som påverkas om personen tas bort",
        params: idParams,
        response: { 200: personImpactView, ...errors },
      },
    },
    async (request) => service.getPersonImpact(db, request.actor, request.params.id),
  );

  r.delete(
    "/api/people/:id",
    {
      config: { versioned: versioned(people, { labels: "people.fields" }) },
      schema: {
        tags,
        summary: "Ta bort en person",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deletePerson(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/people/:id/merge",
    {
      schema: {
        tags,
        summary: "Slå samman en person med en annan (dubbletter)",
        params: idParams,
        body: mergeInput,
        response: { 200: personView, ...errors },
      },
    },
    async (request) =>
      presentPerson(request.actor, await mergePeople(db, request.actor, request.params.id, request.body)),
  );
}
