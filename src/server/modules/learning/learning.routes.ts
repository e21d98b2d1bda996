import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  documentView,
  feedbackView,
  learningFeedbackInput,
  linkInput,
  linkView,
  maxDocumentBytes,
  maxRecordingBytes,
  postInput,
  postView,
  spaceInput,
  spaceMembersInput,
  spaceView,
  threadInput,
  threadView,
} from "../../../common/learning.ts";
import { uuid } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { fieldErrors } from "../../platform/errors.ts";
import { versioned } from "../../platform/etag.ts";
import { problemSchema, problems } from "../../platform/problem.ts";
import {
  requireMultipart,
  sendStoredFile,
  streamStoredFile,
  withUploadSlot,
} from "../../platform/uploads.ts";
import * as documents from "./documents.service.ts";
import * as presenter from "./learning.presenter.ts";
import { learningSpaces } from "./learning.schema.ts";
import * as learning from "./learning.service.ts";

const tags = ["Lärplattform"];
const errors = problems(401, 403, 404, 413, 422);
const uploadErrors = { ...errors, 415: problemSchema, 503: problemSchema };
const spaceParams = z.object({ id: uuid });
const threadParams = spaceParams.extend({ threadId: uuid });
const documentParams = spaceParams.extend({ documentId: uuid });
const versionParams = documentParams.extend({ version: z.coerce.number().int().min(1) });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const memberView = z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.string() });

/** A multipart upload: the file and the text fields (title, description). */
async function readUpload(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { filename: string; data: Buffer } | null = null;
  for await (const part of request.parts()) {
    if (part.type === "file") file = { filename: part.filename, data: await part.toBuffer() };
    else fields[part.fieldname] = String(part.value);
  }
  if (!file) throw fieldErrors({ file: "validation.learning.fileMissing" });
  return { ...file, title: fields.title ?? null, description: fields.description ?? null };
}

