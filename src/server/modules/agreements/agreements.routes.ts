import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import {
  agreementListQuery,
  agreementSummaryView,
  agreementView,
  appendixInput,
  createAgreementInput,
  dialogueInput,
  followUpView,
  needInput,
  sharedCourseView,
  updateAgreementInput,
} from "../../../common/agreements.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemSchema } from "../../platform/problem.ts";
import { appendixDocument } from "./agreements.appendix-doc.ts";
import * as items from "./agreements.items.ts";
import { agreements } from "./agreements.schema.ts";
import * as service from "./agreements.service.ts";

const tags = ["SKO-avtal"];
const errors = {
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** A rendered file as a download (Fastify sends a Buffer as it is, past the response schemas). */
function sendFile(
  reply: FastifyReply,
  file: { body: string | Buffer; contentType: string; filename: string },
) {
  return reply
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .type(file.contentType)
    .send(file.body);
}

/** /api/agreements: SKO framework agreements, their needs, appendix, dialogues and follow-up. */
export function registerAgreementRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/agreements",
    {
      schema: {
        tags,
        summary: "SKO-avtal som användaren får se (en partner ser bara sin organisations)",
        querystring: agreementListQuery,
        response: { 200: listOf(agreementSummaryView), ...errors },
      },
    },
    async (request) => service.listAgreements(db, request.actor, request.query),
  );

  r.post(
    "/api/agreements",
    {
      schema: {
        tags,
        summary: "Skapa ett ramavtal på 2–4 år med budget i hela kronor",
        body: createAgreementInput,
        response: { 201: agreementView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createAgreement(db, request.actor, request.body)),
  );

  r.get(
    "/api/agreements/shared-courses",
    {
      schema: {
        tags,
        summary: "Kurser som läses inom flera avtal (strumpavtal), med organisationer och platser",
        response: { 200: z.object({ items: z.array(sharedCourseView) }), ...errors },
      },
    },
    async (request) => ({ items: await service.sharedCourses(db, request.actor) }),
  );

  r.get(
    "/api/agreements/:id",
    {
      config: { versioned: versioned(agreements) },
      schema: {
        tags,
        summary: "Ett avtal med parter, behov, kursbilaga, dialoger, budget och uppföljning",
        params: idParams,
        response: { 200: agreementView, ...errors },
      },
    },
    async (request) => service.getAgreement(db, request.actor, request.params.id),
  );

  r.patch(
    "/api/agreements/:id",
    {
      config: { versioned: versioned(agreements) },
      schema: {
        tags,
        summary: "Ändra ett avtal (bara de fält som skickas); fas och status sparas i historiken",
        params: idParams,
        body: updateAgreementInput,
        response: { 200: agreementView, ...errors },
      },
    },
    async (request) => service.updateAgreement(db, request.actor, request.params.id, request.body),
  );

  r.delete(
    "/api/agreements/:id",
    {
      config: { versioned: versioned(agreements) },
      schema: {
        tags,
        summary: "Ta bort ett avtal (409 med det som hör till det när medel är bokförda på det)",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteAgreement(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/agreements/:id/follow-up",
    {
      schema: {
        tags,
        summary: "Avtalets uppföljning: kurser, deltagare, tagna hp, täckta behov och budgetutnyttjande",
        params: idParams,
        response: { 200: followUpView, ...errors },
      },
    },
    async (request) => service.agreementFollowUp(db, request.actor, request.params.id),
  );

  for (const format of ["pdf", "docx"] as const)
    r.get(
      `/api/agreements/:id/appendix.${format}`,
      {
        schema: {
          tags,
          summary: `Kursbilagan för underskrift som ${format.toUpperCase()}`,
          params: idParams,
          response: { ...errors },
        },
      },
      async (request, reply) =>
        sendFile(reply, await appendixDocument(db, request.actor, request.params.id, format)),
    );

  r.post(
    "/api/agreements/:id/needs",
    {
      schema: {
        tags,
        summary: "Lägg till ett behov i behovsinventeringen",
        params: idParams,
        body: needInput,
        response: { 201: agreementView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await items.addNeed(db, request.actor, request.params.id, request.body)),
  );

  r.post(
    "/api/agreements/:id/appendix",
    {
      schema: {
        tags,
        summary: "Lägg till en kurs i kursbilagan (en kurs en gång per termin)",
        params: idParams,
        body: appendixInput,
        response: { 201: agreementView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await items.addAppendixRow(db, request.actor, request.params.id, request.body)),
  );

  r.post(
    "/api/agreements/:id/dialogues",
    {
      schema: {
        tags,
        summary: "Anteckna en samverkansdialog (den kan lägga till behov)",
        params: idParams,
        body: dialogueInput,
        response: { 201: agreementView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await items.addDialogue(db, request.actor, request.params.id, request.body)),
  );
}
