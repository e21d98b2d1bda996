import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  callDetailView,
  callListQuery,
  callView,
  createCallInput,
  developIdeaInput,
  funnelView,
  grantInput,
  ideaDetailView,
  ideaDocumentView,
  ideaListQuery,
  ideasByOrganisationView,
  ideaView,
  recommendationInput,
  recommendationView,
  reviewerCandidatesQuery,
  reviewerCandidateView,
  reviewInput,
  reviewView,
  transitionInput,
  versionView,
} from "../../../common/ideas.ts";
import { maxDocumentBytes } from "../../../common/learning.ts";
import { idParams, requiredText, uuid } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { fieldErrors } from "../../platform/errors.ts";
import { versioned } from "../../platform/etag.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemSchema, problems } from "../../platform/problem.ts";
import { requireMultipart, sendStoredFile, withUploadSlot } from "../../platform/uploads.ts";
import * as calls from "./calls.service.ts";
import * as development from "./development.service.ts";
import { grantIdea } from "./grant.service.ts";
import {
  averagesOf,
  presentCall,
  presentDocument,
  presentIdea,
  presentRecommendation,
  presentReview,
  presentTransition,
  presentVersion,
} from "./ideas.presenter.ts";
import { ideaCalls, ideas } from "./ideas.schema.ts";
import * as service from "./ideas.service.ts";
import { recordIdea } from "./public-ideas.service.ts";

const tags = ["Idéer"];
const errors = problems(401, 403, 404, 409, 422);

const uploadErrors = { ...errors, 413: problemSchema, 415: problemSchema, 503: problemSchema };
const documentParams = idParams.extend({ documentId: uuid });

/** A multipart upload: the file and an optional title. */
async function readUpload(request: FastifyRequest) {
  let title: string | null = null;
  let file: { filename: string; data: Buffer } | null = null;
  for await (const part of request.parts()) {
    if (part.type === "file") file = { filename: part.filename, data: await part.toBuffer() };
    else if (part.fieldname === "title") title = String(part.value);
  }
  if (!file) throw fieldErrors({ file: "validation.learning.fileMissing" });
  return { ...file, title };
}

