import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  callListQuery,
  callView,
  createCallInput,
  funnelView,
  grantInput,
  ideaDetailView,
  ideaListQuery,
  ideaView,
  reviewInput,
  reviewView,
  transitionInput,
} from "../../../common/ideas.ts";
import { idParams, requiredText, uuid } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemSchema } from "../../platform/problem.ts";
import * as calls from "./calls.service.ts";
import { grantIdea } from "./grant.service.ts";
import { averagesOf, presentCall, presentIdea, presentReview, presentTransition } from "./ideas.presenter.ts";
import { ideaCalls } from "./ideas.schema.ts";
import * as service from "./ideas.service.ts";
import { recordIdea } from "./public-ideas.service.ts";

const tags = ["Idéer"];
const errors = {
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

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
        summary: "En idéefterlysning",
        params: idParams,
        response: { 200: callView, ...errors },
      },
    },
    async (request) => presentCall(await calls.getCall(db, request.actor, request.params.id)),
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
}
