import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  agreementListQuery,
  agreementSummaryView,
  agreementView,
  appendixInput,
  appendixRowView,
  createAgreementInput,
  dialogueCommentInput,
  dialogueInput,
  dialogueView,
  followUpView,
  maxPlanBytes,
  needInput,
  needView,
  planView,
  sharedCourseView,
  updateAgreementInput,
  updateAppendixInput,
  updateDialogueInput,
  updateNeedInput,
} from "../../../common/agreements.ts";
import { idParams, uuid } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { contentDisposition } from "../../platform/files.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemSchema, problems } from "../../platform/problem.ts";
import { requireMultipart, sendStoredFile, withUploadSlot } from "../../platform/uploads.ts";
import { appendixDocument } from "./agreements.appendix-doc.ts";
import * as edit from "./agreements.edit.ts";
import * as items from "./agreements.items.ts";
import * as plans from "./agreements.plans.ts";
import { agreementAppendix, agreementDialogues, agreementNeeds, agreements } from "./agreements.schema.ts";
import * as service from "./agreements.service.ts";

const tags = ["SKO-avtal"];
const errors = problems(401, 403, 404, 409, 422);

const agreementVersion = versioned(agreements, { labels: "agreements.fields" });
const uploadErrors = { ...errors, 413: problemSchema, 415: problemSchema, 503: problemSchema };
const planParams = idParams.extend({ planId: uuid });
const commentParams = idParams.extend({ dialogueId: uuid });

/** The one file of a multipart upload (other parts are ignored). */
async function readFilePart(request: FastifyRequest) {
  let file: { filename: string; data: Buffer } | null = null;
  for await (const part of request.parts())
    if (part.type === "file") file = { filename: part.filename, data: await part.toBuffer() };
  return file;
}

/**
 * The single items of an agreement, each versioned by its own row (ETag on GET, If-Match on PATCH and
 * DELETE): what the path calls them, their key, table, view, PATCH body and service functions.
 */
const itemKinds = [
  {
    path: "needs",
    param: "needId",
    table: agreementNeeds,
    view: needView,
    body: updateNeedInput,
    noun: "ett behov",
    update: edit.updateNeed,
    remove: edit.deleteNeed,
    deleteNote: " (409 med kursraderna när kursbilagan täcker det)",
  },
  {
    path: "appendix",
    param: "appendixId",
    table: agreementAppendix,
    view: appendixRowView,
    body: updateAppendixInput,
    noun: "en rad i kursbilagan",
    update: edit.updateAppendixRow,
    remove: edit.deleteAppendixRow,
    deleteNote: " (behoven den täckte blir otäckta igen)",
  },
  {
    path: "dialogues",
    param: "dialogueId",
    table: agreementDialogues,
    view: dialogueView,
    body: updateDialogueInput,
    noun: "en samverkansdialog",
    update: edit.updateDialogue,
    remove: edit.deleteDialogue,
    deleteNote: " (behoven den lade till blir kvar)",
  },
] as const;

/** A rendered file as a download (Fastify sends a Buffer as it is, past the response schemas). */
function sendFile(
  reply: FastifyReply,
  file: { body: string | Buffer; contentType: string; filename: string },
) {
  return reply
    .header("content-disposition", contentDisposition(file.filename))
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
      config: { versioned: agreementVersion },
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
      config: { versioned: agreementVersion },
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
      config: { versioned: agreementVersion },
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

  for (const kind of itemKinds) {
    const params = idParams.extend({ [kind.param]: uuid });
    const url = `/api/agreements/:id/${kind.path}/:${kind.param}`;
    const config = { versioned: versioned(kind.table, { param: kind.param, labels: "agreements.fields" }) };
    const itemId = (request: FastifyRequest) => (request.params as Record<string, string>)[kind.param];
    r.get(
      url,
      {
        config,
        schema: { tags, summary: `Hämta ${kind.noun}`, params, response: { 200: kind.view, ...errors } },
      },
      async (request) =>
        edit.getItem(db, request.actor, (request.params as { id: string }).id, kind.path, itemId(request)),
    );
    r.patch(
      url,
      {
        config,
        schema: {
          tags,
          summary: `Ändra ${kind.noun} (bara de fält som skickas); svarar med avtalet`,
          params,
          body: kind.body,
          response: { 200: agreementView, ...errors },
        },
      },
      async (request) =>
        kind.update(
          db,
          request.actor,
          (request.params as { id: string }).id,
          itemId(request),
          // Validated by this kind's own body schema above.
          request.body as never,
        ),
    );
    r.delete(
      url,
      {
        config,
        schema: {
          tags,
          summary: `Ta bort ${kind.noun}${kind.deleteNote}`,
          params,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await kind.remove(db, request.actor, (request.params as { id: string }).id, itemId(request));
        return reply.status(204).send(null);
      },
    );
  }

  r.post(
    "/api/agreements/:id/dialogues/:dialogueId/comments",
    {
      schema: {
        tags,
        summary: "Kommentera en samverkansdialog (samordnare och avtalets egna partner)",
        params: commentParams,
        body: dialogueCommentInput,
        response: { 201: agreementView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await edit.addComment(
            db,
            request.actor,
            request.params.id,
            request.params.dialogueId,
            request.body,
          ),
        ),
  );

  r.get(
    "/api/agreements/:id/plans",
    {
      schema: {
        tags,
        summary: "Partnerns kompetensförsörjningsplaner (uppladdade filer), äldst först",
        params: idParams,
        response: { 200: z.object({ items: z.array(planView) }), ...errors },
      },
    },
    async (request) => ({ items: await plans.listPlans(db, request.actor, request.params.id) }),
  );
  r.get(
    "/api/agreements/:id/plans/:planId",
    {
      schema: {
        tags,
        summary: "Hämta en kompetensförsörjningsplan (filen som den laddades upp)",
        params: planParams,
      },
    },
    async (request, reply) => {
      const { row, data } = await plans.downloadPlan(
        db,
        request.actor,
        request.params.id,
        request.params.planId,
      );
      return sendStoredFile(reply, row, data);
    },
  );
  // The upload parses multipart only here (an encapsulated scope), with the plan's size limit.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: maxPlanBytes, files: 1, fields: 5 } });
    typed(scope).post(
      "/api/agreements/:id/plans",
      {
        bodyLimit: maxPlanBytes + 1024 * 1024,
        schema: {
          tags,
          summary:
            "Ladda upp partnerns kompetensförsörjningsplan (multipart: file; PDF, Word, Excel, ODT ≤ 10 MB)",
          params: idParams,
          consumes: ["multipart/form-data"],
          response: { 201: planView, ...uploadErrors },
        },
        onRequest: requireMultipart,
      },
      async (request, reply) => {
        // Permission first: nobody else gets as far as sending the file's bytes.
        await plans.mayUploadPlan(db, request.actor, request.params.id);
        const plan = await withUploadSlot(reply, async () =>
          plans.uploadPlan(db, request.actor, request.params.id, await readFilePart(request)),
        );
        return reply.status(201).send(plan);
      },
    );
  });
}