/** /api/learning: a project's or network's space, only for its members (404 for everyone else). */
export function registerLearningRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/learning/spaces",
    {
      schema: {
        tags,
        summary: "Lärplattformar du är medlem i",
        response: { 200: list(spaceView), 401: problemSchema },
      },
    },
    async (request) => ({
      items: (await learning.listSpaces(db, request.actor)).map((s) => presenter.space(s, request.actor)),
    }),
  );
  r.post(
    "/api/learning/spaces",
    {
      schema: {
        tags,
        summary: "Skapa en lärplattform",
        body: spaceInput,
        response: { 201: spaceView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presenter.space(await learning.createSpace(db, request.actor, request.body), request.actor)),
  );
  r.get(
    "/api/learning/spaces/:id",
    {
      config: { versioned: versioned(learningSpaces) },
      schema: {
        tags,
        summary: "En lärplattform",
        params: spaceParams,
        response: { 200: spaceView, ...errors },
      },
    },
    async (request) =>
      presenter.space(await learning.getSpace(db, request.actor, request.params.id), request.actor),
  );
  r.get(
    "/api/learning/spaces/:id/members",
    {
      config: { versioned: versioned(learningSpaces) },
      schema: {
        tags,
        summary: "Medlemmar",
        params: spaceParams,
        response: { 200: list(memberView), ...errors },
      },
    },
    async (request) => ({ items: await learning.listMembers(db, request.actor, request.params.id) }),
  );
  r.put(
    "/api/learning/spaces/:id/members",
    {
      config: { versioned: versioned(learningSpaces) },
      schema: {
        tags,
        summary: "Sätt medlemmarna",
        params: spaceParams,
        body: spaceMembersInput,
        response: { 200: list(memberView), ...errors },
      },
    },
    async (request) => ({
      items: await learning.setMembers(db, request.actor, request.params.id, request.body),
    }),
  );

  r.get(
    "/api/learning/spaces/:id/documents",
    {
      schema: {
        tags,
        summary: "Dokument med versioner",
        params: spaceParams,
        response: { 200: list(documentView), ...errors },
      },
    },
    async (request) => ({
      items: (await documents.listDocuments(db, request.actor, request.params.id)).map(presenter.document),
    }),
  );
  // Uploads parse multipart only here (an encapsulated scope), with the size limit of documents.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: maxDocumentBytes, files: 1, fields: 10 } });
    const s = typed(scope);
    s.post(
      "/api/learning/spaces/:id/documents",
      {
        bodyLimit: maxDocumentBytes + 1024 * 1024,
        schema: {
          tags,
          summary: "Ladda upp ett dokument (multipart: title, description, file)",
          params: spaceParams,
          consumes: ["multipart/form-data"],
          response: { 201: documentView, ...uploadErrors },
        },
        onRequest: requireMultipart,
      },
      async (request, reply) => {
        // Membership first: nobody else gets as far as sending the file's bytes.
        await documents.mayUpload(db, request.actor, request.params.id);
        const doc = await withUploadSlot(reply, async () =>
          documents.uploadDocument(db, request.actor, request.params.id, await readUpload(request)),
        );
        return reply.status(201).send(presenter.document(doc));
      },
    );
    s.post(
      "/api/learning/spaces/:id/documents/:documentId/versions",
      {
        bodyLimit: maxDocumentBytes + 1024 * 1024,
        schema: {
          tags,
          summary: "Ladda upp en ny version (multipart: file)",
          params: documentParams,
          consumes: ["multipart/form-data"],
          response: { 201: documentView, ...uploadErrors },
        },
        onRequest: requireMultipart,
      },
      async (request, reply) => {
        const { id, documentId } = request.params;
        await documents.mayUpload(db, request.actor, id, documentId);
        const doc = await withUploadSlot(reply, async () =>
          documents.uploadDocument(db, request.actor, id, await readUpload(request), documentId),
        );
        return reply.status(201).send(presenter.document(doc));
      },
    );
  });
  // Recorded lectures (audio, video): their own scope, with their own larger size limit and types.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: maxRecordingBytes, files: 1, fields: 10 } });
    typed(scope).post(
      "/api/learning/spaces/:id/recordings",
      {
        bodyLimit: maxRecordingBytes + 1024 * 1024,
        schema: {
          tags,
          summary:
            "Ladda upp en inspelad föreläsning, ljud eller video (multipart: title, description, file)",
          params: spaceParams,
          consumes: ["multipart/form-data"],
          response: { 201: documentView, ...uploadErrors },
        },
        onRequest: requireMultipart,
      },
      async (request, reply) => {
        await documents.mayUpload(db, request.actor, request.params.id);
        const doc = await withUploadSlot(reply, async () =>
          documents.uploadDocument(
            db,
            request.actor,
            request.params.id,
            await readUpload(request),
            undefined,
            "recording",
          ),
        );
        return reply.status(201).send(presenter.document(doc));
      },
    );
  });
  r.get(
    "/api/learning/spaces/:id/documents/:documentId/versions/:version/stream",
    {
      schema: {
        tags,
        summary:
          "Spela upp en version (Range-förfrågningar: 206 med Content-Range, så att spelaren kan spola)",
        params: versionParams,
      },
    },
    async (request, reply) => {
      const { id, documentId, version } = request.params;
      const { row, path } = await documents.versionFile(db, request.actor, id, documentId, version);
      return streamStoredFile(request, reply, row, path);
    },
  );
  r.get(
    "/api/learning/spaces/:id/documents/:documentId/versions/:version",
    { schema: { tags, summary: "Hämta en version av ett dokument", params: versionParams } },
    async (request, reply) => {
      const { id, documentId, version } = request.params;
      const { row, data } = await documents.downloadVersion(db, request.actor, id, documentId, version);
      return sendStoredFile(reply, row, data);
    },
  );

  r.get(
    "/api/learning/spaces/:id/links",
    {
      schema: {
        tags,
        summary: "Litteraturtips, inspelade föreläsningar och länkar",
        params: spaceParams,
        response: { 200: list(linkView), ...errors },
      },
    },
    async (request) => ({
      items: (await learning.listLinks(db, request.actor, request.params.id)).map(presenter.link),
    }),
  );
  r.post(
    "/api/learning/spaces/:id/links",
    {
      schema: {
        tags,
        summary: "Tipsa om litteratur eller en länk",
        params: spaceParams,
        body: linkInput,
        response: { 201: linkView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presenter.link(await learning.addLink(db, request.actor, request.params.id, request.body))),
  );

  r.get(
    "/api/learning/spaces/:id/threads",
    {
      schema: {
        tags,
        summary: "Forumets trådar",
        params: spaceParams,
        response: { 200: list(threadView), ...errors },
      },
    },
    async (request) => ({
      items: (await learning.listThreads(db, request.actor, request.params.id)).map(presenter.thread),
    }),
  );
  r.post(
    "/api/learning/spaces/:id/threads",
    {
      schema: {
        tags,
        summary: "Starta en tråd",
        params: spaceParams,
        body: threadInput,
        response: { 201: threadView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presenter.thread(await learning.startThread(db, request.actor, request.params.id, request.body)),
        ),
  );
  r.get(
    "/api/learning/spaces/:id/threads/:threadId",
    {
      schema: {
        tags,
        summary: "En tråd med inlägg",
        params: threadParams,
        response: { 200: z.object({ thread: threadView, posts: z.array(postView) }), ...errors },
      },
    },
    async (request) => {
      const { thread, posts } = await learning.getThread(
        db,
        request.actor,
        request.params.id,
        request.params.threadId,
      );
      return { thread: presenter.thread(thread), posts: posts.map(presenter.post) };
    },
  );
  r.post(
    "/api/learning/spaces/:id/threads/:threadId/posts",
    {
      schema: {
        tags,
        summary: "Svara i en tråd",
        params: threadParams,
        body: postInput,
        response: { 201: postView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presenter.post(
            await learning.reply(db, request.actor, request.params.id, request.params.threadId, request.body),
          ),
        ),
  );

  r.get(
    "/api/learning/spaces/:id/feedback",
    {
      schema: {
        tags,
        summary: "Medlemmarnas synpunkter på aktiviteter",
        params: spaceParams,
        response: { 200: list(feedbackView), ...errors },
      },
    },
    async (request) => ({
      items: (await learning.listFeedback(db, request.actor, request.params.id)).map(presenter.feedback),
    }),
  );
  r.post(
    "/api/learning/spaces/:id/feedback",
    {
      schema: {
        tags,
        summary: "Lämna synpunkter",
        params: spaceParams,
        body: learningFeedbackInput,
        response: { 201: feedbackView, ...errors },
      },
    },
    async (request, reply) => {
      const row = await learning.giveFeedback(db, request.actor, request.params.id, request.body);
      return reply.status(201).send(presenter.feedback({ feedback: row, activityTitle: null }));
    },
  );
}