/** /api/calls and /api/ideas: calls for ideas and their ideas, for those inside the platform. */
export function registerIdeaRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/calls",
    {
      schema: {
        tags,
        summary: "Idéefterlysningar",
        querystring: callListQuery,
        response: { 200: listOf(callView), ...errors },
      },
    },
    async (request) => {
      const result = await calls.listCalls(db, request.actor, request.query);
      return { items: result.items.map((c) => presentCall(c)), nextCursor: result.nextCursor };
    },
  );

  r.post(
    "/api/calls",
    {
      schema: {
        tags,
        summary: "Skapa en idéefterlysning",
        body: createCallInput,
        response: { 201: callView, ...errors },
      },
    },
    async (request, reply) => {
      const id = await calls.createCall(db, request.actor!, request.body);
      return reply.status(201).send(presentCall(await calls.getCall(db, request.actor, id)));
    },
  );

  r.get(
    "/api/calls/:id",
    {
      config: { versioned: versioned(ideaCalls) },
      schema: {
        tags,
        summary: "En idéefterlysning med sin panel",
        params: idParams,
        response: { 200: callDetailView, ...errors },
      },
    },
    async (request) => {
      const detail = await calls.getCallDetail(db, request.actor, request.params.id);
      return { ...presentCall(detail.record), reviewers: detail.reviewers, mayManage: detail.mayManage };
    },
  );

  r.get(
    "/api/calls/:id/reviewer-candidates",
    {
      schema: {
        tags,
        summary: "Användare att välja till panelen: aktiva vars namn eller e-post matchar q (högst 20)",
        params: idParams,
        querystring: reviewerCandidatesQuery,
        response: { 200: z.object({ items: z.array(reviewerCandidateView) }), ...errors },
      },
    },
    async (request) => ({
      items: await calls.reviewerCandidates(db, request.actor!, request.params.id, request.query.q),
    }),
  );

  r.put(
    "/api/calls/:id/reviewers",
    {
      config: { versioned: versioned(ideaCalls) },
      schema: {
        tags,
        summary: "Panelen: användarna som bedömer utlysningens idéer",
        params: idParams,
        body: z.strictObject({ userIds: z.array(uuid).max(50) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await calls.setCallReviewers(db, request.actor!, request.params.id, request.body.userIds);
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/calls/:id/funnel",
    {
      schema: {
        tags,
        summary: "Tratten: hur många idéer som nått varje steg, beviljat belopp och projekt",
        params: idParams,
        response: { 200: funnelView, ...errors },
      },
    },
    async (request) => calls.callFunnel(db, request.actor, request.params.id),
  );

  r.post(
    "/api/calls/:id/ideas",
    {
      schema: {
        tags,
        summary: "Registrera en idé som kommit in på annat sätt (papper, e-post, workshop)",
        params: idParams,
        body: z.strictObject({
          title: requiredText(300),
          summary: requiredText(4000),
          organisation: requiredText(300).nullish(),
        }),
        response: { 201: ideaView, ...errors },
      },
    },
    async (request, reply) => {
      const idea = await recordIdea(db, request.actor!, request.params.id, {
        title: request.body.title,
        summary: request.body.summary,
        organisationText: request.body.organisation ?? null,
      });
      return reply.status(201).send(presentIdea(idea, { reviewCount: 0, averageScore: null }, true));
    },
  );

  r.get(
    "/api/ideas",
    {
      schema: {
        tags,
        summary: "En utlysnings idéer",
        querystring: ideaListQuery,
        response: { 200: listOf(ideaView), ...errors },
      },
    },
    async (request) => {
      const result = await service.listIdeas(db, request.actor, request.query);
      const personal = service.maySeePersonal(request.actor, result.call);
      return {
        items: result.items.map((row) => presentIdea(row.idea, row, personal)),
        nextCursor: result.nextCursor,
      };
    },
  );

  r.get(
    "/api/ideas/:id",
    {
      config: { versioned: versioned(ideas) },
      schema: {
        tags,
        summary: "En idé med historik och bedömningar",
        params: idParams,
        response: { 200: ideaDetailView, ...errors },
      },
    },
    async (request) => {
      const d = await service.getIdea(db, request.actor, request.params.id);
      return {
        ...presentIdea(d.idea, d.summary, d.showPersonal),
        transitions: d.transitions.map(presentTransition),
        reviews: d.reviews.map(presentReview),
        averages: averagesOf(d.reviews),
        ownReview: d.ownReview ? presentReview(d.ownReview) : null,
        nextStages: d.nextStages,
        recommendation: presentRecommendation(d.idea),
        versionCount: d.versionCount,
        mayReview: d.mayReview,
        mayRecommend: d.mayRecommend,
        mayGrant: d.mayGrant,
        criteria: d.call.call.criteria,
        template: presentCall(d.call).template,
        callTitle: d.call.call.title,
      };
    },
  );

  r.post(
    "/api/ideas/:id/transition",
    {
      schema: {
        tags,
        summary: "Flytta en idé ett steg framåt, eller avslå/dra tillbaka den",
        params: idParams,
        body: transitionInput,
        response: { 200: ideaView, ...errors },
      },
    },
    async (request) => {
      const idea = await service.transitionIdea(db, request.actor!, request.params.id, request.body);
      return presentIdea(idea, { reviewCount: 0, averageScore: null }, false);
    },
  );

  r.post(
    "/api/ideas/:id/reviews",
    {
      schema: {
        tags,
        summary: "Panelens bedömning: 1–5 per kriterium och en kommentar",
        params: idParams,
        body: reviewInput,
        response: { 201: reviewView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentReview(await service.reviewIdea(db, request.actor!, request.params.id, request.body))),
  );

  r.post(
    "/api/ideas/:id/grant",
    {
      schema: {
        tags,
        summary:
          "Bevilja en beredd idé med styrelsens beslut: projektet skapas i portföljen med sin finansiering",
        params: idParams,
        body: grantInput,
        response: { 201: ideaView.extend({ projectId: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const idea = await grantIdea(db, request.actor!, request.params.id, request.body);
      return reply.status(201).send({
        ...presentIdea(idea, { reviewCount: 0, averageScore: null }, false),
        projectId: idea.projectId!,
      });
    },
  );

  r.get(
    "/api/ideas/by-organisation",
    {
      schema: {
        tags,
        summary: "Idéer per organisation och part, över alla utlysningar eller för en",
        querystring: z.strictObject({ callId: uuid.optional() }),
        response: { 200: ideasByOrganisationView, ...errors },
      },
    },
    async (request) => ({
      items: await development.ideasByOrganisationAndParty(db, request.actor, request.query.callId),
    }),
  );

  r.patch(
    "/api/ideas/:id",
    {
      config: { versioned: versioned(ideas) },
      schema: {
        tags,
        summary: "Spara mallen som fylls i under utvecklingen; varje sparning blir en version",
        params: idParams,
        body: developIdeaInput,
        response: { 200: ideaView, ...errors },
      },
    },
    async (request) => {
      const idea = await development.developIdea(db, request.actor!, request.params.id, request.body);
      return presentIdea(idea, { reviewCount: 0, averageScore: null }, false);
    },
  );

  r.get(
    "/api/ideas/:id/versions",
    {
      schema: {
        tags,
        summary: "Idéns sparade versioner, den senaste först",
        params: idParams,
        response: { 200: z.object({ items: z.array(versionView) }), ...errors },
      },
    },
    async (request) => ({
      items: (await development.listVersions(db, request.actor, request.params.id)).map(presentVersion),
    }),
  );

  r.put(
    "/api/ideas/:id/recommendation",
    {
      // The recommendation is part of the idea: a stale If-Match (someone else's recommendation or
      // template save since the reader loaded the idea) answers 412 instead of overwriting it.
      config: { versioned: versioned(ideas) },
      schema: {
        tags,
        summary: "Sektorsgruppens beredning: rekommendation till styrelsen",
        params: idParams,
        body: recommendationInput,
        response: { 200: recommendationView, ...errors },
      },
    },
    async (request) =>
      presentRecommendation(
        await development.recommendIdea(db, request.actor!, request.params.id, request.body),
      )!,
  );

  r.get(
    "/api/ideas/:id/documents",
    {
      schema: {
        tags,
        summary: "Idéns dokument från utvecklingen",
        params: idParams,
        response: { 200: z.object({ items: z.array(ideaDocumentView) }), ...errors },
      },
    },
    async (request) => ({
      items: (await development.listDocuments(db, request.actor, request.params.id)).map(presentDocument),
    }),
  );

  r.get(
    "/api/ideas/:id/documents/:documentId",
    { schema: { tags, summary: "Hämta ett av idéns dokument", params: documentParams } },
    async (request, reply) => {
      const { row, data } = await development.downloadDocument(
        db,
        request.actor,
        request.params.id,
        request.params.documentId,
      );
      return sendStoredFile(reply, row, data);
    },
  );

  // Uploads parse multipart only here (an encapsulated scope), with the size limit of documents.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: maxDocumentBytes, files: 1, fields: 5 } });
    typed(scope).post(
      "/api/ideas/:id/documents",
      {
        bodyLimit: maxDocumentBytes + 1024 * 1024,
        schema: {
          tags,
          summary: "Ladda upp ett dokument till idén (multipart: title, file)",
          params: idParams,
          consumes: ["multipart/form-data"],
          response: { 201: ideaDocumentView, ...uploadErrors },
        },
        onRequest: requireMultipart,
      },
      async (request, reply) => {
        // The permission first: nobody else gets as far as sending the file's bytes.
        await development.mayAddDocument(db, request.actor, request.params.id);
        const doc = await withUploadSlot(reply, async () =>
          development.addDocument(db, request.actor!, request.params.id, await readUpload(request)),
        );
        return reply.status(201).send(presentDocument(doc));
      },
    );
  });
}
